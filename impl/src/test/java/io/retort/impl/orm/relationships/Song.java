package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** A song of an {@link Album}, on one of its discs. */
@Mapped(table = "rl_song")
public class Song {
    @Id @Nullable Integer id;
    int disc;
    @Column(length = 30) String title = "";
    @ForeignKey("rl_album.id") @Nullable Integer albumId;
    @Relationship(backPopulates = "songs") @Nullable Album album;

    protected Song() {
    }

    Song(int disc, String title) {
        this.disc = disc;
        this.title = title;
    }

    @Override
    public String toString() {
        return disc + ":" + title;
    }
}
