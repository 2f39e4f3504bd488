package io.retort.impl.orm.inheritance.single;

import io.retort.orm.Column;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;

/** SQLAlchemy's single-table {@code Manager}: its column manager_data is a column of employees. */
@Mapped
@PolymorphicIdentity("manager")
public class Manager extends Employee {
    @Column(length = 50) String managerData; // NOT NULL in Java, a NULL-able column of the shared table

    protected Manager() {
        this.managerData = "";
    }

    public Manager(String name, String managerData) {
        super(name);
        this.managerData = managerData;
    }
}
