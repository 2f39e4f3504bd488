package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** What an {@link OrderLine} orders. */
@Mapped
public class Item {
    @Id @Nullable Integer id;
    @Column(length = 40) String name = "";

    protected Item() {
    }

    Item(String name) {
        this.name = name;
    }
}
