package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A child of {@link Author} and the parent of {@link Chapter}. */
@Mapped
public class Book {
    @Id Integer id;
    @ForeignKey("author.id") Integer authorId;
    @Column(length = 100) String title;
    @Nullable Integer pages;

    protected Book() {
        this(0, 0, "");
    }

    Book(Integer id, Integer authorId, String title) {
        this.id = id;
        this.authorId = authorId;
        this.title = title;
    }
}
