package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The target of {@link Playlist#tracks}. */
@Mapped(table = "fk_track")
public class Track {
    @Id @Nullable Integer id;
    @Column(length = 30) String title = "";

    protected Track() {
    }

    Track(String title) {
        this.title = title;
    }
}
