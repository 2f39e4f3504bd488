package io.retort.impl.orm.clearing;

import io.retort.orm.Cascade;
import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parent whose one-directional collection cascades ALL (refresh-expire and expunge among them), no delete-orphan. */
@Mapped(table = "rx_crate")
public class Crate {
    @Id @Nullable Integer id;
    @Column(length = 30) String label = "";
    @Relationship(cascade = Cascade.ALL) List<Bottle> bottles = new ArrayList<>();

    protected Crate() {
    }

    Crate(String label) {
        this.label = label;
    }
}
