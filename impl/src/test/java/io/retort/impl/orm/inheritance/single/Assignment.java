package io.retort.impl.orm.inheritance.single;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** A many-to-one relationship whose target is the base class of a SINGLE_TABLE hierarchy. */
@Mapped(table = "assignments")
public class Assignment {
    @Id @Nullable Integer id;
    @Column(length = 50) String task;
    @ForeignKey("employees.employee_id") @Nullable Integer employeeId;
    @Relationship @Nullable Employee employee;

    protected Assignment() {
        this.task = "";
    }

    Assignment(String task, Employee employee) {
        this.task = task;
        this.employee = employee;
    }
}
