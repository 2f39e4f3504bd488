package io.retort.impl.orm.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/**
 * {@code session.delete(parent)} marks what its delete cascade reaches at once, as SQLAlchemy's {@code delete()}
 * does, loading an unloaded collection to find it: {@code deletedObjects()} lists the children before any flush (it
 * listed the parent alone, the children being found at flush). A child removed from the collection before the delete
 * is not reached.
 */
class DeleteCascadeIT {
    private static int seed(Engine engine) {
        return RelationshipsFixtures.commitJack(engine, "address1", "address2");
    }

    private static long count(Engine engine, String table) {
        try (Connection conn = engine.connect()) {
            return conn.execute(Sql.text("SELECT count(*) FROM " + table)).scalar(Long.class);
        }
    }

    /**
     * SQLAlchemy: test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_delete_unloaded_collections and
     * test/orm/test_events.py::SessionLifecycleEventsTest::test_detached_to_persistent_via_cascaded_delete
     * ({@code assert a1 in sess.deleted} right after {@code sess.delete(u1)}).
     */
    @DatabaseTest
    void deleteMarksWhatItsCascadeReachesLoadingAnUnloadedCollection(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                recorder.clear();
                session.delete(jack);
                assertThat(recorder.sql()).anyMatch(sql -> sql.startsWith("SELECT address.id"));
                List<Address> addresses = List.copyOf(jack.addresses);
                assertThat(session.deletedObjects()).hasSize(3).contains(jack, addresses.get(0), addresses.get(1));
                session.commit();
            }
            assertThat(count(engine, "address")).isZero();
            assertThat(count(engine, "user_account")).isZero();
        }, "address1", "address2");
    }

    /** SQLAlchemy: test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_cascades_onlycollection. */
    @DatabaseTest
    void aChildRemovedBeforeTheDeleteIsNotReachedAndCanMove(Engine engine) {
        Registry registry = RelationshipsFixtures.createTables(engine);
        try {
            int id = seed(engine);
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                Address moved = jack.addresses.remove(0);
                Address other = jack.addresses.get(0);
                session.delete(jack);
                assertThat(session.deletedObjects()).hasSize(2).contains(jack, other).doesNotContain(moved);
                assertThat(session.contains(moved)).isTrue();
                User newUser = new User("newuser", null);
                newUser.addresses.add(moved);
                session.add(newUser);
                session.commit();
            }
            assertThat(count(engine, "user_account")).isEqualTo(1);
            assertThat(count(engine, "address")).isEqualTo(1);
        } finally {
            registry.dropAll(engine);
        }
    }
}
