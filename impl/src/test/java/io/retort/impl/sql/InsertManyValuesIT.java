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
import io.retort.engine.Result;
import io.retort.engine.StatementEvent;
import io.retort.exception.IntegrityException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executemany of {@code insert(table)} without RETURNING on the four databases. On H2, SQLite and PostgreSQL the
 * rows go as multi-row {@code VALUES} pages (SQLAlchemy's insertmanyvalues without RETURNING,
 * {@code use_insertmanyvalues_wo_returning}): the full pages as one JDBC batch of one statement, the rows after the
 * last full page as a batch of the one-row statement. MariaDB keeps its driver's batch. Every row arrives with its
 * values, nulls included, whatever the page size the bind-parameter limit allows; a row SQL cannot take as a page
 * value (an expression, a client-side default) sends the whole executemany as one-row statements; a failing page fails
 * the executemany with the database's error, and nothing of it survives a rollback.
 *
 * <p>SQLAlchemy asserts the logical statement ({@code CompiledSQL("INSERT INTO a (data, x) VALUES (:data, :x)",
 * [...])}, test/orm/dml/test_bulk_statements.py::BulkDMLReturningJoinedInhTest::test_render_nulls); Retort's
 * listeners see what goes to the driver, so these tests assert the pages.
 */
class InsertManyValuesIT {
    private static MetaData tables() {
        MetaData metadata = new MetaData();
        metadata.table("imv_plain", column("id", INTEGER).primaryKey().autoincrement(false),
                column("name", string(30)), column("n", INTEGER));
        metadata.table("imv_default", column("id", INTEGER).primaryKey().autoincrement(false),
                column("name", string(30)), column("n", INTEGER).defaultValue(new AtomicInteger(100)::incrementAndGet));
        List<Column<?>> wide = new ArrayList<>();
        wide.add(column("id", INTEGER).primaryKey().autoincrement(false));
        for (int c = 1; c < 70; c++) {
            wide.add(column("c" + c, INTEGER));
        }
        metadata.table("imv_wide", wide.toArray(new Column<?>[0]));
        return metadata;
    }

    /** A test's body, on a connection to an engine whose statements {@code recorder} sees. */
    private interface Body {
        void run(Connection conn, MetaData metadata, StatementRecorder recorder, String dialect);
    }

    /** Runs {@code body} with this class's tables created, and drops them after. */
    private static void withTables(TestEngines engines, Body body) {
        StatementRecorder recorder = new StatementRecorder();
        MetaData metadata = tables();
        Engine engine = engines.create(recorder.options());
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            body.run(conn, metadata, recorder, engine.dialectName());
        } finally {
            metadata.dropAll(engine);
        }
    }

    private static boolean pages(TestDatabase database) {
        return database != TestDatabase.MARIADB;
    }

    /**
     * 2,345 rows, nulls and quotes among them: two full pages in one batch, then the 345 rows after them as a batch
     * of the one-row statement; each parameter set counts one row, and every row reads back as it was given.
     */
    @DatabaseTest
    void rowsGoAsFullPagesInOneBatchThenTheRest(TestEngines engines, TestDatabase database) {
        withTables(engines, (conn, metadata, recorder, dialect) -> {
            Table plain = metadata.getTable("imv_plain");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 2_345; i++) {
                Map<String, Object> row = new LinkedHashMap<>(); // columns in this order
                row.put("id", i);
                row.put("name", i % 7 == 0 ? null : "it's " + i);
                row.put("n", i % 5 == 0 ? null : i * 3);
                rows.add(row);
            }
            recorder.clear();
            Result result = conn.execute(insert(plain), rows);
            conn.commit();
            assertThat(result.rowCount()).isIn(2_345L, -1L); // MariaDB's bulk protocol does not report counts
            List<StatementEvent> events = recorder.events();
            if (pages(database)) {
                assertThat(result.rowCount()).isEqualTo(2_345L);
                long[] ones = new long[2_345];
                Arrays.fill(ones, 1);
                assertThat(result.rowCounts()).containsExactly(ones);
                assertThat(events).hasSize(2);
                StatementEvent paged = events.get(0);
                assertThat(paged.batch()).isTrue();
                assertThat(paged.sql()).startsWith("INSERT INTO imv_plain (id, name, n) VALUES (?, ?, ?), (?, ?, ?)")
                        .endsWith("(?, ?, ?)");
                assertThat(StatementRecorder.valuesRows(paged.sql())).isEqualTo(1_000);
                assertThat(paged.parameterSets()).hasSize(2);
                assertThat(paged.parameterSets().get(1)).hasSize(3_000);
                StatementEvent rest = events.get(1);
                assertThat(rest.batch()).isTrue();
                assertThat(rest.sql()).isEqualTo("INSERT INTO imv_plain (id, name, n) VALUES (?, ?, ?)");
                assertThat(rest.parameterSets()).hasSize(345);
                assertThat(rest.parameterSets().get(0)).containsEntry("id", 2_000);
            } else {
                assertThat(events).hasSize(1);
                assertThat(events.get(0).sql()).isEqualTo("INSERT INTO imv_plain (id, name, n) VALUES (?, ?, ?)");
                assertThat(events.get(0).parameterSets()).hasSize(2_345);
            }
            List<Object[]> read = conn.execute(select(plain.c("id"), plain.c("name"), plain.c("n"))
                    .orderBy(plain.c("id"))).arrays().all();
            assertThat(read).hasSize(2_345);
            for (int i = 0; i < read.size(); i++) {
                assertThat(read.get(i)).containsExactly(i, i % 7 == 0 ? null : "it's " + i,
                        i % 5 == 0 ? null : i * 3);
            }
        });
    }

    /**
     * Seventy columns: a page holds as many rows as the database's bind-parameter limit allows (SQLite 32,766:
     * 468 rows; PostgreSQL 65,535: 936; H2 1,000), and all 3,000 rows arrive.
     */
    @DatabaseTest
    void aPageHoldsNoMoreParametersThanTheDatabaseTakes(TestEngines engines, TestDatabase database) {
        withTables(engines, (conn, metadata, recorder, dialect) -> {
            Table wide = metadata.getTable("imv_wide");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", i);
                for (int c = 1; c < 70; c++) {
                    row.put("c" + c, i + c);
                }
                rows.add(row);
            }
            recorder.clear();
            conn.execute(insert(wide), rows);
            conn.commit();
            if (pages(database)) {
                int expected = Map.of("sqlite", 468, "postgresql", 936, "h2", 1_000).get(dialect);
                assertThat(StatementRecorder.valuesRows(recorder.sql().get(0))).isEqualTo(expected);
                assertThat(recorder.events().get(0).parameterSets()).hasSize(3_000 / expected);
            }
            assertThat(conn.execute(select(Sql.count()).from(wide)).scalar(Long.class)).isEqualTo(3_000L);
            List<Integer> last = conn.execute(select(wide.c("c69", Integer.class)).orderBy(wide.c("id")))
                    .scalars(Integer.class).all();
            for (int i = 0; i < last.size(); i++) {
                assertThat(last.get(i)).isEqualTo(i + 69);
            }
        });
    }

    /**
     * A row holding an expression, and a column whose client-side default is computed per row: the executemany goes
     * as one-row statements, and every row gets its own value. (Before, a row's expression was bound into the first
     * row's statement: {@code lower('LOUD')} went in as {@code 'LOUD'}, and an expression in the first row applied to
     * every row.)
     */
    @DatabaseTest
    void expressionsAndComputedDefaultsGoAsOneRowStatements(TestEngines engines) {
        withTables(engines, (conn, metadata, recorder, dialect) -> {
            Table plain = metadata.getTable("imv_plain");
            Table withDefault = metadata.getTable("imv_default");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                rows.add(Map.of("id", i, "name", i == 1_200 ? Sql.lower(Sql.literal(string(30), "LOUD")) : "n" + i,
                        "n", i));
            }
            recorder.clear();
            conn.execute(insert(plain), rows);
            assertThat(recorder.sql()).allMatch(sql -> StatementRecorder.valuesRows(sql) == 1);
            assertThat(conn.execute(select(plain.c("name")).where(plain.c("id").eq(1_200))).scalar())
                    .isEqualTo("loud");
            assertThat(conn.execute(select(Sql.count()).from(plain)).scalar(Long.class)).isEqualTo(1_500L);

            // The first row's expression applies to it alone; a plain row's value is not given to it.
            conn.execute(insert(plain), List.of(
                    Map.of("id", 5_001, "name", Sql.lower(Sql.literal(string(30), "FIRST")), "n", 1),
                    Map.of("id", 5_002, "name", "Plain", "n", 2)));
            assertThat(conn.execute(select(plain.c("name")).where(plain.c("id").gt(5_000)).orderBy(plain.c("id")))
                    .scalars(String.class).all()).containsExactly("first", "Plain");

            List<Map<String, Object>> defaulted = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                defaulted.add(Map.of("id", i, "name", "d" + i));
            }
            recorder.clear();
            conn.execute(insert(withDefault), defaulted);
            assertThat(recorder.sql()).allMatch(sql -> StatementRecorder.valuesRows(sql) == 1);
            assertThat(new java.util.HashSet<>(conn.execute(select(withDefault.c("n", Integer.class)))
                    .scalars(Integer.class).all())).hasSize(1_500);
            conn.commit();
        });
    }

    /**
     * A duplicate key in the second page: the executemany fails with the database's integrity error, naming the
     * page's statement, and after the rollback no row of it is left.
     */
    @DatabaseTest
    void aFailingPageFailsTheExecutemanyAndTheRollbackLeavesNothing(TestEngines engines) {
        withTables(engines, (conn, metadata, recorder, dialect) -> {
            Table plain = metadata.getTable("imv_plain");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                rows.add(Map.of("id", i == 1_500 ? 7 : i, "name", "n" + i, "n", i));
            }
            assertThatThrownBy(() -> conn.execute(insert(plain), rows)).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("[SQL: INSERT INTO imv_plain (");
            conn.rollback();
            assertThat(conn.execute(select(Sql.count()).from(plain)).scalar(Long.class)).isZero();
        });
    }
}
