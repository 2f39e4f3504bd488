package io.retort.docs.readme;

import io.retort.orm.Composite;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The README's subclass: its own table car, keyed by a foreign key to vehicle. */
// tag::car[]
@Mapped
public class Car extends Vehicle {
    int doors;                                     // in table car, whose key id refers to vehicle.id
    @Composite @Nullable Money price;              // a record: columns price_amount and price_currency

    protected Car() {}

    public Car(String name, int doors, Money price) {
        super(name);
        this.doors = doors;
        this.price = price;
    }
}
// end::car[]
