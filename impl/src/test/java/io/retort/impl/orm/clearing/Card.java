package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A holder's card: one-to-one without a reference back, the foreign key here. */
@Mapped(table = "uo_card")
public class Card {
    @Id @Nullable Integer id;
    @ForeignKey("uo_holder.id") @Nullable Integer holderId;
    @Column(length = 30) String number = "";

    protected Card() {
    }

    Card(String number) {
        this.number = number;
    }
}
