package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.OperationalException;
import io.retort.exception.PoolTimeoutException;
import io.retort.exception.ResourceClosedException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/** The Agroal pool with SQLAlchemy's options, on real databases. */
class PoolIT {

    @DatabaseTest
    @Timeout(120)
    void exhaustedPoolFailsAfterTheTimeout(TestEngines engines) {
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(0)
                .poolTimeout(Duration.ofMillis(300)).build());
        try (Connection held = engine.connect()) {
            long start = System.nanoTime();
            assertThatThrownBy(engine::connect).isInstanceOf(PoolTimeoutException.class)
                    .hasMessageContaining("within the pool timeout of 300ms")
                    .hasMessageContaining("pool size 1, overflow 0");
            // It waited for the timeout; no upper bound on a loaded machine (the @Timeout guards against a hang).
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            assertThat(engine.poolStatus().checkedOut()).isEqualTo(1);
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
        }
    }

    @DatabaseTest
    void overflowAllowsMoreConnectionsThanThePoolSize(TestEngines engines) {
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(2)
                .poolTimeout(Duration.ofMillis(300)).build());
        try (Connection a = engine.connect(); Connection b = engine.connect(); Connection c = engine.connect()) {
            assertThat(engine.poolStatus().checkedOut()).isEqualTo(3);
            assertThatThrownBy(engine::connect).isInstanceOf(PoolTimeoutException.class);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    /**
     * A connection older than the recycle age is replaced. Neither check depends on how fast the machine runs: reuse
     * is asserted only when the second checkout came within the age, and the replacement is awaited (up to a minute)
     * rather than expected after a fixed sleep.
     */
    @DatabaseTest
    void recycleReplacesConnectionsOlderThanTheLimit(TestEngines engines) throws Exception {
        Duration recycle = Duration.ofSeconds(2);
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(0).poolRecycle(recycle)
                .build());
        java.sql.Connection first;
        long created = System.nanoTime();
        try (Connection conn = engine.connect()) {
            first = physical(conn);
        }
        try (Connection conn = engine.connect()) {
            if (System.nanoTime() - created < recycle.toNanos() / 2) {
                assertThat(physical(conn)).isSameAs(first); // still young: reused
            }
        }
        java.sql.Connection later = first;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (later == first && System.nanoTime() < deadline) {
            Thread.sleep(100);
            try (Connection conn = engine.connect()) {
                later = physical(conn);
                assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
            }
        }
        assertThat(later).as("a connection after the recycle age").isNotSameAs(first);
        assertThat(first.isClosed()).isTrue();
    }

    private static java.sql.Connection physical(Connection conn) throws SQLException {
        return conn.jdbcConnection().unwrap(java.sql.Connection.class);
    }

    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void prePingReplacesAConnectionKilledOnTheServer(TestEngines engines, TestDatabase database)
            throws InterruptedException {
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(0).poolPrePing(true)
                .build());
        long killed = backendId(engine, database);
        kill(engines.engine(), database, killed);
        try (Connection conn = engine.connect()) {
            long replacement = conn.execute(text(backendIdQuery(database))).scalar(Long.class);
            assertThat(replacement).isNotEqualTo(killed);
        }
    }

    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void withoutPrePingTheCallerSeesTheDeadConnection(TestEngines engines, TestDatabase database)
            throws InterruptedException {
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(0).build());
        long killed = backendId(engine, database);
        kill(engines.engine(), database, killed);
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT 1"))).isInstanceOf(OperationalException.class);
        }
        // The broken connection was discarded when it was closed; the next one works.
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
        }
    }

    private static String backendIdQuery(TestDatabase database) {
        return database == TestDatabase.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
    }

    private static long backendId(Engine engine, TestDatabase database) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(backendIdQuery(database))).scalar(Long.class);
        }
    }

    private static void kill(Engine admin, TestDatabase database, long id) throws InterruptedException {
        try (Connection conn = admin.connect()) {
            if (database == TestDatabase.POSTGRESQL) {
                conn.execute(text("SELECT pg_terminate_backend(CAST(:pid AS integer))"), Map.of("pid", id));
            } else {
                conn.execute(text("KILL " + id));
            }
            String alive = database == TestDatabase.POSTGRESQL
                    ? "SELECT count(*) FROM pg_stat_activity WHERE pid = :id"
                    : "SELECT count(*) FROM information_schema.processlist WHERE id = :id";
            for (int i = 0; i < 100 && conn.execute(text(alive), Map.of("id", id)).scalar(Long.class) > 0; i++) {
                Thread.sleep(50);
            }
        }
    }

    @DatabaseTest
    void disposeClosesPooledConnectionsAndTheEngineGoesOn(TestEngines engines) throws SQLException {
        Engine engine = engines.create(EngineOptions.defaults());
        java.sql.Connection before;
        try (Connection conn = engine.connect()) {
            before = physical(conn);
        }
        engine.dispose();
        try (Connection conn = engine.connect()) {
            assertThat(physical(conn)).isNotSameAs(before);
        }
    }

    @DatabaseTest
    void disposeLeavesCheckedOutConnectionsWorking(TestEngines engines) throws SQLException {
        Engine engine = engines.create(EngineOptions.defaults());
        java.sql.Connection old;
        try (Connection inUse = engine.connect()) {
            old = physical(inUse);
            engine.dispose();
            assertThat(inUse.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
            try (Connection fresh = engine.connect()) {
                assertThat(physical(fresh)).isNotSameAs(old);
            }
        }
        assertThat(old.isClosed()).isTrue(); // the old pool closed when its last connection came back
    }

    @DatabaseTest
    void closedEngineRefusesConnections(TestEngines engines) {
        Engine engine = engines.create(EngineOptions.defaults());
        engine.close();
        assertThatThrownBy(engine::connect).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("is closed");
    }

    /**
     * Port of SQLAlchemy's {@code test_no_autocommit} (test/engine/test_transaction.py): work not committed is gone
     * once the Connection closes, here even when the pooled connection's previous user switched it to auto-commit,
     * through the isolation level or on the JDBC connection itself. A new Connection does not ask the driver for the
     * mode (Retort's pool opens connections in the engine's mode and puts a changed mode back when one is returned).
     */
    @DatabaseTest
    void aConnectionLeftInAutocommitComesBackInTheEnginesMode(TestEngines engines) throws SQLException {
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(0).build());
        engine.begin(conn -> conn.execute(text("CREATE TABLE IF NOT EXISTS pool_mode (id int PRIMARY KEY)")));
        engine.begin(conn -> conn.execute(text("DELETE FROM pool_mode")));
        try (Connection conn = engine.connect()) {
            conn.setIsolationLevel(io.retort.engine.IsolationLevel.AUTOCOMMIT);
        }
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO pool_mode (id) VALUES (1)"));
            assertThat(conn.isInTransaction()).isTrue();
            assertThat(conn.jdbcConnection().getAutoCommit()).isFalse();
        }
        try (Connection conn = engine.connect()) {
            conn.jdbcConnection().setAutoCommit(true);
        }
        // Switching auto-commit on committed the transaction jdbcConnection() began: nothing to roll back, and the
        // connection goes back to the pool rather than being discarded for a failed ROLLBACK.
        assertThat(engine.poolStatus().open()).isEqualTo(1);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO pool_mode (id) VALUES (2)"));
            assertThat(conn.isInTransaction()).isTrue();
            conn.rollback();
            assertThat(((Number) conn.scalar(text("SELECT count(*) FROM pool_mode"), Map.of())).longValue()).isZero();
        }
        try (Connection conn = engine.connect()) {
            assertThat(((Number) conn.scalar(text("SELECT count(*) FROM pool_mode"), Map.of())).longValue()).isZero();
        }
    }
}
