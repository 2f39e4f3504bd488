package io.retort.impl.orm.relationships;

import static io.retort.orm.Load.joined;
import static io.retort.orm.Load.selectIn;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Engine;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/**
 * {@code @Relationship(orderBy = "disc desc, title")}, SQLAlchemy's {@code relationship(order_by=[desc(Song.disc),
 * Song.title])}: every loader (lazy, selectin, joined) orders the collection by the terms, in the SQL it sends.
 */
class CollectionOrderIT {
    private static Registry seed(Engine engine) {
        Registry registry = Registry.of(Album.class, Song.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Album album = new Album("two discs");
            for (Song song : List.of(new Song(1, "b"), new Song(2, "z"), new Song(1, "a"), new Song(2, "c"))) {
                album.songs.add(song);
            }
            session.add(album);
            session.commit();
        }
        return registry;
    }

    private static final List<String> ORDERED = List.of("2:c", "2:z", "1:a", "1:b");

    @DatabaseTest
    void everyLoaderOrdersByTheTerms(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = seed(engine);
        try {
            try (Session session = Session.open(engine)) {
                Album album = session.scalars(select(Album.class)).one();
                recorder.clear();
                assertThat(album.songs).extracting(Song::toString).containsExactlyElementsOf(ORDERED); // lazy
                assertThat(recorder.sql()).hasSize(1);
                assertThat(recorder.sql().get(0)).endsWith(" ORDER BY rl_song.disc DESC, rl_song.title");
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                Album album = session.scalars(select(Album.class).options(selectIn(Album_.songs))).one();
                assertThat(recorder.sql().get(1)).endsWith(" ORDER BY rl_song.disc DESC, rl_song.title");
                assertThat(album.songs).extracting(Song::toString).containsExactlyElementsOf(ORDERED);
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                Album album = session.scalars(select(Album.class).options(joined(Album_.songs))).one();
                assertThat(recorder.sql()).hasSize(1);
                assertThat(recorder.sql().get(0)).endsWith(" ORDER BY songs_1.disc DESC, songs_1.title");
                assertThat(album.songs).extracting(Song::toString).containsExactlyElementsOf(ORDERED);
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
