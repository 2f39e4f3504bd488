package io.retort.impl.orm;

import io.retort.orm.Id;
import io.retort.orm.Mapped;

/** The smallest mapped class, whose metamodel {@code ProcessorSmokeEntity_} retort-processor generates in this build. */
@Mapped
public class ProcessorSmokeEntity {
    @Id Integer id;
    String name;

    protected ProcessorSmokeEntity() {
    }
}
