package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.ProgrammingException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** In-memory databases live as long as their engine, across connect() calls, dispose() and recycling. */
class InMemoryEngineIT {

    /**
     * The pool recycles its connections (200 ms), and the engine is disposed: the database lives on. The test waits
     * until the pool hands out another physical connection than the first, so it fails if no recycle happened.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite://", "sqlite:///:memory:", "sqlite+pysqlite:///:memory:", "h2:mem:",
            "h2:mem:in-memory-engine-test", "jdbc:h2:mem:in-memory-engine-jdbc"})
    void survivesAcrossConnectionsRecyclingAndDispose(String url) throws Exception {
        try (Engine engine = Engine.create(url, EngineOptions.builder().poolRecycle(Duration.ofMillis(200))
                .build())) {
            java.sql.Connection first;
            try (Connection conn = engine.connect()) {
                first = physical(conn);
                conn.execute(text("CREATE TABLE kept (x int)"));
                conn.execute(text("INSERT INTO kept (x) VALUES (42)"));
                conn.commit();
            }
            java.sql.Connection later = first;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (later == first && System.nanoTime() < deadline) {
                Thread.sleep(50);
                try (Connection conn = engine.connect()) {
                    later = physical(conn);
                    assertThat(conn.execute(text("SELECT x FROM kept")).scalar(Integer.class)).isEqualTo(42);
                }
            }
            assertThat(later).as("a connection of the pool after its recycle age").isNotSameAs(first);
            // Agroal closes a retired connection on its housekeeping thread, which may run after the pool has
            // handed out the new one: wait (bounded) for the close rather than expect it to have happened already.
            long closeDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!first.isClosed() && System.nanoTime() < closeDeadline) {
                Thread.sleep(20);
            }
            assertThat(first.isClosed()).as("the recycled connection, closed within 10 s of its retirement").isTrue();

            engine.dispose();
            try (Connection conn = engine.connect()) {
                assertThat(physical(conn)).isNotSameAs(later);
                assertThat(conn.execute(text("SELECT x FROM kept")).scalar(Integer.class)).isEqualTo(42);
            }
        }
    }

    /** The driver's connection under the pool's wrapper. */
    private static java.sql.Connection physical(Connection conn) throws SQLException {
        return conn.jdbcConnection().unwrap(java.sql.Connection.class);
    }

    @Test
    void eachSqliteMemoryEngineHasItsOwnDatabase() {
        try (Engine first = Engine.create("sqlite://"); Engine second = Engine.create("sqlite://")) {
            first.begin(conn -> conn.execute(text("CREATE TABLE only_in_first (x int)")));
            try (Connection conn = second.connect()) {
                assertThatThrownBy(() -> conn.execute(text("SELECT * FROM only_in_first")))
                        .isInstanceOf(ProgrammingException.class).hasMessageContaining("only_in_first");
            }
        }
    }
}
