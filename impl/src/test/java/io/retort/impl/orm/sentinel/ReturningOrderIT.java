package io.retort.impl.orm.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.InvalidArgumentException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.schema.Table;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows an INSERT ... RETURNING page gives back are matched to the objects and parameter sets by position, so they
 * must come back in the order of the VALUES rows. Ported from SQLAlchemy's
 * {@code test/orm/test_unitofworkv2.py::TryToFoolInsertManyValuesTest} (issue #9603: SQL Server inserted the rows of
 * a multi-row VALUES in another order than given once the table had a foreign key, so each object got another row's
 * key). SQLAlchemy correlates RETURNING rows through a sentinel (the autoincrement key, sorted, or a client-side
 * column) and falls back to a row per statement without one. Retort relies on PostgreSQL, MariaDB and H2 returning
 * the rows of {@code INSERT ... VALUES ... RETURNING} (H2: its {@code FINAL TABLE}) in VALUES order; on SQLite, which
 * documents the order as arbitrary, a page is sorted by the autoincrement keys SQLite assigned, or matched to its
 * parameter sets by the primary key they give, and without either each row is a statement of its own
 * ({@code ReturningKeyOrderTest}, {@code InsertManyReturningIT}). These tests check the result on each database, with
 * the foreign keys that upset SQL Server.
 */
class ReturningOrderIT {
    private static final int N = 13;

    /** {@code test_original_use_case}: no result_datum refers to a datum other than its result's. */
    @DatabaseTest
    void eachNewObjectGetsTheKeyOfItsOwnRow(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Datum.class, ResultRow.class, ResultDatum.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            List<Datum> data = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                data.add(new Datum());
            }
            session.addAll(data);
            session.flush();
            List<ResultRow> results = new ArrayList<>();
            for (int n = 0; n < N * N; n++) {
                results.add(new ResultRow(data.get(n % N)));
            }
            session.addAll(results);
            List<ResultDatum> links = new ArrayList<>();
            for (int n = 0; n < N * N; n++) {
                links.add(new ResultDatum(data.get(n % N), results.get(n)));
            }
            session.addAll(links);
            recorder.clear();
            session.flush();

            // One multi-row statement each for the 169 results and the 169 links (a batch where there is no RETURNING).
            assertThat(recorder.dml()).hasSize(2);
            for (int n = 0; n < N * N; n++) {
                assertThat(links.get(n).resultId).isEqualTo(results.get(n).resultId);
                assertThat(results.get(n).lftDatumId).isEqualTo(data.get(n % N).datumId);
            }
            Table result = registry.mapping(ResultRow.class).table();
            Table link = registry.mapping(ResultDatum.class).table();
            long bad = session.connection().execute(Sql.select(Sql.count()).from(link)
                    .join(result, link.c("result_id").eq(result.c("result_id")))
                    .where(result.c("lft_datum_id").ne(link.c("lft_datum_id")))).scalar(Long.class);
            assertThat(bad).isZero();
            session.commit();
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * {@code test_this_really_fails_on_mssql_wo_full_fix}, in Core: the RETURNING rows of an insert executemany into
     * a table with a foreign key come back in the order of the parameter sets, keys ascending from 1.
     */
    @DatabaseTest
    void returningRowsOfAnExecutemanyComeInTheOrderOfTheSets(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Datum.class, ResultRow.class, ResultDatum.class);
        registry.createAll(engine);
        try (Connection conn = engine.connect()) {
            Table datum = registry.mapping(Datum.class).table();
            Table result = registry.mapping(ResultRow.class).table();
            List<Integer> datumIds = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                datumIds.add(conn.execute(Sql.insert(datum).defaultValues()
                        .returning(datum.c("datum_id", Integer.class))).scalar(Integer.class));
            }
            assertThat(datumIds).hasSize(N).isSorted().doesNotHaveDuplicates();
            // An executemany of empty maps, without RETURNING: a row of defaults each.
            assertThat(conn.execute(Sql.insert(datum), List.of(Map.of(), Map.of(), Map.of())).rowCount()).isEqualTo(3);
            assertThat(conn.execute(Sql.select(Sql.count()).from(datum)).scalar(Long.class)).isEqualTo(N + 3L);
            List<Map<String, Object>> sets = new ArrayList<>();
            for (int n = 0; n < N * N; n++) {
                sets.add(Map.of("lft_datum_id", datumIds.get(n % N)));
            }
            List<Object[]> returned = conn.execute(Sql.insert(result).returning(result.c("result_id"),
                    result.c("lft_datum_id")), sets).arrays().all();
            assertThat(returned).hasSize(N * N);
            for (int n = 0; n < N * N; n++) {
                assertThat(returned.get(n)).containsExactly(n + 1, datumIds.get(n % N));
            }
            conn.commit();
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * An object whose only column is its generated key is inserted as a row of defaults, one statement each (a row of
     * defaults has no multi-row form), as SQLAlchemy's flush of {@code A()} in
     * {@code test/orm/inheritance/test_basic.py::...test_ordering} ({@code INSERT INTO a () VALUES ()} without
     * RETURNING). Before, the flush failed with "values() needs at least one column of datum".
     */
    @DatabaseTest
    void anObjectWithOnlyAGeneratedKeyIsInsertedAsARowOfDefaults(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Datum.class, ResultRow.class, ResultDatum.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Datum first = new Datum();
            Datum second = new Datum();
            session.addAll(List.of(first, second));
            session.connection();
            recorder.clear();
            session.flush();
            String insert = switch (engine.dialectName()) {
                case "h2" -> "SELECT datum_id FROM FINAL TABLE (INSERT INTO datum DEFAULT VALUES)";
                case "mariadb", "mysql" -> "INSERT INTO datum () VALUES () RETURNING datum_id";
                default -> "INSERT INTO datum DEFAULT VALUES RETURNING datum_id";
            };
            assertThat(recorder.sql()).containsExactly(insert, insert);
            assertThat(List.of(first.datumId, second.datumId)).doesNotContainNull().isSorted()
                    .doesNotHaveDuplicates();
            session.commit();
            assertThat(session.get(Datum.class, second.datumId)).isSameAs(second);
        } finally {
            registry.dropAll(engine);
        }
        Table datum = registry.mapping(Datum.class).table();
        assertThat(Sql.insert(datum).values(Map.of()).toString()).isEqualTo(Sql.insert(datum).defaultValues()
                .toString());
        assertThatThrownBy(() -> Sql.insert(datum).values(List.of(Map.of(), Map.of())))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("2 rows of datum name no column, and rows of defaults have no multi-row VALUES form;"
                        + " execute insert(datum) with the rows as an executemany (conn.execute(insert(table), rows)),"
                        + " which inserts each as DEFAULT VALUES");
    }

    /**
     * A key field that is also a foreign key is not generated by the database (SQLAlchemy's
     * {@code autoincrement="auto"} skips a column with a foreign key): the link table's key is its result's key. Before,
     * it was an identity column, and a link flushed without its result was inserted with a key the database made up,
     * referring to no result (SQLite does not check foreign keys by default); now the flush refuses it.
     */
    @DatabaseTest
    void aKeyThatRefersToAnotherRowIsNotGenerated(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Datum.class, ResultRow.class, ResultDatum.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            String ddl = recorder.sql().stream().filter(sql -> sql.startsWith("CREATE TABLE result_datum")).findFirst()
                    .orElseThrow();
            assertThat(ddl).contains("result_id INTEGER NOT NULL").doesNotContain("IDENTITY")
                    .doesNotContain("AUTO_INCREMENT");
            Datum datum = new Datum();
            session.add(datum);
            session.flush();
            session.add(new ResultDatum(datum, null));
            assertThatThrownBy(session::flush).hasMessageContaining("its primary key field")
                    .hasMessageContaining("is null, and the application assigns it");
            session.rollback();
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.select(Sql.count()).from(registry.mapping(ResultDatum.class).table()))
                        .scalar(Long.class)).isZero();
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
