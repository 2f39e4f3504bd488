package io.retort.impl.orm.inheritance.subclass;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The target of {@link Truck#depot}. */
@Mapped(table = "depots")
public class Depot {
    @Id @Nullable Integer depotId;
    @Column(length = 30) String city;

    protected Depot() {
        this.city = "";
    }

    Depot(String city) {
        this.city = city;
    }
}
