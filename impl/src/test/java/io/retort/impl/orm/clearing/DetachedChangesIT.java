package io.retort.impl.orm.clearing;

import static io.retort.impl.orm.clearing.Rows.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/**
 * Changes made to a detached object's relationships, written when it is added to a new session: the objects it let go
 * of join that session with it (SQLAlchemy's save-update cascade follows the attribute's history, "newly added and
 * deleted items"), so that their new foreign key is written, or, as orphans, they are deleted. Found missing
 * 2026-12-06: they stayed outside the session, and the removal was silently never written.
 */
class DetachedChangesIT {
    private static Registry tables(Engine engine) {
        Registry registry = Registry.of(Client.class, ClientOrder.class, ClientNote.class, Pref.class, Shelf.class,
                ShelfItem.class);
        registry.createAll(engine);
        return registry;
    }

    /** M2OCascadeDeleteOrphanTestOne::test_save_update_sends_pending. */
    @DatabaseTest
    void aReferenceReplacedWhileDetachedSendsBothTargetsToTheSession(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        SessionFactory factory = SessionFactory.builder(engine).expireOnCommit(false).build();
        try {
            Pref p1 = new Pref("p1");
            Pref p2 = new Pref("p2");
            Client client = new Client("jack");
            client.pref = p1;
            try (Session session = factory.open()) {
                session.add(client);
                session.commit();
            }
            client.pref = p2;
            try (Session session = factory.open()) {
                session.add(client);
                assertThat(session.contains(p1)).isTrue();
                assertThat(session.contains(p2)).isTrue();
                session.commit();
            }
            // p1 is an orphan now (delete-orphan): deleted.
            assertThat(column(engine, "SELECT data FROM oc_pref")).containsExactly("p2");
        } finally {
            registry.dropAll(engine);
        }
    }

    /** The same for collections: a child removed while its parent was detached lets go of the parent's row. */
    @DatabaseTest
    void childrenRemovedWhileDetachedAreWrittenWhenTheParentIsAdded(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        SessionFactory factory = SessionFactory.builder(engine).expireOnCommit(false).build();
        try {
            Shelf shelf = new Shelf("s1");
            ShelfItem kept = new ShelfItem("kept");
            ShelfItem removed = new ShelfItem("removed");
            shelf.items.addAll(List.of(kept, removed));
            Client client = new Client("jack");
            ClientOrder order = new ClientOrder("o1");
            client.orders.add(order);
            client.orders.add(new ClientOrder("o2"));
            try (Session session = factory.open()) {
                session.addAll(List.of(shelf, client));
                session.commit();
            }
            shelf.items.remove(removed);
            client.orders.remove(order);
            try (Session session = factory.open()) {
                session.addAll(List.of(shelf, client));
                assertThat(session.contains(removed)).isTrue();
                assertThat(session.contains(order)).isTrue();
                session.commit();
            }
            assertThat(column(engine, "SELECT shelf_id FROM fk_item ORDER BY title"))
                    .containsExactly(String.valueOf(shelf.id), "null");
            // Delete-orphan: the removed order is deleted.
            assertThat(column(engine, "SELECT description FROM oc_order")).containsExactly("o2");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * A detached object whose collection was never loaded, added to a new session: the collection loads there from
     * its rows. Before, re-adding it made the collection an empty loaded one (reads showed no children, silently).
     */
    @DatabaseTest
    void anUnloadedCollectionOfAReaddedObjectLoadsItsRows(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            Shelf shelf = new Shelf("s1");
            shelf.items.addAll(List.of(new ShelfItem("a"), new ShelfItem("b")));
            int id;
            try (Session session = Session.open(engine)) {
                session.add(shelf);
                session.commit();
                id = shelf.id;
            }
            Shelf detached;
            try (Session session = Session.open(engine)) {
                detached = session.get(Shelf.class, id);
            }
            try (Session session = Session.open(engine)) {
                session.add(detached);
                assertThat(detached.items).extracting(item -> item.title).containsExactlyInAnyOrder("a", "b");
                session.commit();
            }
            assertThat(column(engine, "SELECT count(*) FROM fk_item WHERE shelf_id IS NOT NULL")).containsExactly("2");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_session.py::SessionStateTest::test_delete_detached (SQLAlchemy attaches a detached object given to
     * delete()): the row is deleted at the flush, with what the relationships cascade (the orders, loaded for it).
     * Before, delete() refused a detached object. One whose deletion was committed is still refused.
     */
    @DatabaseTest
    void aDetachedObjectCanBeDeleted(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            Client detached;
            try (Session session = Session.open(engine)) {
                Client client = new Client("jack");
                client.orders.add(new ClientOrder("o1"));
                session.add(client);
                session.commit();
                detached = session.get(Client.class, client.id);
            }
            try (Session session = Session.open(engine)) {
                session.delete(detached);
                assertThat(Orm.inspect(detached).state()).isEqualTo(ObjectState.PERSISTENT);
                session.commit();
                assertThat(Orm.inspect(detached).state()).isEqualTo(ObjectState.DETACHED);
            }
            assertThat(column(engine, "SELECT count(*) FROM oc_client")).containsExactly("0");
            assertThat(column(engine, "SELECT count(*) FROM oc_order")).containsExactly("0");
            try (Session session = Session.open(engine)) {
                assertThatThrownBy(() -> session.delete(detached)).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("its row was deleted and committed");
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
