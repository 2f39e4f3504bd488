package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A child known to its shelf only by the foreign-key field. */
@Mapped(table = "fk_item")
public class ShelfItem {
    @Id @Nullable Integer id;
    @Column(length = 30) String title = "";
    @ForeignKey("fk_shelf.id") @Nullable Integer shelfId;

    protected ShelfItem() {
    }

    ShelfItem(String title) {
        this.title = title;
    }
}
