package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;

/** A child of {@link Book}. */
@Mapped
public class Chapter {
    @Id Integer id;
    @ForeignKey("book.id") Integer bookId;
    @Column(length = 100) String heading;

    protected Chapter() {
        this(0, 0, "");
    }

    Chapter(Integer id, Integer bookId, String heading) {
        this.id = id;
        this.bookId = bookId;
        this.heading = heading;
    }
}
