package io.retort.impl.orm.inheritance;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's {@code _poly_fixtures} {@code Company}: a relationship whose target is the base class Person. */
@Mapped(table = "companies")
public class Company {
    @Id @Nullable Integer companyId;
    @Column(length = 50) String name;
    @Relationship(backPopulates = "company") List<Person> employees = new ArrayList<>();

    protected Company() {
        this.name = "";
    }

    public Company(String name) {
        this.name = name;
    }

    /** Adds an employee (for tests in other packages). */
    public Company hire(Person person) {
        employees.add(person);
        return this;
    }
}
