package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** echo=true logs statements, parameters and transaction boundaries to the io.retort.engine System.Logger. */
class EchoIT {
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("io.retort.engine");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }

    @Test
    void echoLogsStatementsAndParametersAtInfo() {
        try (Engine engine = Engine.create("sqlite://", EngineOptions.builder().echo(true).build())) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("CREATE TABLE t (x int)"));
                conn.execute(text("INSERT INTO t (x) VALUES (:x)"), List.of(Map.of("x", 1), Map.of("x", 2)));
                conn.commit();
                conn.execute(text("SELECT x FROM t WHERE x > :min"), Map.of("min", 0)).all();
            }
        }
        assertThat(messages).containsExactly(
                "INFO BEGIN (implicit)",
                "INFO CREATE TABLE t (x int)",
                "INFO [generated] {}",
                "INFO INSERT INTO t (x) VALUES (?)",
                "INFO [generated] [{x=1}, {x=2}]",
                "INFO COMMIT",
                "INFO BEGIN (implicit)",
                "INFO SELECT x FROM t WHERE x > ?",
                "INFO [generated] {min=0}",
                "INFO ROLLBACK");
    }

    @Test
    void withoutEchoTheSameMessagesAreDebug() {
        try (Engine engine = Engine.create("sqlite://")) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT 1"));
            }
        }
        // System.Logger's DEBUG is java.util.logging's FINE.
        assertThat(messages).contains("FINE SELECT 1").noneMatch(m -> m.startsWith("INFO"));
    }
}
