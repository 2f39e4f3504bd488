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
 * A reference set before it was ever loaded (references load lazily, so an object read with {@code get()} has not
 * loaded them): what it referred to in the row must still be found at the flush, as SQLAlchemy finds it from the
 * attribute's history (one SELECT). Found missing 2026-12-06: the replaced target of a delete-orphan many-to-one was
 * left in the database, and the replaced target of a one-to-one kept its foreign key to the owner, so the owner had two
 * (or, set to null, still its old one at the next load).
 */
class UnloadedReferencesIT {
    private static Registry tables(Engine engine) {
        Registry registry = Registry.of(Client.class, ClientOrder.class, ClientNote.class, Pref.class, Holder.class,
                Badge.class, Card.class, Folder.class, Document.class);
        registry.createAll(engine);
        return registry;
    }

    private static int clientWithPref(Engine engine, String pref) {
        try (Session session = Session.open(engine)) {
            Client client = new Client("jack");
            client.pref = new Pref(pref);
            session.add(client);
            session.commit();
            return client.id;
        }
    }

    /** M2OCascadeDeleteOrphanTestOne::test_orphan, the preference not loaded (SQLAlchemy's test loads it joined). */
    @DatabaseTest
    void anUnloadedDeleteOrphanReferenceSetToNullDeletesItsTarget(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = tables(engine);
        try {
            int id = clientWithPref(engine, "p1");
            clientWithPref(engine, "other");
            try (Session session = Session.open(engine)) {
                Client client = session.get(Client.class, id);
                client.pref = null;
                recorder.clear();
                session.commit();
                // The replaced preference is loaded (one SELECT), the client lets go of it, then it is deleted.
                assertThat(recorder.sql()).hasSize(3);
                assertThat(recorder.sql().get(0)).startsWith("SELECT oc_pref.id, oc_pref.data FROM oc_pref WHERE");
                assertThat(recorder.dml()).containsExactly("UPDATE oc_client SET pref_id=? WHERE oc_client.id = ?",
                        "DELETE FROM oc_pref WHERE oc_pref.id = ?");
            }
            assertThat(column(engine, "SELECT data FROM oc_pref")).containsExactly("other");
            assertThat(column(engine, "SELECT pref_id FROM oc_client WHERE id = " + id)).containsExactly("null");
        } finally {
            registry.dropAll(engine);
        }
    }

    /** M2OCascadeDeleteOrphanTestOne::test_double_assignment, the preference not loaded. */
    @DatabaseTest
    void anUnloadedDeleteOrphanReferenceReplacedTwiceDeletesItsTargetOnce(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int id = clientWithPref(engine, "p1");
            try (Session session = Session.open(engine)) {
                Client client = session.get(Client.class, id);
                Pref replacement = new Pref("newpref");
                client.pref = replacement;
                client.pref = replacement;
                session.commit();
            }
            assertThat(column(engine, "SELECT data FROM oc_pref")).containsExactly("newpref");
            assertThat(column(engine, "SELECT p.data FROM oc_client c JOIN oc_pref p ON p.id = c.pref_id"))
                    .containsExactly("newpref");
        } finally {
            registry.dropAll(engine);
        }
    }

    private static int holderWithBadgeAndCard(Engine engine) {
        try (Session session = Session.open(engine)) {
            Holder holder = new Holder("h");
            holder.badge = new Badge("b1");
            holder.card = new Card("c1");
            session.add(holder);
            session.commit();
            return holder.id;
        }
    }

    /** A one-to-one set to null before it was loaded: the old target's foreign key is cleared. */
    @DatabaseTest
    void anUnloadedOneToOneSetToNullClearsTheOldTargetsKey(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = tables(engine);
        try {
            int id = holderWithBadgeAndCard(engine);
            try (Session session = Session.open(engine)) {
                Holder holder = session.get(Holder.class, id);
                holder.badge = null;
                recorder.clear();
                session.commit();
                assertThat(recorder.sql()).hasSize(2);
                assertThat(recorder.sql().get(0)).startsWith("SELECT uo_badge.id, uo_badge.holder_id, uo_badge.label"
                        + " FROM uo_badge WHERE");
                assertThat(recorder.dml()).containsExactly("UPDATE uo_badge SET holder_id=? WHERE uo_badge.id = ?");
            }
            assertThat(column(engine, "SELECT holder_id FROM uo_badge")).containsExactly("null");
            try (Session session = Session.open(engine)) {
                assertThat(session.get(Holder.class, id).badge).isNull();
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /** A one-to-one replaced before it was loaded: the old target lets go, the new one refers to the owner. */
    @DatabaseTest
    void anUnloadedOneToOneReplacedMovesTheKey(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int id = holderWithBadgeAndCard(engine);
            try (Session session = Session.open(engine)) {
                Holder holder = session.get(Holder.class, id);
                holder.badge = new Badge("b2");
                session.commit();
            }
            assertThat(column(engine, "SELECT label FROM uo_badge ORDER BY label")).containsExactly("b1", "b2");
            assertThat(column(engine, "SELECT holder_id FROM uo_badge ORDER BY label"))
                    .containsExactly("null", String.valueOf(id));
            try (Session session = Session.open(engine)) {
                assertThat(session.get(Holder.class, id).badge.label).isEqualTo("b2");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /** A delete-orphan one-to-one replaced before it was loaded: the old target is deleted. */
    @DatabaseTest
    void anUnloadedDeleteOrphanOneToOneReplacedDeletesTheOldTarget(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int id = holderWithBadgeAndCard(engine);
            try (Session session = Session.open(engine)) {
                Holder holder = session.get(Holder.class, id);
                holder.card = new Card("c2");
                session.commit();
            }
            assertThat(column(engine, "SELECT number FROM uo_card")).containsExactly("c2");
            try (Session session = Session.open(engine)) {
                Holder holder = session.get(Holder.class, id);
                holder.card = null;
                session.commit();
            }
            assertThat(column(engine, "SELECT count(*) FROM uo_card")).containsExactly("0");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_load_on_fks.py::LoadOnFKsTest::test_m2o_lazy_loader_on_pending (manual flush): a new object given only the
     * foreign key reads the row it names from its reference after the flush (here the session holds it: no SQL).
     * Before, the flush recorded the never-set reference as loaded and null.
     */
    @DatabaseTest
    void aReferenceNeverSetReadsTheRowItsForeignKeyNamesAfterTheFlush(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Folder folder = new Folder("f");
            session.add(folder);
            session.flush();
            Document document = new Document("d", null);
            document.folderId = folder.id;
            session.add(document);
            session.flush();
            recorder.clear();
            assertThat(document.folder).isSameAs(folder);
            assertThat(recorder.sql()).isEmpty();
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_load_on_fks.py::LoadOnFKsTest::test_m2o_lazy_loader_on_persistent, autoflush off: a reference read after
     * its foreign key was changed directly loads the row the key names now (before, the key the row had: the old
     * parent).
     */
    @DatabaseTest
    void aReferenceReadAfterItsForeignKeyChangedLoadsTheNewTarget(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int documentId;
            int secondId;
            try (Session session = Session.open(engine)) {
                Folder first = new Folder("first");
                Folder second = new Folder("second");
                Document document = new Document("d", first);
                session.addAll(List.of(first, second, document));
                session.commit();
                documentId = document.id;
                secondId = second.id;
            }
            try (Session session = io.retort.orm.SessionFactory.builder(engine).autoflush(false).build().open()) {
                Document document = session.get(Document.class, documentId);
                document.folderId = secondId;
                assertThat(document.folder.name).isEqualTo("second");
                session.commit();
            }
            assertThat(column(engine, "SELECT folder_id FROM fk_document")).containsExactly(String.valueOf(secondId));
        } finally {
            registry.dropAll(engine);
        }
    }
}
