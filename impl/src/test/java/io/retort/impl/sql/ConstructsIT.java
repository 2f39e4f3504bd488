package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertRefused;
import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.star;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.DOUBLE;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.JSON;
import static io.retort.types.Types.array;
import static io.retort.sql.Sql.alwaysTrue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.exception.CompileException;
import io.retort.sql.CommonTableExpression;
import io.retort.sql.SqlArray;
import io.retort.sql.TableValuedFunction;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Issue 21's constructs, each compiled per dialect and run on the four databases where the database has it (a
 * compile error naming the database and the alternative elsewhere): {@code SELECT *}, functions without a declared
 * type, WITHIN GROUP, FETCH FIRST ... WITH TIES, statement prefixes, and INSERT/UPDATE ... RETURNING as a CTE.
 */
class ConstructsIT {
    private static Table scores(MetaData metadata) {
        return metadata.table("c_score", column("id", INTEGER).primaryKey(), column("name", string(10)),
                column("points", INTEGER));
    }

    private static final Table SCORES = scores(new MetaData());

    private static void withScores(Engine engine, Consumer<Connection> test) {
        MetaData metadata = new MetaData();
        Table scores = scores(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(scores).values(List.of(Map.of("id", 1, "name", "a", "points", 10),
                    Map.of("id", 2, "name", "b", "points", 30), Map.of("id", 3, "name", "c", "points", 20),
                    Map.of("id", 4, "name", "d", "points", 20))));
            test.accept(conn);
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** test_compiler.py select(literal_column("*")) / table.*: every column, read as the driver gives it. */
    @DatabaseTest
    void selectStar(Engine engine, TestDatabase database) {
        var all = select(star()).from(SCORES).where(SCORES.c("id").eq(2));
        var ofTable = select(SCORES.star(), SCORES.c("points").label("p")).where(SCORES.c("id").eq(2));
        assertSql(all, database, "SELECT * FROM c_score WHERE c_score.id = ?");
        assertSql(ofTable, database, "SELECT c_score.*, c_score.points AS p FROM c_score WHERE c_score.id = ?");
        withScores(engine, conn -> {
            var row = conn.execute(all).one();
            assertThat(row.keys()).containsExactly("id", "name", "points");
            assertThat(((Number) row.get("points")).intValue()).isEqualTo(30);
            var withLabel = conn.execute(ofTable).one();
            assertThat(withLabel.keys()).containsExactly("id", "name", "points", "p");
            assertThat(withLabel.get("name")).isEqualTo("b");
            assertThat(((Number) withLabel.get("p")).intValue()).isEqualTo(30);
        });
    }

    /** test_functions.py test_generic_now / func.xyz(): a function without a declared type. */
    @DatabaseTest
    void functionWithoutType(Engine engine, TestDatabase database) {
        var f = function("coalesce", SCORES.c("name"), literal(string(10), "none"));
        var statement = select(f.label("n")).where(function("abs", SCORES.c("points")).gt(25));
        assertSql(statement, database, "SELECT coalesce(c_score.name, ?) AS n FROM c_score"
                + " WHERE abs(c_score.points) > ?");
        withScores(engine, conn -> assertThat(conn.execute(statement).scalars().all()).containsExactly("b"));
    }

    /** test_compiler.py test_within_group / test_postgresql test_percentile_cont: an ordered-set aggregate. */
    @DatabaseTest
    void withinGroup(Engine engine, TestDatabase database) {
        var median = select(function("percentile_cont", DOUBLE, literal(DOUBLE, 0.5))
                .withinGroup(SCORES.c("points").asc()));
        if (database == TestDatabase.POSTGRESQL || database == TestDatabase.H2) {
            assertSql(median, database, "SELECT percentile_cont(?) WITHIN GROUP (ORDER BY c_score.points)"
                    + " FROM c_score");
            withScores(engine, conn -> assertThat(((Number) conn.execute(median).scalar()).doubleValue())
                    .isEqualTo(20.0));
        } else {
            assertRefused(median, database, "WITHIN GROUP (percentile_cont) is not supported by " + database.id());
        }
    }

    /** test_compiler.py test_fetch (with_ties): the rows tied with the last one come too. */
    @DatabaseTest
    void fetchWithTies(Engine engine, TestDatabase database) {
        var top = select(SCORES.c("id")).orderBy(SCORES.c("points").desc()).fetch(2, true);
        if (database == TestDatabase.SQLITE) {
            assertRefused(top, database, "FETCH FIRST ... WITH TIES is not supported by sqlite");
            return;
        }
        assertSql(top, database, "SELECT c_score.id FROM c_score ORDER BY c_score.points DESC"
                + " FETCH FIRST ? ROWS WITH TIES");
        withScores(engine, conn -> assertThat(conn.execute(top).scalars().all()).hasSize(3).startsWith(2)
                .contains(3, 4));
    }

    /** test_insert.py test_prefix_with / test_mysql INSERT IGNORE, SQLite INSERT OR IGNORE: per dialect. */
    @DatabaseTest
    void prefixes(Engine engine, TestDatabase database) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", 1);
        row.put("name", "x");
        row.put("points", 0);
        var ignore = insert(SCORES).values(row)
                .prefixWith("IGNORE", "mysql", "mariadb").prefixWith("OR IGNORE", "sqlite");
        switch (database) {
            case MARIADB:
                assertSql(ignore, database, "INSERT IGNORE INTO c_score (id, name, points) VALUES (?, ?, ?)");
                break;
            case SQLITE:
                assertSql(ignore, database, "INSERT OR IGNORE INTO c_score (id, name, points) VALUES (?, ?, ?)");
                break;
            default:
                assertSql(ignore, database, "INSERT INTO c_score (id, name, points) VALUES (?, ?, ?)");
                return;
        }
        withScores(engine, conn -> {
            assertThat(conn.execute(ignore).rowCount()).isZero();
            assertThat(conn.execute(select(SCORES.c("name")).where(SCORES.c("id").eq(1))).scalar()).isEqualTo("a");
        });
    }

    /** test_cte.py test_insert_w_cte / test_update_returning_cte: a data-modifying statement in WITH (PostgreSQL). */
    @DatabaseTest
    void dmlReturningAsCte(Engine engine, TestDatabase database) {
        CommonTableExpression raised = update(SCORES).values(Map.of("points", SCORES.c("points").plus(1)))
                .where(SCORES.c("points").ge(20)).returning(SCORES.c("id"), SCORES.c("points")).cte("raised");
        var statement = select(raised.c("id"), raised.c("points")).orderBy(raised.c("id"));
        if (database != TestDatabase.POSTGRESQL) {
            assertRefused(statement, database, "A data-modifying statement in WITH (CTE raised) is not supported by "
                    + database.id());
            return;
        }
        assertSql(statement, database, "WITH raised(id, points) AS (UPDATE c_score SET points=(c_score.points + ?)"
                + " WHERE c_score.points >= ? RETURNING id, points) SELECT raised.id, raised.points FROM raised"
                + " ORDER BY raised.id");
        withScores(engine, conn -> {
            assertThat(conn.execute(statement).all()).extracting(r -> r.values())
                    .containsExactly(List.of(2, 31), List.of(3, 21), List.of(4, 21));
            assertThat(conn.execute(select(SCORES.c("points")).orderBy(SCORES.c("id"))).scalars().all())
                    .containsExactly(10, 31, 21, 21);
        });
    }

    /**
     * test_values.py test_with_join_named / test_bound_parameters: a VALUES table joined to a table, its columns
     * typed as declared; PostgreSQL and H2 name the columns in a column list, SQLite and MariaDB get SELECT ...
     * UNION ALL.
     */
    @DatabaseTest
    void valuesTable(Engine engine, TestDatabase database) {
        io.retort.sql.Values bonus = io.retort.sql.Sql.values("bonus").column("score_id", INTEGER)
                .column("label", string(10)).data(List.of(List.of(2, "x"), List.of(3, "y's"), List.of(9, "z")));
        var statement = select(SCORES.c("name"), bonus.c("label"), SCORES.c("points").plus(bonus.c("score_id")))
                .join(bonus, bonus.c("score_id").eq(SCORES.c("id"))).orderBy(SCORES.c("id"));
        String from = database == TestDatabase.POSTGRESQL || database == TestDatabase.H2
                ? "(VALUES (?, ?), (?, ?), (?, ?)) AS bonus (score_id, label)"
                : "(SELECT ? AS score_id, ? AS label UNION ALL SELECT ?, ? UNION ALL SELECT ?, ?) AS bonus";
        assertSql(statement, database, "SELECT c_score.name, bonus.label, (c_score.points + bonus.score_id) FROM"
                + " c_score JOIN " + from + " ON bonus.score_id = c_score.id ORDER BY c_score.id");
        withScores(engine, conn -> {
            assertThat(conn.execute(statement).all()).extracting(r -> List.of(r.get(0), r.get(1),
                    ((Number) r.get(2)).intValue())).containsExactly(List.of("b", "x", 32), List.of("c", "y's", 23));
            // Alone in FROM, with a WHERE on its column: the rows as given, in order.
            assertThat(conn.execute(select(bonus.c("label")).where(bonus.c("score_id").gt(2))
                    .orderBy(bonus.c("score_id"))).scalars().all()).containsExactly("y's", "z");
        });
    }

    private static Table arrays(MetaData metadata) {
        return metadata.table("c_arr", column("id", INTEGER).primaryKey(), column("scores", array(INTEGER)),
                column("tags", array(string(10))));
    }

    private static final Table ARRAYS = arrays(new MetaData());

    /**
     * test_compiler.py test_array / test_array_modern_any_all / test_array_literal_insert (run rather than only
     * compiled; test/dialect/postgresql/test_types.py is not in the reference on disk): an array column bound from a
     * List and a Java array, read back as a List; elements 1-based, slices, ANY / ALL, @> <@ && and array_agg on
     * PostgreSQL; H2 has all but the containment operators; SQLite and MariaDB refuse the table and every
     * statement, naming JSON as the alternative.
     */
    @DatabaseTest
    @SuppressWarnings("unchecked")
    void arrays(Engine engine, TestDatabase database) {
        var scores = ARRAYS.c("scores");
        var first = select(ARRAYS.c("id"), SqlArray.get(scores, 1).label("f"), SqlArray.slice(scores, 2, 3)
                .label("s")).orderBy(ARRAYS.c("id"));
        var any = select(ARRAYS.c("id")).where(literal(INTEGER, 20).eq(SqlArray.any(scores))).orderBy(ARRAYS.c("id"));
        var all = select(ARRAYS.c("id")).where(literal(INTEGER, 5).lt(SqlArray.all(scores))).orderBy(ARRAYS.c("id"));
        var contains = select(ARRAYS.c("id")).where(SqlArray.contains(scores, List.of(30, 10)))
                .orderBy(ARRAYS.c("id"));
        var agg = select(SqlArray.agg(ARRAYS.c("id")));
        if (database == TestDatabase.SQLITE || database == TestDatabase.MARIADB) {
            MetaData metadata = new MetaData();
            arrays(metadata);
            assertThatThrownBy(() -> metadata.createAll(engine)).isInstanceOf(CompileException.class)
                    .hasMessageContaining("An array (INTEGER[], c_arr.scores) is not supported by " + database.id()
                            + "; store the list as JSON (Types.JSON) or in a child table");
            assertRefused(first, database, "Arrays (element of c_arr.scores) are not supported by " + database.id()
                    + "; store the list as JSON (Types.JSON) and query it with Json.get / Json.contains, or in a"
                    + " child table");
            assertRefused(any, database, "Arrays (any of c_arr.scores) are not supported by " + database.id());
            assertRefused(agg, database, "Arrays (array_agg(...) of type INTEGER[]) are not supported by "
                    + database.id());
            assertRefused(insert(ARRAYS).values(Map.of("id", 1, "scores", List.of(1))), database,
                    "Arrays (a value of type INTEGER[]) are not supported by " + database.id());
            return;
        }
        boolean pg = database == TestDatabase.POSTGRESQL;
        if (!pg) {
            assertRefused(first, database, "An array slice (of c_arr.scores) is not supported by h2, whose"
                    + " ARRAY_SLICE gives NULL where a bound is past the end; select the array and take List.subList"
                    + " in Java, or single elements with SqlArray.get");
            first = select(ARRAYS.c("id"), SqlArray.get(scores, 1).label("f"), SqlArray.get(scores, 2).label("s"))
                    .orderBy(ARRAYS.c("id"));
        }
        assertSql(first, database, "SELECT c_arr.id, c_arr.scores[?] AS f, c_arr.scores" + (pg ? "[?:?]" : "[?]")
                + " AS s FROM c_arr ORDER BY c_arr.id");
        assertSql(any, database, "SELECT c_arr.id FROM c_arr WHERE ? = ANY (c_arr.scores) ORDER BY c_arr.id");
        assertSql(agg, database, "SELECT array_agg(c_arr.id) FROM c_arr");
        MetaData metadata = new MetaData();
        Table table = arrays(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            Map<String, Object> third = new java.util.HashMap<>();
            third.put("id", 3);
            third.put("scores", null);
            third.put("tags", List.of());
            conn.execute(insert(table).values(List.of(Map.of("id", 1, "scores", List.of(10, 20, 30), "tags",
                    List.of("a", "b")), Map.of("id", 2, "scores", new int[] {40, 50}, "tags", new String[] {"c"}),
                    third)));
            conn.execute(insert(table).values(Map.of("id", 4, "scores", SqlArray.of(INTEGER, 6, 7), "tags",
                    SqlArray.of(string(10), "d", null))));
            var rows = conn.execute(select(table.c("scores"), table.c("tags")).orderBy(table.c("id"))).all();
            assertThat(rows.get(0).get(0)).isEqualTo(List.of(10, 20, 30));
            assertThat(rows.get(0).get(1)).isEqualTo(List.of("a", "b"));
            assertThat(rows.get(1).get(0)).isEqualTo(List.of(40, 50));
            assertThat(rows.get(2).get(0)).isNull();
            assertThat(rows.get(2).get(1)).isEqualTo(List.of());
            assertThat(rows.get(3).get(1)).isEqualTo(java.util.Arrays.asList("d", null));
            // 1-based: the first element is [1]; past the end is NULL, never another element.
            // The slice [2:3] past the end holds the elements there; H2's second element past the end is NULL.
            assertThat(conn.execute(first).all()).extracting(r -> java.util.Arrays.asList(r.get(1), r.get(2)))
                    .containsExactly(java.util.Arrays.asList(10, pg ? List.of(20, 30) : 20),
                            java.util.Arrays.asList(40, pg ? List.of(50) : 50), java.util.Arrays.asList(null, null),
                            java.util.Arrays.asList(6, pg ? List.of(7) : 7));
            assertThat(conn.execute(any).scalars().all()).containsExactly(1);
            assertThat(conn.execute(all).scalars().all()).containsExactly(1, 2, 4);
            assertThat((List<Object>) conn.execute(agg).scalar()).containsExactlyInAnyOrder(1, 2, 3, 4);
            if (pg) {
                assertThat(conn.execute(contains).scalars().all()).containsExactly(1);
                assertThat(conn.execute(select(table.c("id")).where(SqlArray.containedBy(table.c("scores"),
                        List.of(40, 50, 60))).orderBy(table.c("id"))).scalars().all()).containsExactly(2);
                assertThat(conn.execute(select(table.c("id")).where(SqlArray.overlap(table.c("scores"),
                        SqlArray.of(INTEGER, 7, 50))).orderBy(table.c("id"))).scalars().all()).containsExactly(2, 4);
            } else {
                assertRefused(contains, database, "The array operator @> (contains) is not supported by h2; compare"
                        + " elements with ? = ANY (array), SqlArray.any(...)");
            }
        } finally {
            metadata.dropAll(engine);
        }
    }

    private static Table docs(MetaData metadata) {
        return metadata.table("c_doc", column("id", INTEGER).primaryKey(), column("body", JSON));
    }

    private static final Table DOCS = docs(new MetaData());

    /**
     * test_functions.py TableValuedCompileTest (test_table_valued_one, test_column_valued_two, render_derived),
     * run: PostgreSQL's generate_series, unnest and jsonb_each, SQLite's json_each, H2's UNNEST, each in FROM;
     * MariaDB refuses (its JSON_TABLE has another shape), SQLite refuses a column list and a column-valued function.
     */
    @DatabaseTest
    void tableValuedFunctions(Engine engine, TestDatabase database) {
        TableValuedFunction each = function(database == TestDatabase.POSTGRESQL ? "jsonb_each" : "json_each",
                DOCS.c("body")).tableValued("key", "value").named("kv");
        var pairs = select(DOCS.c("id"), each.c("key")).join(each, alwaysTrue())
                .orderBy(DOCS.c("id"), each.c("key"));
        TableValuedFunction series = function("generate_series", literal(INTEGER, 1), literal(INTEGER, 3))
                .tableValued().column("n", INTEGER).renderDerived();
        var x = function("generate_series", INTEGER, literal(INTEGER, 1), literal(INTEGER, 2)).columnValued("x");
        TableValuedFunction unnest = function("unnest", SqlArray.of(INTEGER, 5, 6)).tableValued().column("v",
                INTEGER).renderDerived().named("u");
        switch (database) {
            case MARIADB:
                assertRefused(pairs, database, "A table-valued function in FROM (json_each) is not supported by"
                        + " mariadb, whose only one, JSON_TABLE, declares its columns in another shape; write it"
                        + " with text(...) or select the document and read it in Java");
                return;
            case SQLITE:
                assertRefused(select(series.c("n")), database, "A column list after a table-valued function"
                        + " (generate_series AS anon_1(...)) is not supported by sqlite, whose table-valued functions"
                        + " name their own columns; use tableValued(\"value\") with the function's column names,"
                        + " without renderDerived()");
                assertRefused(select(x), database, "A column-valued function (generate_series AS x) is not"
                        + " supported by sqlite");
                assertRefused(select(each.c("key")).from(each.lateral()), database,
                        "LATERAL (table-valued function json_each) is not supported by sqlite");
                // SQLite's own column names, without a column list; sqlite-jdbc's SQLite is built without the
                // series extension, so the database says generate_series is missing (json_each runs, below).
                TableValuedFunction sqliteSeries = function("generate_series", literal(INTEGER, 1),
                        literal(INTEGER, 3)).tableValued("value");
                assertSql(select(sqliteSeries.c("value")), database,
                        "SELECT anon_1.\"value\" FROM generate_series(?, ?) AS anon_1");
                withScores(engine, conn -> assertThatThrownBy(() -> conn.execute(select(sqliteSeries.c("value"))))
                        .hasMessageContaining("no such table: generate_series"));
                break;
            case H2:
                assertSql(select(unnest.c("v")), database, "SELECT u.v FROM unnest(ARRAY[CAST(? AS INTEGER), CAST(? AS INTEGER)]) AS u(v)");
                withScores(engine, conn -> {
                    assertThat(conn.execute(select(unnest.c("v")).orderBy(unnest.c("v"))).scalars().all())
                            .containsExactly(5, 6);
                    var y = function("unnest", INTEGER, SqlArray.of(INTEGER, 8, 9)).columnValued("y");
                    assertSql(select(y), database, "SELECT y FROM unnest(ARRAY[CAST(? AS INTEGER), CAST(? AS INTEGER)]) AS y(y)");
                    assertThat(conn.execute(select(y).orderBy(y)).scalars().all()).containsExactly(8, 9);
                });
                return;
            default:
                assertSql(select(series.c("n")), database, "SELECT anon_1.n FROM generate_series(?, ?) AS anon_1(n)");
                assertSql(select(x), database, "SELECT x FROM generate_series(?, ?) AS x");
                withScores(engine, conn -> {
                    assertThat(conn.execute(select(series.c("n")).orderBy(series.c("n"))).scalars().all())
                            .containsExactly(1, 2, 3);
                    assertThat(conn.execute(select(x).orderBy(x)).scalars().all()).containsExactly(1, 2);
                    assertThat(conn.execute(select(unnest.c("v")).orderBy(unnest.c("v"))).scalars().all())
                            .containsExactly(5, 6);
                    // LATERAL: the function reads a column of the table before it.
                    TableValuedFunction upTo = function("generate_series", literal(INTEGER, 1), SCORES.c("id"))
                            .tableValued().column("i", INTEGER).renderDerived().lateral().named("upto");
                    var lateral = select(SCORES.c("id"), upTo.c("i")).from(SCORES).join(upTo, alwaysTrue())
                            .where(SCORES.c("id").le(2)).orderBy(SCORES.c("id"), upTo.c("i"));
                    assertSql(lateral, database, "SELECT c_score.id, upto.i FROM c_score JOIN LATERAL"
                            + " generate_series(?, c_score.id) AS upto(i) ON ? = ? WHERE c_score.id <= ?"
                            + " ORDER BY c_score.id, upto.i");
                    assertThat(conn.execute(lateral).all()).extracting(r -> r.values())
                            .containsExactly(List.of(1, 1), List.of(2, 1), List.of(2, 2));
                });
        }
        String name = database == TestDatabase.POSTGRESQL ? "jsonb_each" : "json_each";
        assertSql(pairs, database, "SELECT c_doc.id, kv.\"key\" FROM c_doc JOIN " + name + "(c_doc.body) AS kv"
                + " ON ? = ? ORDER BY c_doc.id, kv.\"key\"");
        MetaData metadata = new MetaData();
        Table docs = docs(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(docs).values(List.of(Map.of("id", 1, "body", "{\"a\": 1, \"b\": 2}"),
                    Map.of("id", 2, "body", "{\"c\": 3}"))));
            assertThat(conn.execute(pairs).all()).extracting(r -> r.values())
                    .containsExactly(List.of(1, "a"), List.of(1, "b"), List.of(2, "c"));
        } finally {
            metadata.dropAll(engine);
        }
    }
}
