package io.retort.impl.orm.clearing;

import static io.retort.impl.orm.clearing.Rows.column;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.IntegrityException;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;

/**
 * {@code Session.noAutoflush()} and the note on a failed autoflush, ported from SQLAlchemy's test/orm/test_session.py
 * (added 2026-12-06: there was no way to query without the autoflush, and its failure did not say it came from one).
 */
class AutoflushIT {
    private static Registry tables(Engine engine) {
        Registry registry = Registry.of(Client.class, ClientOrder.class, ClientNote.class, Pref.class);
        registry.createAll(engine);
        return registry;
    }

    /** SessionStateTest::test_with_no_autoflush, and test_with_no_autoflush_after_exception. */
    @DatabaseTest
    void queriesInsideNoAutoflushDoNotFlush(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client ed = new Client("ed");
            session.add(ed);
            try (Session.NoAutoflush paused = session.noAutoflush()) {
                assertThat(session.scalars(select(Client.class)).all()).isEmpty();
                try (Session.NoAutoflush nested = session.noAutoflush()) {
                    assertThat(session.get(Client.class, 1)).isNull();
                }
                assertThat(session.scalars(select(Client.class)).all()).isEmpty(); // still paused
                paused.close();
                paused.close(); // once only
            }
            assertThat(session.newObjects()).containsExactly(ed);
            assertThatThrownBy(() -> {
                try (Session.NoAutoflush paused = session.noAutoflush()) {
                    throw new IllegalStateException("inside");
                }
            }).hasMessage("inside");
            assertThat(session.scalars(select(Client.class)).all()).containsExactly(ed); // autoflushed
            assertThat(session.newObjects()).isEmpty();
            session.commit();
            assertThat(column(engine, "SELECT name FROM oc_client")).containsExactly("ed");
        } finally {
            registry.dropAll(engine);
        }
    }

    /** SessionStateTest::test_autoflush_exception_addition: the error says the flush was an autoflush. */
    @DatabaseTest
    void aFailedAutoflushSaysSo(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client first = new Client("first");
            session.add(first);
            session.commit();
            ClientOrder order = new ClientOrder("o1");
            order.description = null; // NOT NULL
            first.orders.add(order);
            assertThatThrownBy(() -> session.scalars(select(Client.class)).first())
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("This flush was an autoflush, run before a query or a lazy load")
                    .hasMessageContaining("session.noAutoflush()");
            session.rollback();
        } finally {
            registry.dropAll(engine);
        }
    }
}
