package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The slow-statement log: the SQL, the time and the caller's frame at WARN, and nothing under the threshold. */
class SlowStatementIT {
    private static final Logger LOGGER = Logger.getLogger(SlowStatementLog.LOGGER_NAME);

    private static List<LogRecord> run(Engine engine) {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        LOGGER.addHandler(handler);
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT :value AS v"), Map.of("value", "not-logged"));
        } finally {
            LOGGER.removeHandler(handler);
        }
        return records;
    }

    @DatabaseTest
    void aStatementOverTheThresholdIsLoggedWithItsCaller(TestEngines engines) {
        // Every statement takes more than a nanosecond.
        Engine engine = engines.create(EngineOptions.builder().slowStatementThreshold(Duration.ofNanos(1)).build());
        List<LogRecord> records = run(engine);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).matches("(?s)Slow statement: \\d+\\.\\d ms \\(threshold 0 ms\\), called"
                    + " from io\\.retort\\.impl\\.engine\\.SlowStatementIT\\.run\\(SlowStatementIT\\.java:\\d+\\)"
                    + "\n\\[SQL: SELECT \\? AS v\\]");
            assertThat(record.getMessage()).doesNotContain("not-logged");
        });
    }

    @DatabaseTest
    void aStatementUnderTheThresholdIsNot(TestEngines engines) {
        Engine engine = engines.create(EngineOptions.builder().slowStatementThreshold(Duration.ofHours(1)).build());
        assertThat(run(engine)).isEmpty();
        assertThat(run(engines.create(EngineOptions.defaults()))).isEmpty();
    }
}
