package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.ExecutionListener;
import io.retort.engine.IsolationLevel;
import io.retort.engine.NestedTransaction;
import io.retort.engine.StatementEvent;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.ResourceClosedException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Connection behaviour on every database: transactions, savepoints, isolation, executemany. */
class ConnectionIT {

    private static void createTable(Engine engine) {
        engine.begin(conn -> conn.execute(text("CREATE TABLE t (id int PRIMARY KEY, name varchar(50))")));
    }

    private static long count(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT count(*) FROM t")).scalar(Long.class);
        }
    }

    @DatabaseTest
    void closeWithoutCommitLeavesNoRows(Engine engine) {
        createTable(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO t (id, name) VALUES (:id, :name)"), Map.of("id", 1, "name", "a"));
            assertThat(conn.isInTransaction()).isTrue();
        }
        assertThat(count(engine)).isZero();
    }

    /**
     * Work run on {@code jdbcConnection()} after a read is rolled back on close. Before, a transaction that had run
     * only SELECTs of the expression language ended with COMMIT on H2 (which keeps its parsed statements that way),
     * and committed a write made through the JDBC connection meanwhile; without a read, nothing ended the driver's
     * transaction, and the pooled connection kept the write for its next user. SQLAlchemy's pool rolls back every
     * connection it gets back ({@code test/engine/test_pool.py}, {@code test_plain_rollback}).
     */
    @DatabaseTest
    void workOnTheJdbcConnectionIsRolledBackOnClose(Engine engine) throws java.sql.SQLException {
        createTable(engine);
        io.retort.schema.Table t = new io.retort.schema.MetaData().table("t",
                io.retort.schema.Schema.column("id", io.retort.types.Types.INTEGER));
        try (Connection conn = engine.connect()) {
            conn.execute(io.retort.sql.Sql.select(t.c("id"))).all();
            try (java.sql.Statement raw = conn.jdbcConnection().createStatement()) {
                raw.executeUpdate("INSERT INTO t (id, name) VALUES (1, 'a')");
            }
            assertThat(conn.isInTransaction()).isTrue();
            assertThat(conn.wroteInTransaction()).isTrue();
        }
        assertThat(count(engine)).isZero();
        try (Connection conn = engine.connect()) {
            try (java.sql.Statement raw = conn.jdbcConnection().createStatement()) {
                raw.executeUpdate("INSERT INTO t (id, name) VALUES (2, 'b')");
            }
        }
        assertThat(count(engine)).isZero();
    }

    @DatabaseTest
    void autobeginsAfterCommitAndRollback(Engine engine) {
        createTable(engine);
        try (Connection conn = engine.connect()) {
            assertThat(conn.isInTransaction()).isFalse();
            conn.execute(text("INSERT INTO t (id, name) VALUES (1, 'a')"));
            assertThat(conn.isInTransaction()).isTrue();
            conn.commit();
            assertThat(conn.isInTransaction()).isFalse();
            conn.execute(text("INSERT INTO t (id, name) VALUES (2, 'b')"));
            conn.rollback();
            conn.execute(text("INSERT INTO t (id, name) VALUES (3, 'c')"));
            conn.commit();
            conn.commit(); // nothing to commit: a no-op
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT id FROM t ORDER BY id")).scalars(Integer.class).all())
                    .containsExactly(1, 3);
        }
    }

    @DatabaseTest
    @SuppressWarnings("try") // the last savepoint is used only through close()
    void savepointRollbackKeepsOuterWork(Engine engine) {
        createTable(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO t (id, name) VALUES (1, 'outer')"));
            try (NestedTransaction savepoint = conn.beginNested()) {
                conn.execute(text("INSERT INTO t (id, name) VALUES (2, 'inner')"));
                savepoint.rollback();
                assertThat(savepoint.isActive()).isFalse();
            }
            try (NestedTransaction savepoint = conn.beginNested()) {
                conn.execute(text("INSERT INTO t (id, name) VALUES (3, 'kept')"));
                savepoint.commit();
            }
            try (NestedTransaction savepoint = conn.beginNested()) {
                conn.execute(text("INSERT INTO t (id, name) VALUES (4, 'closed without commit')"));
            }
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT name FROM t ORDER BY id")).scalars(String.class).all())
                    .containsExactly("outer", "kept");
        }
    }

    @DatabaseTest
    void nestedCallbackRollsBackOnlyItsWorkOnException(Engine engine) {
        createTable(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO t (id, name) VALUES (1, 'outer')"));
            assertThatThrownBy(() -> conn.nested(c -> {
                c.execute(text("INSERT INTO t (id, name) VALUES (2, 'inner')"));
                throw new IllegalStateException("inner failure");
            })).hasMessage("inner failure");
            conn.nested(c -> c.execute(text("INSERT INTO t (id, name) VALUES (3, 'released')")));
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT id FROM t ORDER BY id")).scalars(Integer.class).all())
                    .containsExactly(1, 3);
        }
    }

    @DatabaseTest
    void endedSavepointCannotBeUsedAgain(Engine engine) {
        createTable(engine);
        try (Connection conn = engine.connect()) {
            NestedTransaction savepoint = conn.beginNested();
            conn.commit();
            assertThatThrownBy(savepoint::rollback).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("has already ended");
        }
    }

    @DatabaseTest
    void executemanyOfTenThousandRowsIsOneBatch(TestEngines engines, TestDatabase database) {
        List<StatementEvent> events = new CopyOnWriteArrayList<>();
        Engine engine = engines.create(EngineOptions.builder().addListener(new ExecutionListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                events.add(event);
            }
        }).build());
        createTable(engine);
        events.clear();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(Map.of("id", i, "name", "name " + i));
        }
        long affected;
        try (Connection conn = engine.connect()) {
            affected = conn.execute(text("INSERT INTO t (id, name) VALUES (:id, :name)"), rows).rowCount();
            conn.commit();
        }
        assertThat(events).hasSize(1);
        assertThat(events.get(0).batch()).isTrue();
        assertThat(events.get(0).parameterSets()).hasSize(10_000);
        assertThat(events.get(0).sql()).isEqualTo("INSERT INTO t (id, name) VALUES (?, ?)");
        assertThat(affected).isIn(10_000L, -1L); // MariaDB's bulk protocol does not report counts
        if (database != TestDatabase.MARIADB) {
            assertThat(affected).isEqualTo(10_000L);
        }
        assertThat(count(engine)).isEqualTo(10_000L);
    }

    @DatabaseTest
    void executemanyReportsTheParameterSetMissingAValue(Engine engine) {
        createTable(engine);
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO t (id, name) VALUES (:id, :name)"),
                    List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2))))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("A value is required for bind parameter 'name' in parameter set 2");
        }
    }

    @DatabaseTest
    void insertExecutemanyRefusesRowsNamingOtherColumnsBeforeWritingAny(Engine engine) {
        io.retort.schema.MetaData metadata = new io.retort.schema.MetaData();
        io.retort.schema.Table t = metadata.table("t",
                io.retort.schema.Schema.column("id", io.retort.types.Types.INTEGER).primaryKey(),
                io.retort.schema.Schema.column("name", io.retort.types.Types.string(50)));
        metadata.createAll(engine);
        List<Map<String, Object>> sameCount = new ArrayList<>();
        List<Map<String, Object>> fewer = new ArrayList<>();
        for (int i = 1; i <= 2500; i++) { // more than a page of the multi-row RETURNING path
            sameCount.add(Map.of("id", i, "name", "n" + i));
            fewer.add(Map.of("id", i, "name", "n" + i));
        }
        sameCount.add(Map.of("id", 9999, "nmae", "typo"));
        fewer.add(Map.of("id", 9999));
        try (Connection conn = engine.connect()) {
            for (List<Map<String, Object>> rows : List.of(sameCount, fewer)) {
                for (boolean returning : new boolean[] {false, true}) {
                    io.retort.sql.Insert insert = io.retort.sql.Sql.insert(t);
                    io.retort.sql.Insert statement = returning ? insert.returning(t.c("id")) : insert;
                    assertThatThrownBy(() -> conn.execute(statement, rows))
                            .isInstanceOf(InvalidArgumentException.class)
                            .hasMessageStartingWith("Parameter set 2501 of the executemany names ")
                            .hasMessageContaining("but the first names [")
                            .hasMessageContaining("every row of an insert() executemany must name the same columns");
                }
            }
            assertThat(conn.execute(text("SELECT count(*) FROM t")).scalar(Long.class)).isZero();
        } finally {
            metadata.dropAll(engine);
        }
    }

    @DatabaseTest
    void isolationLevelPerConnectionAndPerEngine(TestEngines engines, TestDatabase database) {
        IsolationLevel level = database == TestDatabase.SQLITE ? IsolationLevel.READ_UNCOMMITTED
                : IsolationLevel.SERIALIZABLE;
        try (Connection conn = engines.engine().connect()) {
            conn.setIsolationLevel(level);
            assertThat(conn.isolationLevel()).isEqualTo(level);
            conn.execute(text("SELECT 1"));
            assertThatThrownBy(() -> conn.setIsolationLevel(IsolationLevel.READ_COMMITTED))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("while a transaction is in progress");
        }
        Engine serializable = engines.create(EngineOptions.builder().isolationLevel(level).build());
        try (Connection conn = serializable.connect()) {
            assertThat(conn.isolationLevel()).isEqualTo(level);
        }
    }

    @DatabaseTest
    void autocommitLevelCommitsEachStatement(Engine engine) {
        createTable(engine);
        try (Connection conn = engine.connect()) {
            conn.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
            conn.execute(text("INSERT INTO t (id, name) VALUES (1, 'a')"));
            assertThat(conn.isInTransaction()).isFalse();
            conn.rollback(); // nothing to roll back
            assertThatThrownBy(conn::beginNested).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("AUTOCOMMIT");
        }
        assertThat(count(engine)).isEqualTo(1);
        // The level was reset when the connection went back to the pool.
        try (Connection conn = engine.connect()) {
            assertThat(conn.isolationLevel()).isNotEqualTo(IsolationLevel.AUTOCOMMIT);
        }
    }

    @DatabaseTest
    void closedConnectionRefusesWork(Engine engine) {
        Connection conn = engine.connect();
        conn.close();
        conn.close(); // idempotent
        assertThat(conn.isClosed()).isTrue();
        assertThatThrownBy(() -> conn.execute(text("SELECT 1"))).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("This Connection is closed");
    }

    @DatabaseTest
    void dmlReportsRowCount(Engine engine) {
        createTable(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO t (id, name) VALUES (1, 'a')"));
            conn.execute(text("INSERT INTO t (id, name) VALUES (2, 'a')"));
            var result = conn.execute(text("UPDATE t SET name = :new WHERE name = :old"),
                    Map.of("new", "b", "old", "a"));
            assertThat(result.returnsRows()).isFalse();
            assertThat(result.rowCount()).isEqualTo(2);
            assertThatThrownBy(result::all).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("does not return rows");
        }
    }

    @DatabaseTest
    void aListenerRefusingAStatementEndsWhatTheListenersBeforeItBegan(TestEngines engines) {
        // Review of issue 23: fireBefore ran outside the try whose finally tells the listeners the statement ended,
        // so when a listener threw (the N+1 detector in raise mode does), those told before it never heard the end
        // (a trace span stayed open).
        List<String> heard = new CopyOnWriteArrayList<>();
        Engine engine = engines.create(EngineOptions.builder().addListener(new ExecutionListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                heard.add("before " + event.sql());
            }

            @Override
            public void afterExecute(StatementEvent event, long elapsedNanos, java.sql.SQLException failure) {
                // The statement never ran: a failure, not a success (a span would end as OK).
                heard.add("after " + event.sql() + (failure == null ? "" : " failed: " + failure.getMessage()));
            }
        }).addListener(new ExecutionListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                if (event.sql().startsWith("DELETE")) {
                    throw new InvalidRequestException("refused");
                }
            }
        }).build());
        createTable(engine);
        heard.clear();
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("DELETE FROM t"))).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("refused");
            assertThatThrownBy(() -> conn.execute(text("DELETE FROM t WHERE id = :id"), List.of(Map.of("id", 1))))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("refused");
        }
        String refused = " failed: The statement did not run: an ExecutionListener refused it"
                + " (io.retort.exception.InvalidRequestException: refused)";
        assertThat(heard).containsExactly("before DELETE FROM t", "after DELETE FROM t" + refused,
                "before DELETE FROM t WHERE id = ?", "after DELETE FROM t WHERE id = ?" + refused);
    }
}
