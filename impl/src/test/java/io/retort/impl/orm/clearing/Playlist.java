package io.retort.impl.orm.clearing;

import io.retort.orm.Cascade;
import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A many-to-many whose delete cascades to its targets (SQLAlchemy's {@code cascade="all, delete-orphan"}). */
@Mapped(table = "fk_playlist")
public class Playlist {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @Relationship(secondary = "fk_playlist_track", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    List<Track> tracks = new ArrayList<>();

    protected Playlist() {
    }

    Playlist(String name) {
        this.name = name;
    }
}
