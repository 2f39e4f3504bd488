package io.retort.impl.orm.clearing;

import io.retort.orm.Cascade;
import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/**
 * Two one-to-ones whose foreign keys are in the targets' tables: a badge with a reference back, and a card that is
 * deleted when no holder refers to it any more (delete-orphan, one-directional).
 */
@Mapped(table = "uo_holder")
public class Holder {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @Relationship(backPopulates = "holder") @Nullable Badge badge;
    @Relationship(cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}) @Nullable Card card;

    protected Holder() {
    }

    Holder(String name) {
        this.name = name;
    }
}
