package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** The other half of the cycle. */
@Mapped
public class Employee {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @ForeignKey("department.id") @Nullable Integer departmentId;
    @Relationship @Nullable Department department;

    protected Employee() {
    }

    Employee(String name, Department department) {
        this.name = name;
        this.department = department;
    }
}
