package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;

/** A child of {@link Series}. */
@Mapped
public class Edition {
    @Id Integer id;
    @ForeignKey("series.id") Integer seriesId;
    @Column(length = 100) String label;

    protected Edition() {
        this(0, 0, "");
    }

    Edition(Integer id, Integer seriesId, String label) {
        this.id = id;
        this.seriesId = seriesId;
        this.label = label;
    }
}
