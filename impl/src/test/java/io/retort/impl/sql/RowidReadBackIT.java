package io.retort.impl.sql;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.IsolationLevel;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Insert;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An insert executemany whose RETURNING names columns of its table and whose sets leave the autoincrement key to the
 * database, of 2,500 rows, run again and again: on every database the rows come back in the order of the sets, each
 * with the key the database gave its row.
 *
 * <p>Where Retort differs from SQLAlchemy, on SQLite only: SQLAlchemy runs every page with RETURNING. Retort does
 * so for the first executemany into a table in a transaction, then probes the table; a plain rowid table (the only
 * one of its name, with no trigger, no ON CONFLICT clause, no view, virtual or WITHOUT ROWID table of its name) then
 * takes its pages without RETURNING and its rows are read back by rowid, which costs about 0.6 of the RETURNING pages
 * (SQLite writes each returned row to a temporary table first). The checks around the read are shown here: a table
 * with a trigger stays on RETURNING, a trigger created after the probe past Retort fails the executemany with a
 * message instead of handing back keys of the wrong rows (one created through Retort is probed for before the next
 * insert), AUTOCOMMIT goes by RETURNING, and a key from a client-side default is never taken for one the database
 * assigned.
 */
class RowidReadBackIT {
    private static final int ROWS = 2_500;

    private static MetaData tables() {
        MetaData metadata = new MetaData();
        metadata.table("rb_item", column("id", INTEGER).primaryKey(), column("name", string(20)));
        metadata.table("rb_audit", column("id", INTEGER).primaryKey(), column("name", string(20)));
        AtomicInteger next = new AtomicInteger(1_000_000);
        metadata.table("rb_client_key", column("id", INTEGER).primaryKey().defaultValue(next::getAndDecrement),
                column("name", string(20)));
        return metadata;
    }

    /** The body of a test, on an engine whose recorder sees every statement, with the tables created. */
    private interface Body {
        void run(Engine engine, StatementRecorder recorder, Connection conn, MetaData metadata);
    }

    private static void withTables(TestEngines engines, Body body) {
        StatementRecorder recorder = new StatementRecorder();
        MetaData metadata = tables();
        Engine engine = engines.create(recorder.options());
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            body.run(engine, recorder, conn, metadata);
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** {@code insert(table).returning(id, name)}. */
    private static Insert returning(Table table) {
        return insert(table).returning(table.c("id"), table.c("name"));
    }

    private static List<Map<String, Object>> rows(String prefix) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of("name", prefix + i));
        }
        return rows;
    }

    /** Each returned row is its set's, with the key its row holds in the table. */
    private static void assertKeysOfTheirRows(Connection conn, Table item, List<Object[]> returned, String prefix) {
        assertThat(returned).hasSize(ROWS);
        Map<Object, Object> names = new java.util.HashMap<>();
        for (Object[] row : conn.execute(select(item.c("id"), item.c("name"))).arrays().all()) {
            names.put(row[0], row[1]);
        }
        for (int i = 0; i < ROWS; i++) {
            assertThat(returned.get(i)[1]).isEqualTo(prefix + i);
            assertThat(names.get(returned.get(i)[0])).as("the row of key %s", returned.get(i)[0])
                    .isEqualTo(prefix + i);
        }
    }

    @DatabaseTest
    void afterTheFirstExecutemanyTheRowsAreReadBackByRowidOnSqlite(TestEngines engines) {
        withTables(engines, (engine, recorder, conn, metadata) -> {
            Table item = metadata.getTable("rb_item");
            Insert returning = returning(item);
            boolean sqlite = engine.dialectName().equals("sqlite");
            recorder.clear();
            List<Object[]> first = conn.execute(returning, rows("a")).arrays().all();
            List<String> statements = recorder.sql();
            assertKeysOfTheirRows(conn, item, first, "a");
            if (sqlite) {
                assertThat(statements).hasSize(4); // three pages with RETURNING, then the probe
                assertThat(statements.subList(0, 3)).allMatch(sql -> sql.endsWith(" RETURNING id, name"));
                assertThat(statements.get(3)).contains("sqlite_master");
            }
            // Rows deleted from the end: the next keys take up the freed rowids (no AUTOINCREMENT), still read right.
            conn.execute(Sql.text("DELETE FROM rb_item WHERE id > 2000"));
            for (String prefix : List.of("b", "c")) {
                recorder.clear();
                List<Object[]> returned = conn.execute(returning, rows(prefix)).arrays().all();
                List<String> sql = recorder.sql();
                List<String> dml = recorder.dml();
                assertKeysOfTheirRows(conn, item, returned, prefix);
                if (sqlite) {
                    assertThat(sql).containsExactly("SELECT total_changes()",
                            "INSERT INTO rb_item (name) VALUES " + "(?), ".repeat(999) + "(?)",
                            "INSERT INTO rb_item (name) VALUES (?)",
                            "SELECT total_changes(), last_insert_rowid()",
                            "SELECT id, name FROM rb_item WHERE rowid > ? AND (SELECT max(rowid) FROM rb_item) = ?"
                                    + " ORDER BY rowid");
                } else {
                    assertThat(dml).isNotEmpty().allMatch(statement -> statement.contains("INSERT INTO rb_item"));
                }
            }
            conn.commit();
        });
    }

    @DatabaseTest
    void aTableWithATriggerStaysOnReturningAndATriggerCreatedLaterFailsTheRead(TestEngines engines) {
        withTables(engines, (engine, recorder, conn, metadata) -> {
            Table item = metadata.getTable("rb_item");
            Table audit = metadata.getTable("rb_audit");
            Insert returning = returning(item);
            boolean sqlite = engine.dialectName().equals("sqlite");
            if (sqlite) {
                conn.execute(Sql.text("CREATE TRIGGER rb_log AFTER INSERT ON rb_item BEGIN"
                        + " INSERT INTO rb_audit (name) VALUES (NEW.name); END"));
            }
            for (String prefix : List.of("a", "b")) {
                recorder.clear();
                List<Object[]> returned = conn.execute(returning, rows(prefix)).arrays().all();
                List<String> sql = recorder.sql();
                assertKeysOfTheirRows(conn, item, returned, prefix);
                if (sqlite) {
                    assertThat(sql).as("a table with a trigger: RETURNING every time, one probe")
                            .hasSize(prefix.equals("a") ? 4 : 3);
                    assertThat(sql.subList(0, 3)).allMatch(statement -> statement.endsWith(" RETURNING id, name"));
                }
            }
            conn.commit();
            if (!sqlite) {
                return;
            }
            conn.execute(Sql.text("DROP TRIGGER rb_log"));
            conn.execute(Sql.text("DELETE FROM rb_audit"));
            Insert intoAudit = returning(audit);
            conn.execute(intoAudit, rows("c")); // RETURNING, then the probe finds no trigger
            conn.commit();
            // A trigger that writes into the table itself, created after the probe and past Retort (as another
            // process would): the keys cannot be read back.
            outsideRetort(conn, "CREATE TRIGGER rb_twice BEFORE INSERT ON rb_audit WHEN NEW.name NOT LIKE 'x%'"
                    + " BEGIN INSERT INTO rb_audit (name) VALUES ('x' || NEW.name); END");
            conn.commit();
            assertThatThrownBy(() -> conn.execute(intoAudit, rows("d"))).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Retort inserted 2500 rows into rb_audit without RETURNING, as it does on SQLite for"
                            + " a table with no trigger, and could not read them back: the statements reported 2500"
                            + " rows inserted and the connection's count of changed rows grew by 5000, so a trigger or"
                            + " a conflict clause created since Retort last looked acted on the insert. Roll the"
                            + " transaction back and run the insert again: the table goes by RETURNING from now on.");
            conn.rollback();
            recorder.clear();
            List<Object[]> again = conn.execute(intoAudit, rows("d")).arrays().all();
            assertThat(recorder.sql().get(0)).endsWith(" RETURNING id, name");
            assertThat(again).hasSize(ROWS);
            for (int i = 0; i < ROWS; i++) {
                Object name = conn.execute(select(audit.c("name")).where(audit.c("id", Integer.class)
                        .eq((Integer) again.get(i)[0]))).scalarOne();
                assertThat(name).isEqualTo("d" + i);
            }
            conn.rollback();
            // DDL run through Retort makes it look again: a trigger created so is seen before the next insert.
            conn.execute(Sql.text("DROP TRIGGER rb_twice"));
            conn.execute(intoAudit, rows("e")); // RETURNING, then the probe finds the table plain again
            conn.execute(Sql.text("CREATE TRIGGER rb_copy AFTER INSERT ON rb_audit BEGIN"
                    + " INSERT INTO rb_item (name) VALUES (NEW.name); END"));
            recorder.clear();
            List<Object[]> copied = conn.execute(intoAudit, rows("f")).arrays().all();
            assertThat(recorder.sql().subList(0, 3)).allMatch(sql -> sql.endsWith(" RETURNING id, name"));
            assertKeysOfTheirRows(conn, audit, copied, "f");
            conn.rollback();
        });
    }

    /** Runs DDL on the JDBC connection itself, where Retort does not see it (as another process's DDL). */
    private static void outsideRetort(Connection conn, String ddl) {
        try (java.sql.Statement statement = conn.jdbcConnection().createStatement()) {
            statement.execute(ddl);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A trigger created after the probe that inserts elsewhere and skips the row ({@code RAISE(IGNORE)}): the change
     * count grows by exactly the rows, but none went into the table, and the last rowid is still the one of the
     * executemany before. The statements' own count tells, and the executemany fails instead of handing back the
     * earlier executemany's rows.
     */
    @DatabaseTest
    void aTriggerThatSkipsTheRowsIsToldByTheStatementsCount(TestEngines engines) {
        withTables(engines, (engine, recorder, conn, metadata) -> {
            Table item = metadata.getTable("rb_item");
            Insert returning = returning(item);
            for (String prefix : List.of("a", "b")) {
                assertKeysOfTheirRows(conn, item, conn.execute(returning, rows(prefix)).arrays().all(), prefix);
            }
            conn.commit();
            if (!engine.dialectName().equals("sqlite")) {
                return;
            }
            outsideRetort(conn, "CREATE TRIGGER rb_skip BEFORE INSERT ON rb_item BEGIN"
                    + " INSERT INTO rb_audit (name) VALUES (NEW.name); SELECT RAISE(IGNORE); END");
            conn.commit();
            assertThatThrownBy(() -> conn.execute(returning, rows("c"))).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("the statements reported 0 rows inserted and the connection's count of"
                            + " changed rows grew by 2500");
            conn.rollback();
        });
    }

    /**
     * In AUTOCOMMIT every page commits on its own and another connection may insert between two pages: the rows go
     * by RETURNING, and no probe is made.
     */
    @DatabaseTest
    void inAutocommitTheRowsGoByReturning(TestEngines engines) {
        withTables(engines, (engine, recorder, conn, metadata) -> {
            Table item = metadata.getTable("rb_item");
            Insert returning = returning(item);
            conn.setIsolationLevel(IsolationLevel.AUTOCOMMIT);
            for (String prefix : List.of("a", "b")) {
                recorder.clear();
                List<Object[]> returned = conn.execute(returning, rows(prefix)).arrays().all();
                List<String> dml = recorder.dml();
                List<String> sql = recorder.sql();
                assertKeysOfTheirRows(conn, item, returned, prefix);
                if (engine.dialectName().equals("sqlite")) {
                    assertThat(sql).hasSize(3).allMatch(statement -> statement.endsWith(" RETURNING id, name"));
                } else {
                    assertThat(dml).isNotEmpty();
                }
            }
        });
    }

    /**
     * SQLAlchemy: test/orm/test_unitofworkv2.py::TryToFoolInsertManyValuesTest::test_original_use_case (no row of a
     * batched INSERT gets another row's key; a column with a client-side default is no implicit sentinel, and a batch
     * without one is downgraded). A key that a client-side default gives is bound like any value, in no order of its
     * own: on SQLite each row then goes as a statement of its own (before, the pages were sorted by it, as if the
     * database had assigned it, and a set could get another row's key), and no rowid is read.
     */
    @DatabaseTest
    void aKeyFromAClientSideDefaultComesBackWithItsOwnRow(TestEngines engines) {
        withTables(engines, (engine, recorder, conn, metadata) -> {
            Table keyed = metadata.getTable("rb_client_key");
            Insert returning = returning(keyed);
            for (String prefix : List.of("a", "b")) {
                List<Object[]> returned = conn.execute(returning, rows(prefix)).arrays().all();
                assertKeysOfTheirRows(conn, keyed, returned, prefix);
                assertThat((Integer) returned.get(0)[0]).isGreaterThan((Integer) returned.get(1)[0]);
            }
            conn.commit();
        });
    }
}
