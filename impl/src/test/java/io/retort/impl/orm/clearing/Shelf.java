package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parent with a one-directional one-to-many of the default cascade (save-update, no delete). */
@Mapped(table = "fk_shelf")
public class Shelf {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @Relationship List<ShelfItem> items = new ArrayList<>();

    protected Shelf() {
    }

    Shelf(String name) {
        this.name = name;
    }
}
