package io.retort.docs.readme;

import io.retort.orm.Mapped;

/** The README's subclass: its own table car, keyed by a foreign key to vehicle. */
// tag::car[]
@Mapped
public class Car extends Vehicle {
    int doors;                                     // in table car, whose key id refers to vehicle.id

    protected Car() {}

    public Car(String name, int doors) {
        super(name);
        this.doors = doors;
    }
}
// end::car[]
