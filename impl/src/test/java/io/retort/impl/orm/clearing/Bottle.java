package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A crate's bottle. */
@Mapped(table = "rx_bottle")
public class Bottle {
    @Id @Nullable Integer id;
    @ForeignKey("rx_crate.id") @Nullable Integer crateId;
    @Column(length = 30) String name = "";

    protected Bottle() {
    }

    Bottle(String name) {
        this.name = name;
    }
}
