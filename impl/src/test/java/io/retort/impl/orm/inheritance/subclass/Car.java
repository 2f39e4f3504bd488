package io.retort.impl.orm.inheritance.subclass;

import io.retort.orm.Column;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import org.jspecify.annotations.Nullable;

/** A subclass without relationships. */
@Mapped(table = "cars")
@PolymorphicIdentity("car")
public class Car extends Vehicle {
    @Column(length = 30) @Nullable String model;

    protected Car() {
    }

    Car(String plate, String model) {
        super(plate);
        this.model = model;
    }
}
