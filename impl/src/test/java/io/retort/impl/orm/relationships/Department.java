package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** Half of a cycle of rows: a department's manager works in it. */
@Mapped
public class Department {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @ForeignKey("employee.id") @Nullable Integer managerId;
    @Relationship(postUpdate = true) @Nullable Employee manager;

    protected Department() {
    }

    Department(String name) {
        this.name = name;
    }
}
