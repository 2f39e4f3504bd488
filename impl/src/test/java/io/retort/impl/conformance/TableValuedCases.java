package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.refused;
import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.alwaysTrue;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.DOUBLE;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.JSON;
import static io.retort.types.Types.STRING;
import static io.retort.types.Types.TEXT;
import static io.retort.types.Types.array;

import io.retort.schema.Table;
import io.retort.sql.DerivedColumn;
import io.retort.sql.DerivedTable;
import io.retort.sql.Select;
import io.retort.sql.TableValuedFunction;
import java.util.List;

/** Cases of test/sql/test_functions.py::TableValuedCompileTest: functions in FROM, table- and column-valued. */
final class TableValuedCases {
    private static final String F = "test/sql/test_functions.py::TableValuedCompileTest::";
    private static final String PG = "postgresql";
    private static final Table ASSETS = ConformanceTables.METADATA.table("assets_transactions",
            column("id", INTEGER), column("contents", JSON));
    private static final Table VALUES = ConformanceTables.METADATA.table("values", column("id", INTEGER),
            column("value", STRING));
    private static final Table TABLE1 = ConformanceTables.METADATA.table("table1", column("user_id", INTEGER),
            column("jsonb", JSON));
    private static final Table TABLE2 = ConformanceTables.METADATA.table("table2", column("id", INTEGER),
            column("name", STRING), column("route_id", INTEGER));
    private static final String RECORDS = "[{\"a\":1,\"b\":\"foo\"},{\"a\":\"2\",\"c\":\"bar\"}]";

    private TableValuedCases() {
    }

    private static Select tableValuedOne(String function) {
        TableValuedFunction jb = function(function, ASSETS.c("contents")).tableValued("key", "value");
        return select(ASSETS.c("id"), jb.c("key"), jb.c("value")).join(jb, alwaysTrue());
    }

    private static TableValuedFunction recordset() {
        return function("json_to_recordset", literal(STRING, RECORDS)).tableValued().column("a", INTEGER)
                .column("b", STRING).renderDerivedWithTypes();
    }

    private static Select columnValuedTwo() {
        DerivedColumn<Integer> x = function("generate_series", INTEGER, literal(INTEGER, 1), literal(INTEGER, 2))
                .columnValued("x");
        DerivedColumn<Integer> y = function("generate_series", INTEGER, literal(INTEGER, 3), literal(INTEGER, 4))
                .columnValued("y");
        return select(x, y);
    }

    static List<ConformanceCase> all() {
        String one = "SELECT assets_transactions.id, anon_1.\"key\", anon_1.\"value\" FROM assets_transactions JOIN"
                + " jsonb_each(assets_transactions.contents) AS anon_1 ON ? = ?";
        return List.of(
                sql(F + "test_table_valued_one", PG, () -> tableValuedOne("jsonb_each"), one),
                sql(F + "test_table_valued_one", "sqlite", () -> tableValuedOne("jsonb_each"), one),
                refused(F + "test_table_valued_one", "mariadb", () -> tableValuedOne("jsonb_each"),
                        "A table-valued function in FROM (jsonb_each) is not supported by mariadb"),
                sql(F + "test_table_valued_two", PG, () -> {
                    TableValuedFunction vi = function("value_ids").tableValued().column("id", INTEGER).named("vi");
                    io.retort.sql.TableAlias vv = VALUES.alias("vv");
                    return select(vi.c("id"), vv.c("value")).from(vi).join(vv, vv.c("id").eq(vi.c("id")));
                }, "SELECT vi.id, vv.\"value\" FROM value_ids() AS vi JOIN \"values\" AS vv ON vv.id = vi.id"),
                sql(F + "test_column_valued_one", PG, () -> select(function("unnest", literal(array(STRING),
                        List.of("one", "two", "three", "four"))).columnValued()),
                        "SELECT anon_1 FROM unnest(?) AS anon_1"),
                sql(F + "test_column_valued_two", PG, TableValuedCases::columnValuedTwo,
                        "SELECT x, y FROM generate_series(?, ?) AS x, generate_series(?, ?) AS y"),
                sql(F + "test_column_valued_two", "h2", TableValuedCases::columnValuedTwo,
                        "SELECT x, y FROM generate_series(?, ?) AS x(x), generate_series(?, ?) AS y(y)"),
                sql(F + "test_column_valued_subquery", PG, () -> {
                    DerivedTable subq = columnValuedTwo().subquery("anon_1");
                    return select(subq.c("x"), subq.c("y")).where(subq.c("x").gt(2));
                }, "SELECT anon_1.x, anon_1.y FROM (SELECT x, y FROM generate_series(?, ?) AS x,"
                        + " generate_series(?, ?) AS y) AS anon_1 WHERE anon_1.x > ?"),
                sql(F + "test_named_table_valued", PG, () -> {
                    TableValuedFunction fn = recordset();
                    return select(fn.c("a"), fn.c("b"));
                }, "SELECT anon_1.a, anon_1.b FROM json_to_recordset(?) AS anon_1(a INTEGER, b VARCHAR)"),
                refused(F + "test_named_table_valued", "sqlite", () -> {
                    TableValuedFunction fn = recordset();
                    return select(fn.c("a"), fn.c("b"));
                }, "A column list after a table-valued function (json_to_recordset AS anon_1(...)) is not supported"
                        + " by sqlite"),
                sql(F + "test_named_table_valued_w_quoting", PG, () -> {
                    TableValuedFunction fn = function("json_to_recordset", literal(STRING, RECORDS)).tableValued()
                            .column("CaseSensitive", INTEGER).column("the % value", STRING).renderDerivedWithTypes();
                    return select(fn.c("CaseSensitive"), fn.c("the % value"));
                }, "SELECT anon_1.\"CaseSensitive\", anon_1.\"the % value\" FROM json_to_recordset(?) AS"
                        + " anon_1(\"CaseSensitive\" INTEGER, \"the % value\" VARCHAR)"),
                sql(F + "test_named_table_valued_subquery", PG, () -> {
                    TableValuedFunction fn = recordset().named("anon_2");
                    DerivedTable subq = select(fn.c("a"), fn.c("b")).subquery("anon_1");
                    return select(subq.c("a"), subq.c("b"));
                }, "SELECT anon_1.a, anon_1.b FROM (SELECT anon_2.a, anon_2.b FROM json_to_recordset(?) AS"
                        + " anon_2(a INTEGER, b VARCHAR)) AS anon_1"),
                sql(F + "test_named_table_valued_alias", PG, () -> {
                    TableValuedFunction fn = recordset().named("jbr");
                    return select(fn.c("a"), fn.c("b"));
                }, "SELECT jbr.a, jbr.b FROM json_to_recordset(?) AS jbr(a INTEGER, b VARCHAR)"),
                sql(F + "test_render_derived_with_lateral", PG, () -> {
                    TableValuedFunction jsonbTable = function("jsonb_to_recordset", TABLE1.c("jsonb")).tableValued()
                            .column("name", TEXT).column("time", DOUBLE).renderDerivedWithTypes().lateral()
                            .named("jsonb_table");
                    return select(TABLE1.c("user_id"), TABLE2.c("name"),
                            jsonbTable.c("name").label("jsonb_table_name"), count(jsonbTable.c("time")))
                            .from(TABLE1).join(TABLE2, TABLE1.c("user_id").eq(TABLE2.c("id")))
                            .join(jsonbTable, alwaysTrue()).where(TABLE2.c("route_id").eq(5))
                            .where(jsonbTable.c("name").in(List.of("n1", "n2", "n3")))
                            .groupBy(TABLE1.c("user_id"), TABLE2.c("name"), jsonbTable.c("name"))
                            .orderBy(TABLE2.c("name"));
                }, "SELECT table1.user_id, table2.name, jsonb_table.name AS jsonb_table_name,"
                        + " count(jsonb_table.\"time\") FROM table1 JOIN table2 ON table1.user_id = table2.id JOIN"
                        + " LATERAL jsonb_to_recordset(table1.jsonb) AS jsonb_table(name TEXT, \"time\" DOUBLE"
                        + " PRECISION) ON ? = ? WHERE table2.route_id = ? AND jsonb_table.name IN ? GROUP BY"
                        + " table1.user_id, table2.name, jsonb_table.name ORDER BY table2.name"));
    }
}
