package io.retort.impl.orm.clearing;

import static io.retort.impl.orm.clearing.Rows.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Engine;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/**
 * A flush clears the foreign keys of rows that no longer belong to a parent, as SQLAlchemy's one-to-many and
 * many-to-one dependency processors do (with {@code passive_deletes=False}, its default): the children of a deleted
 * parent, a child removed from a collection, a reference set to null before it was loaded or while its object was
 * expired. Each of these wrote nothing before (found by porting SQLAlchemy's tests, 2026-12-06): the parent's DELETE
 * then failed on its children's foreign keys or, with ON DELETE CASCADE, deleted the children; and the removal or
 * the cleared reference was silently not written.
 */
class ForeignKeyClearingIT {
    /**
     * test/orm/test_unitofworkv2.py::RudimentaryFlushTest::test_one_to_many_delete_parent: the children's foreign keys
     * are set to NULL, then the parent is deleted; the children stay. Then the same with the collection never loaded
     * (the parent read in a new session), which the flush loads first.
     */
    @DatabaseTest
    void deletingAParentClearsItsChildrensForeignKeys(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Shelf.class, ShelfItem.class);
        registry.createAll(engine);
        try {
            int unloadedShelf;
            try (Session session = Session.open(engine)) {
                Shelf shelf = new Shelf("s1");
                ShelfItem a1 = new ShelfItem("a1");
                ShelfItem a2 = new ShelfItem("a2");
                shelf.items.addAll(List.of(a1, a2));
                Shelf other = new Shelf("s2");
                other.items.add(new ShelfItem("b1"));
                session.addAll(List.of(shelf, other));
                session.flush();
                session.delete(shelf);
                recorder.clear();
                session.flush();
                assertThat(recorder.dml()).containsExactly("UPDATE fk_item SET shelf_id=? WHERE fk_item.id = ?",
                        "DELETE FROM fk_shelf WHERE fk_shelf.id = ?");
                assertThat(recorder.events().get(0).parameterSets()).hasSize(2);
                assertThat(a1.shelfId).isNull();
                session.commit();
                unloadedShelf = other.id;
            }
            assertThat(column(engine, "SELECT shelf_id FROM fk_item ORDER BY id")).containsExactly("null", "null",
                    String.valueOf(unloadedShelf));
            try (Session session = Session.open(engine)) {
                session.delete(session.get(Shelf.class, unloadedShelf));
                recorder.clear();
                session.commit();
                assertThat(recorder.dml()).containsExactly("UPDATE fk_item SET shelf_id=? WHERE fk_item.id = ?",
                        "DELETE FROM fk_shelf WHERE fk_shelf.id = ?");
            }
            assertThat(column(engine, "SELECT shelf_id FROM fk_item ORDER BY id")).containsExactly("null", "null",
                    "null");
            assertThat(column(engine, "SELECT count(*) FROM fk_shelf")).containsExactly("0");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * The same when the children's foreign key is ON DELETE CASCADE but the relationship does not cascade the delete:
     * SQLAlchemy (passive_deletes=False) clears the keys first, so the database deletes no child. Before, Retort sent
     * only the parent's DELETE, and the database deleted the children while their objects still looked persistent.
     */
    @DatabaseTest
    void childrenOfADeletedParentSurviveAnOnDeleteCascadeKey(TestEngines engines) {
        Engine engine = engines.create(new StatementRecorder().options());
        Registry registry = Registry.of(Folder.class, Document.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Folder folder = new Folder("docs");
            new Document("d1", folder);
            new Document("d2", folder);
            session.add(folder);
            session.commit();
            session.delete(folder);
            session.commit();
            assertThat(column(engine, "SELECT folder_id FROM fk_document")).containsExactly("null", "null");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * The removal half of test/orm/test_cascade.py::O2MCascadeDeleteNoOrphanTest::test_cascade_delete_noorphans: a
     * child removed from a one-directional collection gets a NULL foreign key (it does not come back on the next
     * load). Before, nothing was written.
     */
    @DatabaseTest
    void aChildRemovedFromACollectionLosesItsForeignKey(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Shelf.class, ShelfItem.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Shelf shelf = new Shelf("s1");
            ShelfItem a1 = new ShelfItem("a1");
            shelf.items.addAll(List.of(a1, new ShelfItem("a2")));
            session.add(shelf);
            session.commit();
            shelf.items.remove(a1);
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).containsExactly("UPDATE fk_item SET shelf_id=? WHERE fk_item.id = ?");
            assertThat(column(engine, "SELECT shelf_id FROM fk_item ORDER BY id"))
                    .containsExactly("null", String.valueOf(shelf.id));
            assertThat(shelf.items).extracting(item -> item.title).containsExactly("a2");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test/orm/test_unitofworkv2.py::SingleCycleTest::test_many_to_one_set_null_unloaded and
     * test/orm/test_backref_mutations.py::O2MCollectionTest::test_set_none: a reference never loaded, set to null,
     * reads null at once, leaves its old parent's loaded collection, and the flush writes the NULL. Before, the write
     * was taken for "no change" (the field of an unloaded reference holds null already): a read loaded the old parent
     * again and nothing was written.
     */
    @DatabaseTest
    void aReferenceNeverLoadedSetToNullIsWritten(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Folder.class, Document.class);
        registry.createAll(engine);
        try {
            int documentId;
            int folderId;
            try (Session session = Session.open(engine)) {
                Folder folder = new Folder("docs");
                Document document = new Document("d1", folder);
                session.add(folder);
                session.commit();
                documentId = document.id;
                folderId = folder.id;
            }
            try (Session session = Session.open(engine)) {
                Folder folder = session.get(Folder.class, folderId);
                assertThat(folder.documents).hasSize(1); // loaded: the document must leave it
                Document document = session.get(Document.class, documentId);
                document.folder = null;
                assertThat(document.folder).isNull();
                assertThat(folder.documents).isEmpty();
                recorder.clear();
                session.flush();
                assertThat(recorder.dml()).containsExactly("UPDATE fk_document SET folder_id=? WHERE"
                        + " fk_document.id = ?");
                session.commit();
                assertThat(document.folder).isNull();
            }
            assertThat(column(engine, "SELECT folder_id FROM fk_document")).containsExactly("null");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * A reference set to null while its object is expired (after a commit) is kept when the object's row is read
     * again, and written; a rollback of the transaction forgets it, as the object's other changes (a rollback with no
     * transaction begun does nothing, as SQLAlchemy's). Before, reading the object again put
     * the old parent back and the NULL was never written.
     */
    @DatabaseTest
    void aReferenceClearedWhileExpiredIsWrittenAndARollbackForgetsIt(TestEngines engines) {
        Engine engine = engines.create(new StatementRecorder().options());
        Registry registry = Registry.of(Folder.class, Document.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Folder folder = new Folder("docs");
            Document kept = new Document("kept", folder);
            Document cleared = new Document("cleared", folder);
            session.add(folder);
            session.commit(); // every object expired

            assertThat(session.get(Folder.class, folder.id)).isSameAs(folder); // a transaction begins
            kept.folder = null;
            session.rollback();
            assertThat(kept.folder).isSameAs(folder);
            assertThat(folder.documents).containsExactlyInAnyOrder(kept, cleared);

            cleared.folder = null;
            assertThat(cleared.title).isEqualTo("cleared"); // the row is read again; the null stays
            assertThat(cleared.folder).isNull();
            session.commit();
            assertThat(column(engine, "SELECT title FROM fk_document WHERE folder_id IS NULL"))
                    .containsExactly("cleared");
            assertThat(cleared.folder).isNull();
            assertThat(kept.folder).isSameAs(folder);
        } finally {
            registry.dropAll(engine);
        }
    }
}
