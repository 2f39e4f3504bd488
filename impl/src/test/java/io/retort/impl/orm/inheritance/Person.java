package io.retort.impl.orm.inheritance;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Inheritance;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/**
 * The base of SQLAlchemy's {@code test_poly_persistence.PolymorphTest} hierarchy, JOINED: tables people, engineers,
 * managers and boss (Boss extends Manager: three levels).
 */
@Mapped(table = "people")
@Inheritance(strategy = InheritanceStrategy.JOINED, discriminator = "type",
        subclasses = {Engineer.class, Manager.class, Boss.class})
@PolymorphicIdentity("person")
public class Person {
    @Id @Nullable Integer personId;
    @ForeignKey("companies.company_id") @Nullable Integer companyId;
    @Column(length = 50) String name;
    @Column(length = 30) @Nullable String type;
    @Relationship(backPopulates = "employees") @Nullable Company company;

    protected Person() {
        this.name = "";
    }

    public Person(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
