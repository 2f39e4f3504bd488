package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;

/** A parent table with an assigned key. */
@Mapped
public class Author {
    @Id Integer id;
    @Column(length = 50) String name;

    protected Author() {
        this(0, "");
    }

    Author(Integer id, String name) {
        this.id = id;
        this.name = name;
    }
}
