package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The other side of {@link Post#tags}. */
@Mapped
public class Tag {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @Relationship(secondary = "post_tag", backPopulates = "tags") List<Post> posts = new ArrayList<>();

    protected Tag() {
    }

    Tag(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Tag(" + name + ")";
    }
}
