package io.retort.impl.orm.inheritance.single;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Inheritance;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import org.jspecify.annotations.Nullable;

/**
 * The base of SQLAlchemy's {@code test_single.SingleInheritanceTest} hierarchy: one table, employees, for Employee,
 * Manager, Engineer and JuniorEngineer.
 */
@Mapped(table = "employees")
@Inheritance(strategy = InheritanceStrategy.SINGLE_TABLE, discriminator = "type",
        subclasses = {Manager.class, Engineer.class, JuniorEngineer.class})
@PolymorphicIdentity("employee")
public class Employee {
    @Id @Nullable Integer employeeId;
    @Column(length = 50) String name;
    @Column(length = 20) @Nullable String type;

    protected Employee() {
        this.name = "";
    }

    public Employee(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
