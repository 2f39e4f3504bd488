package io.retort.docs.migrating;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Version;
import org.jspecify.annotations.Nullable;

/** The migration page's versioned entity. */
// tag::article[]
@Mapped                                         // @Entity; the table is the class name in snake_case: article
public class Article {
    @Id @Nullable Long id;                      // @Id @GeneratedValue(strategy = IDENTITY)
    @Column(length = 200) String title;         // @Column(nullable = false, length = 200): NOT NULL unless @Nullable
    @Column(text = true) @Nullable String body; // @Lob
    @Version long version;                      // @Version

    protected Article() {}

    public Article(String title) {
        this.title = title;
    }
}
// end::article[]
