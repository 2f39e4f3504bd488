package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;

/**
 * The parent of {@link Series}, the grandparent of {@link Edition}. The three table names are chosen so that their
 * dependency order (publisher, series, edition) is neither alphabetical nor its reverse, in either direction.
 */
@Mapped
public class Publisher {
    @Id Integer id;
    @Column(length = 50) String name;

    protected Publisher() {
        this(0, "");
    }

    Publisher(Integer id, String name) {
        this.id = id;
        this.name = name;
    }
}
