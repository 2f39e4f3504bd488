package io.retort.impl.orm.inheritance.subclass;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Inheritance;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import org.jspecify.annotations.Nullable;

/** A JOINED base class without relationships, whose subclass {@link Truck} has its own. */
@Mapped(table = "vehicles")
@Inheritance(strategy = InheritanceStrategy.JOINED, discriminator = "kind", subclasses = {Truck.class, Car.class})
@PolymorphicIdentity("vehicle")
public class Vehicle {
    @Id @Nullable Integer vehicleId;
    @Column(length = 30) String plate;
    @Column(length = 20) @Nullable String kind;

    protected Vehicle() {
        this.plate = "";
    }

    Vehicle(String plate) {
        this.plate = plate;
    }
}
