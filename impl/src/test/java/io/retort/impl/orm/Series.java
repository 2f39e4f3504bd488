package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;

/** A child of {@link Publisher} and the parent of {@link Edition}. */
@Mapped
public class Series {
    @Id Integer id;
    @ForeignKey("publisher.id") Integer publisherId;
    @Column(length = 100) String title;

    protected Series() {
        this(0, 0, "");
    }

    Series(Integer id, Integer publisherId, String title) {
        this.id = id;
        this.publisherId = publisherId;
        this.title = title;
    }
}
