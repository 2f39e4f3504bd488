package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** A holder's badge: one-to-one, the foreign key here. */
@Mapped(table = "uo_badge")
public class Badge {
    @Id @Nullable Integer id;
    @ForeignKey("uo_holder.id") @Nullable Integer holderId;
    @Relationship(backPopulates = "badge") @Nullable Holder holder;
    @Column(length = 30) String label = "";

    protected Badge() {
    }

    Badge(String label) {
        this.label = label;
    }
}
