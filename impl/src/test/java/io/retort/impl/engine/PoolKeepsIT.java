package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 20, case 11: what the pool keeps, counted on the server. Connections open on demand; after a burst all of
 * them (up to poolSize + maxOverflow) stay open until they have sat idle for poolIdleTimeout, then they are closed.
 * (SQLAlchemy's QueuePool closes an overflow connection as soon as it is returned; Agroal cannot do that without
 * opening its minimum size in advance, so Retort documents and exposes the idle timeout instead.)
 */
class PoolKeepsIT {
    private static long serverConnections(Engine probe, TestDatabase database) {
        String query = database == TestDatabase.POSTGRESQL
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                : "SELECT count(*) FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()";
        try (Connection conn = probe.connect()) {
            return ((Number) conn.scalar(text(query), Map.of())).longValue();
        }
    }

    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void connectionsOfABurstCloseAfterTheIdleTimeout(TestEngines engines, TestDatabase database) throws Exception {
        Engine probe = engines.engine();
        long before = serverConnections(probe, database);
        Engine engine = engines.create(EngineOptions.builder().poolSize(2).maxOverflow(3)
                .poolIdleTimeout(java.time.Duration.ofMillis(500)).build());
        assertThat(serverConnections(probe, database) - before).isZero(); // none opened in advance
        List<Connection> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Connection conn = engine.connect();
            conn.scalar(text("SELECT 1"), Map.of());
            burst.add(conn);
        }
        assertThat(serverConnections(probe, database) - before).isEqualTo(5);
        for (Connection conn : burst) {
            conn.close();
        }
        assertThat(serverConnections(probe, database) - before).as("kept right after the burst").isEqualTo(5);
        long kept = 5;
        for (int i = 0; i < 100 && kept > 0; i++) { // the reaper runs every half timeout or so
            Thread.sleep(50);
            kept = serverConnections(probe, database) - before;
        }
        assertThat(kept).as("connections open after the idle timeout").isZero();
        try (Connection conn = engine.connect()) {
            assertThat(conn.scalar(text("SELECT 1"), Map.of())).isNotNull();
        }
    }
}
