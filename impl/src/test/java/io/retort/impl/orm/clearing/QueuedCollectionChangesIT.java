package io.retort.impl.orm.clearing;

import static io.retort.impl.orm.clearing.Rows.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Engine;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/**
 * A reference set while the other side's collection is not loaded: the change is queued on the collection, applied
 * when it loads, and what it added reaches the save-update cascade, as SQLAlchemy's pending collection operations
 * (test/orm/test_lazy_relations.py::LazyTest::test_backrefs_dont_lazyload, test/orm/test_load_on_fks.py::
 * LoadOnFKsTest::test_no_load_on_pending_allows_backref_event). Found 2026-12-06: a new object set on a parent whose
 * collection was not loaded was never inserted (the same code inserted it when the collection happened to be
 * loaded), and the collection, once loaded, showed a child moved away and not one moved in.
 */
class QueuedCollectionChangesIT {
    private static Registry tables(Engine engine) {
        Registry registry = Registry.of(Folder.class, Document.class);
        registry.createAll(engine);
        return registry;
    }

    private static int[] twoFolders(Engine engine) {
        try (Session session = Session.open(engine)) {
            Folder first = new Folder("first");
            first.documents.addAll(List.of(new Document("d1", null), new Document("d2", null)));
            Folder second = new Folder("second");
            session.addAll(List.of(first, second));
            session.commit();
            return new int[] {first.id, second.id};
        }
    }

    /** The example with the parent read in a new session: the new document is inserted. */
    @DatabaseTest
    void aNewObjectSetOnAParentWhoseCollectionIsNotLoadedIsInserted(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int[] ids = twoFolders(engine);
            try (Session session = Session.open(engine)) {
                Folder first = session.get(Folder.class, ids[0]);
                Document added = new Document("d3", null);
                added.folder = first; // first.documents is not loaded
                session.commit();
            }
            assertThat(column(engine, "SELECT folder_id FROM fk_document WHERE title = 'd3'"))
                    .containsExactly(String.valueOf(ids[0]));
            try (Session session = Session.open(engine)) {
                Folder first = session.get(Folder.class, ids[0]);
                Document added = new Document("d4", null);
                added.folder = first;
                try (Session.NoAutoflush paused = session.noAutoflush()) {
                    // Loaded without a flush: the queued append shows.
                    assertThat(first.documents).extracting(d -> d.title).containsExactly("d1", "d2", "d3", "d4");
                }
                session.commit();
            }
            assertThat(column(engine, "SELECT count(*) FROM fk_document WHERE folder_id = " + ids[0]))
                    .containsExactly("4");
        } finally {
            registry.dropAll(engine);
        }
    }

    /** test_backrefs_dont_lazyload, and moving a child between two parents whose collections are not loaded. */
    @DatabaseTest
    void collectionsLoadedAfterTheChangeShowIt(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int[] ids = twoFolders(engine);
            try (Session session = Session.open(engine);
                    Session.NoAutoflush paused = session.noAutoflush()) {
                Folder first = session.get(Folder.class, ids[0]);
                Folder second = session.get(Folder.class, ids[1]);
                Document d1 = session.scalars(io.retort.orm.Orm.select(Document.class)).all().stream()
                        .filter(d -> d.title.equals("d1")).findFirst().orElseThrow();
                Document d2 = session.scalars(io.retort.orm.Orm.select(Document.class)).all().stream()
                        .filter(d -> d.title.equals("d2")).findFirst().orElseThrow();
                d1.folder = null;
                d2.folder = second;
                assertThat(first.documents).isEmpty();
                assertThat(second.documents).containsExactly(d2);
                paused.close();
                session.commit();
            }
            assertThat(column(engine, "SELECT folder_id FROM fk_document ORDER BY title"))
                    .containsExactly("null", String.valueOf(ids[1]));
        } finally {
            registry.dropAll(engine);
        }
    }
}
