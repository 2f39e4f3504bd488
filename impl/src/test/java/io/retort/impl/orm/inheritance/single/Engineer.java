package io.retort.impl.orm.inheritance.single;

import io.retort.orm.Column;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's single-table {@code Engineer}. */
@Mapped
@PolymorphicIdentity("engineer")
public class Engineer extends Employee {
    @Column(length = 50) @Nullable String engineerInfo;

    protected Engineer() {
    }

    public Engineer(String name, String engineerInfo) {
        super(name);
        this.engineerInfo = engineerInfo;
    }
}
