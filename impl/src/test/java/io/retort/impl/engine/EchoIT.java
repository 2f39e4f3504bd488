package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.schema.MetaData;
import io.retort.schema.Schema;
import io.retort.schema.Table;
import io.retort.sql.Executable;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import io.retort.types.Types;
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

    @DatabaseTest
    void aTransactionThatOnlyReadEndsWithCommitAtCloseOnlyWhereRollbackForgetsParsedStatements(
            TestEngines engines) {
        // H2's ROLLBACK clears the statements it parsed for the connection: there a transaction that wrote nothing
        // ends with COMMIT, the same for it. Anything that may have written is rolled back on every database.
        Engine engine = engines.create(EngineOptions.builder().echo(true).build());
        MetaData metadata = new MetaData();
        Table t = metadata.table("echo_reads", Schema.column("x", Types.INTEGER).primaryKey());
        metadata.createAll(engine);
        try {
            String readOnlyEnd = engines.database() == TestDatabase.H2
                    ? "INFO COMMIT (the transaction only read)" : "INFO ROLLBACK";
            messages.clear();
            try (Connection conn = engine.connect()) {
                conn.execute(Sql.select(t.c("x")).where(t.c("x", Integer.class).eq(1))).all();
                conn.execute(Sql.select(t.c("x"))).all();
            }
            assertThat(messages).last().isEqualTo(readOnlyEnd);
            // A function might write, SQL text might, FOR UPDATE takes row locks, an INSERT writes: ROLLBACK.
            List<Executable> mayWrite = List.of(Sql.select(Sql.count()).from(t), text("SELECT x FROM echo_reads"),
                    Sql.select(t.c("x")).forUpdate(), Sql.insert(t).values(Map.of("x", 5)));
            for (Executable statement : mayWrite) {
                messages.clear();
                try (Connection conn = engine.connect()) {
                    conn.execute(Sql.select(t.c("x"))).all();
                    conn.execute(statement);
                }
                assertThat(messages).as(statement.toString()).last().isEqualTo("INFO ROLLBACK");
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.select(Sql.count()).from(t)).scalar(Long.class)).isZero();
            }
        } finally {
            metadata.dropAll(engine);
        }
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
