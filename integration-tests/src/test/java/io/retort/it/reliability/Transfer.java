package io.retort.it.reliability;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** One leg of a two-row unit of work: a transaction that commits writes both legs of its batch, or neither. */
@Mapped(table = "rel_transfer")
public class Transfer {
    @Id @Nullable Long id;
    int batch;
    int leg;
    @Column(length = 40) String note;

    protected Transfer() {
        this(0, 0, "");
    }

    Transfer(int batch, int leg, String note) {
        this.batch = batch;
        this.leg = leg;
        this.note = note;
    }
}
