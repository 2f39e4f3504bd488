package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An album whose songs load ordered by two fields, the first descending. */
@Mapped(table = "rl_album")
public class Album {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @Relationship(backPopulates = "album", orderBy = "disc desc, title") List<Song> songs = new ArrayList<>();

    protected Album() {
    }

    Album(String name) {
        this.name = name;
    }
}
