package io.retort.impl.orm.inheritance.subclass;

import io.retort.orm.ForeignKey;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A subclass with relationships its base class does not have: a reference and a collection. */
@Mapped(table = "trucks")
@PolymorphicIdentity("truck")
public class Truck extends Vehicle {
    @ForeignKey("depots.depot_id") @Nullable Integer depotId;
    @Relationship @Nullable Depot depot;
    @Relationship(backPopulates = "truck") List<Cargo> cargo = new ArrayList<>();

    protected Truck() {
    }

    Truck(String plate, Depot depot) {
        super(plate);
        this.depot = depot;
    }
}
