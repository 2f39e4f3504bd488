package io.retort.docs.readme;

import io.retort.orm.BeforeInsert;
import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Inheritance;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The README's base class of an inheritance hierarchy, with an event method. */
// tag::vehicle[]
@Mapped
@Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = Car.class)
public class Vehicle {
    @Id @Nullable Integer id;
    @Column(length = 50) String name;
    @Column(length = 20) @Nullable String type;   // the discriminator: "Vehicle" or "Car", set by the flush

    protected Vehicle() {}

    public Vehicle(String name) {
        this.name = name;
    }

    @BeforeInsert
    void announce() {
        System.out.println("inserting " + this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + name;
    }
}
// end::vehicle[]
