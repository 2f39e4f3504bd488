package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Many-to-many with {@link Tag} through {@code post_tag}. */
@Mapped
public class Post {
    @Id @Nullable Integer id;
    @Column(length = 80) String title = "";
    @Relationship(secondary = "post_tag", backPopulates = "posts") Set<Tag> tags = new LinkedHashSet<>();

    protected Post() {
    }

    Post(String title) {
        this.title = title;
    }
}
