package io.retort.impl.sql;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.impl.orm.StatementRecorder;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An insert executemany with RETURNING on the four databases (H2 writes it as a query of the insert's FINAL TABLE):
 * one row per parameter set in the order of the sets, with given keys, server defaults and RETURNING expressions that
 * have parameters of their own, over pages of 1,000 rows.
 */
class InsertManyReturningIT {
    private static MetaData tables() {
        MetaData metadata = new MetaData();
        metadata.table("imr_given", column("id", INTEGER).primaryKey().autoincrement(false),
                column("data", string(20)), column("y", INTEGER), column("q", INTEGER),
                column("status", string(10)).serverDefault("'fresh'"));
        return metadata;
    }

    private static final Table GIVEN = tables().getTable("imr_given");

    private static Engine engine(TestEngines engines, StatementRecorder recorder, MetaData metadata) {
        Engine engine = engines.create(recorder.options());
        metadata.dropAll(engine);
        metadata.createAll(engine);
        return engine;
    }

    /**
     * SQLAlchemy: test/orm/dml/test_bulk_statements.py::BulkDMLReturningInhTest::test_subclass_returning_bind_expr
     * ({@code insert(B).returning(B.data, B.y, B.q + 5)} with one and with several parameter sets; "a fix in
     * _deliver_insertmanyvalues_batches re: the parameter rendering"): a RETURNING expression with a parameter of its
     * own binds on every page, before the rows on H2 and after them elsewhere.
     */
    @DatabaseTest
    void aReturningExpressionWithAParameterBindsOnEveryPage(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        MetaData metadata = tables();
        Engine engine = engine(engines, recorder, metadata);
        try (Connection conn = engine.connect()) {
            var returning = insert(GIVEN).returning(GIVEN.c("data"), GIVEN.c("y"),
                    GIVEN.c("q", Integer.class).plus(5));
            assertThat(conn.execute(returning, List.of(Map.of("id", 1, "data", "d3", "y", 2, "q", 4))).arrays().all())
                    .containsExactly(new Object[] {"d3", 2, 9});
            assertThat(conn.execute(returning, List.of(Map.of("id", 2, "data", "d3", "y", 2, "q", 4),
                    Map.of("id", 3, "data", "d4", "y", 6, "q", 8))).arrays().all())
                    .containsExactly(new Object[] {"d3", 2, 9}, new Object[] {"d4", 6, 13});
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                Map<String, Object> row = new java.util.LinkedHashMap<>(); // columns in this order
                row.put("id", 10 + i);
                row.put("data", "d" + i);
                row.put("y", i);
                row.put("q", i * 2);
                rows.add(row);
            }
            recorder.clear();
            io.retort.engine.Result result = conn.execute(returning, rows);
            assertThat(result.keys()).as("the columns RETURNING names, and no other").hasSize(3);
            List<Object[]> returned = result.arrays().all();
            assertThat(returned).hasSize(2_500);
            for (int i = 0; i < returned.size(); i++) {
                assertThat(returned.get(i)).containsExactly("d" + i, i, i * 2 + 5);
            }
            String first = recorder.sql().get(0);
            assertThat(recorder.sql()).hasSize(3); // 1,000 + 1,000 + 500 rows
            if (engine.dialectName().equals("sqlite")) {
                // Its RETURNING rows come in any order, and RETURNING does not name the key the sets give: the
                // statement returns the key too, each row is matched to its set by it, and the key is dropped from
                // the rows handed back.
                assertThat(first).startsWith("INSERT INTO imr_given (id, data, y, q) VALUES (?, ?, ?, ?), (?, ?, ?, ?)")
                        .endsWith("(?, ?, ?, ?) RETURNING data, y, (q + ?), id");
                return;
            }
            if (engine.dialectName().equals("h2")) {
                assertThat(first).startsWith("SELECT data, y, (q + ?) FROM FINAL TABLE (INSERT INTO imr_given"
                        + " (id, data, y, q) VALUES (?, ?, ?, ?), (?, ?, ?, ?)").endsWith("(?, ?, ?, ?))");
            } else {
                assertThat(first).startsWith("INSERT INTO imr_given (id, data, y, q) VALUES (?, ?, ?, ?), (?, ?, ?, ?)")
                        .endsWith("(?, ?, ?, ?) RETURNING data, y, (q + ?)");
            }
        } finally {
            metadata.dropAll(engine);
        }
    }

    /**
     * SQLAlchemy: test/orm/dml/test_bulk_statements.py::BulkDMLReturningInhTest::test_heterogeneous_keys (with
     * sort_by_parameter_order, the RETURNING rows in the order of the parameter sets): keys the application gives,
     * shuffled, and a server default come back in the order of the sets, over pages.
     */
    @DatabaseTest
    void givenKeysAndServerDefaultsComeBackInTheOrderOfTheSets(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        MetaData metadata = tables();
        Engine engine = engine(engines, recorder, metadata);
        try (Connection conn = engine.connect()) {
            recorder.clear();
            List<Integer> keys = new ArrayList<>();
            for (int i = 0; i < 2_345; i++) {
                keys.add(i * 7 + 3);
            }
            Collections.shuffle(keys, new Random(41));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                rows.add(Map.of("id", keys.get(i), "data", "row" + i));
            }
            List<Object[]> returned = conn.execute(insert(GIVEN).returning(GIVEN.c("id"), GIVEN.c("data"),
                    GIVEN.c("status")), rows).arrays().all();
            assertThat(returned).hasSize(keys.size());
            for (int i = 0; i < returned.size(); i++) {
                assertThat(returned.get(i)).containsExactly(keys.get(i), "row" + i, "fresh");
            }
            // Pages on every database: on SQLite, whose RETURNING rows come in any order, each row is matched to its
            // set by the key the set gives.
            assertThat(recorder.sql()).hasSize(3);
            assertThat(conn.execute(select(GIVEN.c("data")).where(GIVEN.c("id").eq(keys.get(1_500)))).scalar())
                    .isEqualTo("row1500");
        } finally {
            metadata.dropAll(engine);
        }
    }

    /**
     * Rows of plain values bind straight into a page's statement; a row that gives an expression for a column (here
     * {@code lower('LOUD')}, in the middle of the second page) sends that page, and the pages after it, as
     * statements rendered for their rows. Every row goes in with its own value, the RETURNING rows come back in the
     * order of the sets, and what the listeners see is what ran: the first page's 1,000 rows by name, then the
     * rendered pages.
     */
    @DatabaseTest
    void aRowWithAnExpressionAfterPlainPagesInsertsItsValue(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        MetaData metadata = tables();
        Engine engine = engine(engines, recorder, metadata);
        try (Connection conn = engine.connect()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 2_300; i++) {
                rows.add(Map.of("id", i + 1, "data", i == 1_500 ? Sql.lower(Sql.literal(string(20), "LOUD"))
                        : (Object) ("d" + i)));
            }
            recorder.clear();
            List<Object[]> returned = conn.execute(insert(GIVEN).returning(GIVEN.c("id"), GIVEN.c("data")), rows)
                    .arrays().all();
            assertThat(returned).hasSize(rows.size());
            for (int i = 0; i < returned.size(); i++) {
                assertThat(returned.get(i)).containsExactly(i + 1, i == 1_500 ? "loud" : "d" + i);
            }
            assertThat(recorder.sql()).hasSize(3); // 1,000 + 1,000 + 300 rows
            assertThat(recorder.sql().get(0)).doesNotContain("lower");
            assertThat(recorder.sql().get(1)).contains("lower(");
            assertThat(recorder.sql().get(2)).doesNotContain("lower");
            Map<String, Object> firstPage = recorder.events().get(0).parameterSets().get(0);
            assertThat(firstPage).hasSize(2_000);
            assertThat(firstPage.values()).contains("d0", "d999", 1, 1_000).doesNotContain("d1000");
            assertThat(conn.execute(select(GIVEN.c("data")).where(GIVEN.c("id").eq(1_501))).scalar())
                    .isEqualTo("loud");
            assertThat(conn.execute(select(Sql.count()).from(GIVEN).where(GIVEN.c("data").like("d%")))
                    .scalar()).isEqualTo(2_299L);
        } finally {
            metadata.dropAll(engine);
        }
    }

    /**
     * SQLAlchemy: test/orm/test_unitofworkv2.py::TryToFoolInsertManyValuesTest (without a sentinel, "downgrade" to
     * one row per statement): rows of a table without a primary key, RETURNING no generated key. On SQLite, whose
     * RETURNING rows come in any order, nothing can match a row to its set, so each row is a statement of its own;
     * elsewhere the rows come in VALUES order, one page.
     */
    @DatabaseTest
    void rowsThatNothingCorrelatesGoOneStatementEachWhereTheirOrderIsArbitrary(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        MetaData metadata = new MetaData();
        Table keyless = metadata.table("imr_keyless", column("data", string(20)), column("y", INTEGER),
                column("status", string(10)).serverDefault("'fresh'"));
        Engine engine = engine(engines, recorder, metadata);
        try (Connection conn = engine.connect()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                rows.add(Map.of("data", "k" + i, "y", i));
            }
            recorder.clear();
            List<Object[]> returned = conn.execute(insert(keyless).returning(keyless.c("y"), keyless.c("status")),
                    rows).arrays().all();
            assertThat(returned).hasSize(30);
            for (int i = 0; i < returned.size(); i++) {
                assertThat(returned.get(i)).containsExactly(i, "fresh");
            }
            assertThat(recorder.sql()).hasSize(engine.dialectName().equals("sqlite") ? 30 : 1);
        } finally {
            metadata.dropAll(engine);
        }
    }
}
