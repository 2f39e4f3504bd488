package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.ProgrammingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** In-memory databases live as long as their engine, across connect() calls, dispose() and recycling. */
class InMemoryEngineIT {

    @ParameterizedTest
    @ValueSource(strings = {"sqlite://", "sqlite:///:memory:", "sqlite+pysqlite:///:memory:", "h2:mem:",
            "h2:mem:in-memory-engine-test", "jdbc:h2:mem:in-memory-engine-jdbc"})
    void survivesAcrossConnectionsAndDispose(String url) throws InterruptedException {
        try (Engine engine = Engine.create(url, EngineOptions.builder().poolRecycle(Duration.ofMillis(200))
                .build())) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("CREATE TABLE kept (x int)"));
                conn.execute(text("INSERT INTO kept (x) VALUES (42)"));
                conn.commit();
            }
            engine.dispose();
            Thread.sleep(400); // past the recycle age: pooled connections are gone, the database is not
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT x FROM kept")).scalar(Integer.class)).isEqualTo(42);
            }
        }
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
