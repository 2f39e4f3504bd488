package io.retort.impl.orm.inheritance.subclass;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** The elements of {@link Truck#cargo}. */
@Mapped(table = "cargo")
public class Cargo {
    @Id @Nullable Integer cargoId;
    @Column(length = 30) String name;
    @ForeignKey("trucks.vehicle_id") @Nullable Integer truckId;
    @Relationship(backPopulates = "cargo") @Nullable Truck truck;

    protected Cargo() {
        this.name = "";
    }

    Cargo(String name) {
        this.name = name;
    }
}
