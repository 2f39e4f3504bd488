package io.retort.impl.orm.clearing;

import static io.retort.impl.orm.clearing.Rows.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;
import java.util.Map;

/**
 * {@code refresh()}, {@code expire()} and {@code expunge()} of an object with loaded relationships, ported from
 * SQLAlchemy's test/orm/test_expire.py and test_session.py (found missing 2026-12-06): {@code refresh()} left a loaded
 * collection as it was (rows added since never showed), and neither the refresh-expire nor the expunge cascade
 * existed ({@code Cascade.ALL} now includes both, as SQLAlchemy's {@code "all"}).
 */
class RefreshExpireExpungeIT {
    private static Registry tables(Engine engine) {
        Registry registry = Registry.of(Crate.class, Bottle.class, Shelf.class, ShelfItem.class, Client.class,
                ClientOrder.class, ClientNote.class, Pref.class);
        registry.createAll(engine);
        return registry;
    }

    private static int crate(Engine engine) {
        try (Session session = Session.open(engine)) {
            Crate crate = new Crate("c");
            crate.bottles.addAll(List.of(new Bottle("b1"), new Bottle("b2")));
            session.add(crate);
            session.commit();
            return crate.id;
        }
    }

    /** A row inserted by SQL in the session's transaction, as test_expire.py changes rows with sess.execute(). */
    private static void insertBottle(Session session, int crateId, String name) {
        session.execute(Sql.text("INSERT INTO rx_bottle (crate_id, name) VALUES (:crate, :name)"),
                Map.of("crate", crateId, "name", name));
    }

    private static Bottle bottle(Crate crate, String name) {
        return crate.bottles.stream().filter(bottle -> bottle.name.equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(Crate crate) {
        return crate.bottles.stream().map(bottle -> bottle.name).sorted().toList();
    }

    /**
     * test_expire.py::ExpireTest::test_refresh_cascade, and the collection itself: after refresh() it loads again, so
     * a row another transaction added shows; a bottle changed in the session is expired by the cascade.
     */
    @DatabaseTest
    void refreshLoadsTheCollectionAgainAndCascadesToItsElements(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int id = crate(engine);
            try (Session session = Session.open(engine)) {
                Crate crate = session.get(Crate.class, id);
                assertThat(names(crate)).containsExactly("b1", "b2"); // loaded
                insertBottle(session, id, "b3"); // (an autoflush first: changes are made after it)
                bottle(crate, "b1").name = "changed";
                session.refresh(crate);
                assertThat(names(crate)).containsExactly("b1", "b2", "b3");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * The collection loads again after refresh() whatever the cascade; without refresh-expire (the default cascade,
     * save-update and merge) its elements are not expired, so a change made in the session stays.
     */
    @DatabaseTest
    void refreshWithoutTheCascadeLeavesTheElementsAsTheyAre(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int id;
            try (Session session = Session.open(engine)) {
                Shelf shelf = new Shelf("s");
                shelf.items.addAll(List.of(new ShelfItem("a"), new ShelfItem("b")));
                session.add(shelf);
                session.commit();
                id = shelf.id;
            }
            try (Session session = Session.open(engine)) {
                Shelf shelf = session.get(Shelf.class, id);
                assertThat(shelf.items).hasSize(2); // loaded
                session.execute(Sql.text("INSERT INTO fk_item (title, shelf_id) VALUES ('c', :shelf)"),
                        Map.of("shelf", id));
                shelf.items.stream().filter(item -> item.title.equals("a")).findFirst().orElseThrow().title =
                        "changed";
                session.refresh(shelf);
                assertThat(shelf.items).extracting(item -> item.title).containsExactlyInAnyOrder("changed", "b", "c");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /** test_expire.py::ExpireTest::test_expire_cascade. */
    @DatabaseTest
    void expireCascadesToTheLoadedElements(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int id = crate(engine);
            try (Session session = Session.open(engine)) {
                Crate crate = session.get(Crate.class, id);
                Bottle first = bottle(crate, "b1");
                first.name = "changed";
                session.expire(crate);
                assertThat(first.name).isEqualTo("b1");
                assertThat(session.isModified(first)).isFalse();
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_expire.py::ExpireTest::test_expire_cascade_pending and test_expire_cascade_pending_orphan: a new element
     * stays pending (it is not in the collection that loads again), unless the relationship is delete-orphan, where
     * it would be an orphan: it leaves the session.
     */
    @DatabaseTest
    void expireLeavesANewElementPendingUnlessItWouldBeAnOrphan(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int crateId = crate(engine);
            int clientId;
            try (Session session = Session.open(engine)) {
                Client client = new Client("jack");
                client.orders.add(new ClientOrder("o1"));
                session.add(client);
                session.commit();
                clientId = client.id;
            }
            try (Session session = Session.open(engine)) {
                Crate crate = session.get(Crate.class, crateId);
                Bottle added = new Bottle("new");
                crate.bottles.add(added);
                Client client = session.get(Client.class, clientId);
                ClientOrder orphan = new ClientOrder("pending");
                client.orders.add(orphan);
                session.expire(crate);
                session.expire(client);
                assertThat(session.contains(added)).isTrue();
                assertThat(session.contains(orphan)).isFalse();
                assertThat(client.orders).extracting(order -> order.description).containsExactly("o1");
                session.commit();
            }
            // The pending bottle is inserted under the crate it was added to. SQLAlchemy inserts it with a NULL key
            // (the collection's history went with the expiry); Retort keeps the parent an element was added to, so
            // that the row the application made is not left without it.
            assertThat(column(engine, "SELECT crate_id FROM rx_bottle WHERE name = 'new'"))
                    .containsExactly(String.valueOf(crateId));
            assertThat(column(engine, "SELECT description FROM oc_order")).containsExactly("o1");
        } finally {
            registry.dropAll(engine);
        }
    }

    /** test_session.py::SessionStateTest::test_expunge_cascade. */
    @DatabaseTest
    void expungeCascadesToTheLoadedElements(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int id = crate(engine);
            try (Session session = Session.open(engine)) {
                Crate crate = session.get(Crate.class, id);
                List<Bottle> bottles = List.copyOf(crate.bottles);
                session.expunge(crate);
                assertThat(session.contains(crate)).isFalse();
                assertThat(bottles).hasSize(2).noneMatch(session::contains);
                // Without the expunge cascade (the default), an element stays.
                Shelf shelf = new Shelf("s");
                ShelfItem item = new ShelfItem("i");
                shelf.items.add(item);
                session.add(shelf);
                session.flush();
                session.expunge(shelf);
                assertThat(session.contains(item)).isTrue();
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /** test_expire.py::ExpireTest::test_get_on_deleted_expunges. */
    @DatabaseTest
    void getOfAnExpiredObjectWhoseRowIsGoneTakesItOutOfTheSession(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int id = crate(engine);
            try (Session session = Session.open(engine)) {
                Crate crate = session.get(Crate.class, id);
                session.expireAll();
                session.execute(Sql.text("DELETE FROM rx_bottle"));
                session.execute(Sql.text("DELETE FROM rx_crate WHERE id = :id"), Map.of("id", id));
                assertThat(session.contains(crate)).isTrue();
                assertThat(session.get(Crate.class, id)).isNull();
                assertThat(session.contains(crate)).isFalse();
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_session.py / test_expire.py: is_modified() and session.dirty count relationship changes, a collection that
     * gained or lost an element and a reference set to another object (before, only columns counted); expire() of a
     * pending object is refused, as SQLAlchemy's "not persistent within this Session" (before, it did nothing).
     */
    @DatabaseTest
    void relationshipChangesMakeAnObjectModifiedAndExpiringAPendingOneIsRefused(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try {
            int id = crate(engine);
            try (Session session = Session.open(engine)) {
                Crate crate = session.get(Crate.class, id);
                assertThat(crate.bottles).hasSize(2);
                assertThat(session.isModified(crate)).isFalse();
                Bottle added = new Bottle("b3");
                crate.bottles.add(added);
                assertThat(session.isModified(crate)).isTrue();
                assertThat(Orm.inspect(crate).modified()).containsExactly("bottles");
                assertThat(session.dirtyObjects()).containsExactly(crate);
                assertThatThrownBy(() -> session.expire(added))
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("it is pending; only a persistent object has a row to load again");
                crate.bottles.remove(added);
                assertThat(session.isModified(crate)).isFalse();
                session.flush();
                Client client = new Client("c");
                client.pref = new Pref("p1");
                session.add(client);
                session.flush();
                assertThat(session.isModified(client)).isFalse();
                client.pref = new Pref("p2");
                assertThat(Orm.inspect(client).modified()).containsExactly("pref");
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
