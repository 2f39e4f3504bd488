package io.retort.impl.orm.clearing;

import static io.retort.impl.orm.clearing.Rows.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Engine;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;

/**
 * Delete-orphan, ported from SQLAlchemy's test/orm/test_cascade.py (found missing 2026-12-06): a new object that
 * leaves a delete-orphan relationship leaves the session (it was inserted without its parent, or the flush failed on
 * its NOT NULL key), and a child removed just before its parent is deleted is deleted too (it survived with a NULL
 * key, or the parent's DELETE failed).
 */
class OrphansIT {
    private static Registry tables(Engine engine) {
        Registry registry = Registry.of(Client.class, ClientOrder.class, ClientNote.class, Pref.class);
        registry.createAll(engine);
        return registry;
    }

    /** O2MCascadeDeleteOrphanTest::test_remove_pending_from_collection. */
    @DatabaseTest
    void aNewChildRemovedFromTheCollectionLeavesTheSession(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client client = new Client("jack");
            session.add(client);
            session.flush();
            ClientOrder order = new ClientOrder("o1");
            client.orders.add(order);
            assertThat(session.contains(order)).isTrue();
            client.orders.remove(order);
            assertThat(session.contains(order)).isFalse();
            session.commit();
            assertThat(column(engine, "SELECT count(*) FROM oc_order")).containsExactly("0");
        } finally {
            registry.dropAll(engine);
        }
    }

    /** O2MCascadeDeleteOrphanTest::test_list_assignment_replace, the parent not flushed yet. */
    @DatabaseTest
    void newChildrenReplacedByAnotherListAreNotInserted(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client client = new Client("jack");
            client.orders.add(new ClientOrder("someorder"));
            client.orders.add(new ClientOrder("someotherorder"));
            session.add(client);
            client.orders = new ArrayList<>(List.of(new ClientOrder("order 3"), new ClientOrder("order 4")));
            session.commit();
            assertThat(column(engine, "SELECT description FROM oc_order ORDER BY id"))
                    .containsExactly("order 3", "order 4");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * M2OCascadeDeleteOrphanTestOne::test_pending_expunge: a new preference replaced by another leaves the session;
     * the loaded one it replaced is deleted as an orphan.
     */
    @DatabaseTest
    void aNewReferenceReplacedByAnotherIsNotInserted(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client client = new Client("jack");
            client.pref = new Pref("p0");
            session.add(client);
            session.commit();
            assertThat(client.pref.data).isEqualTo("p0"); // loaded: its replacement makes it an orphan
            Pref replaced = new Pref("p1");
            client.pref = replaced;
            assertThat(session.contains(replaced)).isTrue();
            client.pref = new Pref("p2");
            assertThat(session.contains(replaced)).isFalse();
            session.commit();
            assertThat(column(engine, "SELECT data FROM oc_pref")).containsExactly("p2");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * O2MCascadeDeleteOrphanTest::test_cascade_delete_plusorphans, one-directional and with a back reference: a child
     * removed before its parent is deleted is deleted with the parent's other children.
     */
    @DatabaseTest
    void aChildRemovedBeforeItsParentIsDeletedIsDeletedToo(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client client = new Client("jack");
            client.orders.add(new ClientOrder("someorder"));
            client.orders.add(new ClientOrder("someotherorder"));
            ClientNote first = new ClientNote("n1");
            client.notes.add(first);
            client.notes.add(new ClientNote("n2"));
            session.add(client);
            session.flush();
            client.orders.remove(0);
            client.notes.remove(first);
            session.delete(client);
            session.commit();
            assertThat(column(engine, "SELECT count(*) FROM oc_client")).containsExactly("0");
            assertThat(column(engine, "SELECT count(*) FROM oc_order")).containsExactly("0");
            assertThat(column(engine, "SELECT count(*) FROM oc_note")).containsExactly("0");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * A new child that leaves one parent's delete-orphan collection for another's is inserted under the new parent,
     * whether it is added there before or after it is removed (the removal expunges it, the addition's save-update
     * cascade brings it back): leaving the session on removal must not lose it.
     */
    @DatabaseTest
    void aNewChildMovedToAnotherParentIsInsertedThere(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client first = new Client("first");
            Client second = new Client("second");
            session.addAll(List.of(first, second));
            session.flush();
            ClientOrder addedFirst = new ClientOrder("added, then removed");
            first.orders.add(addedFirst);
            second.orders.add(addedFirst);
            first.orders.remove(addedFirst);
            ClientOrder removedFirst = new ClientOrder("removed, then added");
            first.orders.add(removedFirst);
            first.orders.remove(removedFirst);
            second.orders.add(removedFirst);
            session.commit();
            assertThat(column(engine, "SELECT description FROM oc_order WHERE client_id = " + second.id
                    + " ORDER BY description")).containsExactly("added, then removed", "removed, then added");
            assertThat(column(engine, "SELECT count(*) FROM oc_order")).containsExactly("2");
        } finally {
            registry.dropAll(engine);
        }
    }
}
