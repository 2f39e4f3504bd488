package io.retort.impl.orm.querying;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A plain mapped class with no foreign keys, for the large-result test (SQLite drops 2,000,000 rows of it fast). */
@Mapped(table = "readings")
public class Reading {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    int value;

    protected Reading() {
    }
}
