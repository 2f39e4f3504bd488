package io.retort.docs.ops;

import static io.retort.sql.Sql.text;

import io.retort.docs.Printed;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.IsolationLevel;
import io.retort.exception.PoolTimeoutException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/operations.md: pool sizing and the engine's options. */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class OperationsIT {

    @DatabaseTest
    void poolOptions(TestEngines engines, Printed printed) {
        String url = engines.url();
        printed.clear();
        // tag::pool-options[]
        EngineOptions options = EngineOptions.builder()
                .poolSize(10)                                // connections kept for reuse
                .maxOverflow(5)                              // more under load, closed when returned
                .poolTimeout(Duration.ofSeconds(5))          // how long connect() waits for one
                .poolRecycle(Duration.ofMinutes(30))         // replace connections older than this
                .poolPrePing(true)                           // test each connection as it is taken
                .isolationLevel(IsolationLevel.SERIALIZABLE)   // SQLite has READ_UNCOMMITTED and SERIALIZABLE
                .compiledCacheSize(1000)
                .build();
        try (Engine engine = Engine.create(url, options)) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT 1")).scalar();
                System.out.println(engine.poolStatus());
            }
            System.out.println(engine.poolStatus());
        }
        // end::pool-options[]
        printed.assertShown("ops/OperationsIT.java#pool-options");
    }

    @DatabaseTest
    void poolTimeout(TestEngines engines, Printed printed) {
        String url = engines.url();
        printed.clear();
        // tag::pool-timeout[]
        try (Engine engine = Engine.create(url, EngineOptions.builder()
                .poolSize(1).maxOverflow(0).poolTimeout(Duration.ofMillis(200)).build());
                Connection first = engine.connect()) {
            first.execute(text("SELECT 1")).scalar();
            try (Connection second = engine.connect()) {
                second.execute(text("SELECT 1"));
            } catch (PoolTimeoutException e) {
                System.out.println(e.getMessage());
            }
        }
        // end::pool-timeout[]
        printed.assertShown("ops/OperationsIT.java#pool-timeout");
    }
}
