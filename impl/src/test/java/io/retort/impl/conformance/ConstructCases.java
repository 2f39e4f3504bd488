package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.refused;
import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.MYTABLE;
import static io.retort.impl.conformance.ConformanceTables.METADATA;
import static io.retort.impl.conformance.ConformanceTables.values;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.star;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.DOUBLE;
import static io.retort.types.Types.INTEGER;

import io.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases of the constructs issue 21 added: LIMIT/OFFSET and FETCH (test_compiler.py test_limit_offset, test_fetch),
 * prefixes (test_prefix), WITHIN GROUP (test_within_group), {@code SELECT *}, functions without a type
 * (test_functions.py) and DML ... RETURNING as a CTE (test_cte.py).
 */
final class ConstructCases {
    private static final String C = "test/sql/test_compiler.py::SelectTest::";
    private static final String CTE = "test/sql/test_cte.py::CTETest::";
    private static final String D = "postgresql";
    private static final String ALL = "mytable.myid, mytable.name, mytable.description FROM mytable";
    static final Table TABLE_1 = METADATA.table("table_1", column("id", INTEGER), column("val", INTEGER));
    static final Table TABLE_2 = METADATA.table("table_2", column("id", INTEGER), column("val", INTEGER));
    static final Table BAR_FOO = METADATA.table("bar", "foo", column("id", INTEGER));
    static final Table PRODUCTS = METADATA.table("products", column("id", INTEGER), column("price", DOUBLE));

    private ConstructCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        limits(cases);
        prefixesAndFunctions(cases);
        dmlCtes(cases);
        return cases;
    }

    private static String f() {
        return C + "test_fetch";
    }

    private static void limits(List<ConformanceCase> cases) {
        String lo = C + "test_limit_offset";
        for (String dialect : List.of("postgresql", "sqlite")) {
            cases.add(sql(lo, dialect, () -> select(MYTABLE.c("myid")).limit(5),
                    "SELECT mytable.myid FROM mytable LIMIT ?"));
            cases.add(sql(lo, dialect, () -> select(MYTABLE.c("myid")).limit(0).offset(0),
                    "SELECT mytable.myid FROM mytable LIMIT ? OFFSET ?"));
        }
        // H2 writes the standard's form, as SQLAlchemy's test_fetch expects.
        cases.add(sql(f(), "h2", () -> select(MYTABLE.c("myid")).limit(5),
                "SELECT mytable.myid FROM mytable FETCH FIRST ? ROWS ONLY"));
        cases.add(sql(f(), "h2", () -> select(MYTABLE.c("myid")).limit(0).offset(0),
                "SELECT mytable.myid FROM mytable OFFSET ? ROWS FETCH FIRST ? ROWS ONLY"));
        cases.add(sql(lo, "sqlite", () -> select(MYTABLE.c("myid")).offset(10),
                "SELECT mytable.myid FROM mytable LIMIT -1 OFFSET ?"));
        cases.add(sql(lo, "postgresql", () -> select(MYTABLE.c("myid")).offset(10),
                "SELECT mytable.myid FROM mytable OFFSET ?"));
        cases.add(sql(lo, "mariadb", () -> select(MYTABLE.c("myid")).offset(10),
                "SELECT mytable.myid FROM mytable LIMIT 18446744073709551615 OFFSET ?"));
        cases.add(sql(lo, "mariadb", () -> select(MYTABLE.c("myid")).limit(5).offset(10),
                "SELECT mytable.myid FROM mytable LIMIT ? OFFSET ?"));
        String f = C + "test_fetch";
        cases.add(sql(f, D, () -> select(MYTABLE.c("myid")).orderBy(MYTABLE.c("myid")).fetch(5, true).offset(10),
                "SELECT mytable.myid FROM mytable ORDER BY mytable.myid OFFSET ? ROWS FETCH FIRST ? ROWS WITH TIES"));
        cases.add(sql(f, "h2", () -> select(MYTABLE.c("myid")).orderBy(MYTABLE.c("myid")).fetch(5, true),
                "SELECT mytable.myid FROM mytable ORDER BY mytable.myid FETCH FIRST ? ROWS WITH TIES"));
        cases.add(sql(f, "mariadb", () -> select(MYTABLE.c("myid")).orderBy(MYTABLE.c("myid")).fetch(5, true),
                "SELECT mytable.myid FROM mytable ORDER BY mytable.myid FETCH FIRST ? ROWS WITH TIES"));
        cases.add(sql(f, D, () -> select(MYTABLE.c("myid")).fetch(5, false),
                "SELECT mytable.myid FROM mytable LIMIT ?"));
        cases.add(sql(f, D, () -> select(MYTABLE.c("myid")).fetch(5, false).offset(10),
                "SELECT mytable.myid FROM mytable LIMIT ? OFFSET ?"));
        cases.add(refused(f, "sqlite", () -> select(MYTABLE.c("myid")).orderBy(MYTABLE.c("myid")).fetch(5, true),
                "FETCH FIRST ... WITH TIES is not supported by sqlite"));
        cases.add(refused(f, D, () -> select(MYTABLE.c("myid")).fetch(5, true),
                "FETCH FIRST ... WITH TIES needs an ORDER BY"));
        String li = C + "test_limit_fetch_interaction";
        cases.add(sql(li, D, () -> select(MYTABLE.c("myid")).orderBy(MYTABLE.c("myid")).limit(42).fetch(1, true),
                "SELECT mytable.myid FROM mytable ORDER BY mytable.myid FETCH FIRST ? ROWS WITH TIES"));
        cases.add(sql(li, D, () -> select(MYTABLE.c("myid")).orderBy(MYTABLE.c("myid")).fetch(42, true).limit(1),
                "SELECT mytable.myid FROM mytable ORDER BY mytable.myid LIMIT ?"));
    }

    private static void prefixesAndFunctions(List<ConformanceCase> cases) {
        cases.add(sql(C + "test_prefix", D, () -> select(MYTABLE).prefixWith("SQL_CALC_FOUND_ROWS")
                .prefixWith("SQL_SOME_WEIRD_MYSQL_THING"),
                "SELECT SQL_CALC_FOUND_ROWS SQL_SOME_WEIRD_MYSQL_THING " + ALL));
        cases.add(sql(C + "test_prefix_dialect_specific", "mysql", () -> select(MYTABLE)
                .prefixWith("SQL_CALC_FOUND_ROWS", "sqlite").prefixWith("SQL_SOME_WEIRD_MYSQL_THING", "mysql"),
                "SELECT SQL_SOME_WEIRD_MYSQL_THING " + ALL));
        cases.add(sql(C + "test_prefix_dialect_specific", "sqlite", () -> select(MYTABLE)
                .prefixWith("SQL_CALC_FOUND_ROWS", "sqlite").prefixWith("SQL_SOME_WEIRD_MYSQL_THING", "mysql"),
                "SELECT SQL_CALC_FOUND_ROWS " + ALL));
        cases.add(sql("test/sql/test_insert.py::InsertTest::test_prefix_with", "mysql", () -> insert(MYTABLE)
                .values(values("myid", 1)).prefixWith("A").prefixWith("B", "mysql"),
                "INSERT A B INTO mytable (myid) VALUES (?)"));
        cases.add(sql("test/sql/test_update.py::UpdateTest::test_prefix_with", "mysql", () -> update(MYTABLE)
                .values(values("name", "x")).prefixWith("LOW_PRIORITY", "mysql"),
                "UPDATE LOW_PRIORITY mytable SET name=?"));
        cases.add(sql("test/sql/test_delete.py::DeleteTest::test_prefix_with", "mysql", () -> delete(MYTABLE)
                .prefixWith("QUICK", "mysql"), "DELETE QUICK FROM mytable"));
        cases.add(sql("test/sql/test_insert.py::InsertTest::test_prefix_with", "mariadb",
                () -> insert(MYTABLE).values(values("myid", 1)).prefixWith("IGNORE", "mysql", "mariadb"),
                "INSERT IGNORE INTO mytable (myid) VALUES (?)"));
        cases.add(sql("test/sql/test_compiler.py::StringifySpecialTest::test_within_group", D, () -> select(MYTABLE.c("myid"), function("percentile_cont",
                DOUBLE, literal(DOUBLE, 0.5)).withinGroup(MYTABLE.c("name").desc())),
                "SELECT mytable.myid, percentile_cont(?) WITHIN GROUP (ORDER BY mytable.name DESC) FROM mytable"));
        cases.add(sql("test/sql/test_compiler.py::StringifySpecialTest::test_within_group", "h2",
                () -> select(MYTABLE.c("myid"), function("percentile_cont", DOUBLE, literal(DOUBLE, 0.5))
                        .withinGroup(MYTABLE.c("name").desc())), "SELECT mytable.myid, percentile_cont(?) WITHIN"
                + " GROUP (ORDER BY mytable.name DESC) FROM mytable"));
        cases.add(refused("test/sql/test_compiler.py::StringifySpecialTest::test_within_group", "mariadb", () -> select(function("percentile_cont",
                DOUBLE, literal(DOUBLE, 0.5)).withinGroup(MYTABLE.c("name").desc())),
                "WITHIN GROUP (percentile_cont) is not supported by mariadb"));
        cases.add(sql("test/sql/test_compiler.py::BindParameterTest::test_multiple_col_binds", D,
                () -> select(star()).from(MYTABLE).where(io.retort.sql.Sql.or(MYTABLE.c("myid").eq(12),
                        MYTABLE.c("myid").eq(13), MYTABLE.c("myid").eq(14))),
                "SELECT * FROM mytable WHERE mytable.myid = ? OR mytable.myid = ? OR mytable.myid = ?"));
        cases.add(sql("test/sql/test_compiler.py::BindParameterTest::test_multiple_col_binds", D,
                () -> select(MYTABLE.star()).where(MYTABLE.c("myid").eq(1)),
                "SELECT mytable.* FROM mytable WHERE mytable.myid = ?"));
        cases.add(sql("test/sql/test_compiler.py::SchemaTest::test_schema_lowercase_select_alias", D,
                () -> select(star()).from(BAR_FOO.alias("t")), "SELECT * FROM bar.foo AS t"));
        String fn = "test/sql/test_functions.py::CompileTest::";
        cases.add(sql(fn + "test_generic_annotation", D, () -> select(function("lala", MYTABLE.c("myid"))),
                "SELECT lala(mytable.myid) FROM mytable"));
        cases.add(sql(fn + "test_generic_annotation", D, () -> select(function("foo")), "SELECT foo()"));
        cases.add(sql(fn + "test_namespacing_conflicts", D, () -> select(function("myschema.myfunc",
                literal(INTEGER, 5))), "SELECT myschema.myfunc(?)"));
        cases.add(sql(fn + "test_generic_annotation", D, () -> select(MYTABLE.c("myid")).where(
                function("lala", MYTABLE.c("name")).eq(literal(INTEGER, 5))),
                "SELECT mytable.myid FROM mytable WHERE lala(mytable.name) = ?"));
    }

    private static void dmlCtes(List<ConformanceCase> cases) {
        cases.add(sql(CTE + "test_select_from_update_cte", D, () -> {
            var cte = update(TABLE_1).values(values("val", TABLE_2.c("val"))).where(TABLE_1.c("id")
                    .eq(TABLE_2.c("id"))).returning(TABLE_1.c("id"), TABLE_1.c("val")).cte("update_cte");
            return select(cte);
        }, "WITH update_cte(id, val) AS (UPDATE table_1 SET val=table_2.val FROM table_2 WHERE table_1.id"
                + " = table_2.id RETURNING table_1.id, table_1.val) SELECT update_cte.id, update_cte.val"
                + " FROM update_cte"));
        cases.add(sql(CTE + "test_select_from_delete_cte", D, () -> {
            var cte = delete(TABLE_1).where(TABLE_1.c("id").eq(TABLE_2.c("id"))).returning(TABLE_1.c("id"),
                    TABLE_1.c("val")).cte("delete_cte");
            return select(cte);
        }, "WITH delete_cte(id, val) AS (DELETE FROM table_1 USING table_2 WHERE table_1.id = table_2.id"
                + " RETURNING table_1.id, table_1.val) SELECT delete_cte.id, delete_cte.val FROM delete_cte"));
        cases.add(sql(CTE + "test_insert_in_the_cte", D, () -> select(insert(PRODUCTS).values(values("id", 1,
                "price", 27.0)).returning(PRODUCTS.c("id"), PRODUCTS.c("price")).cte("pd")),
                "WITH pd(id, price) AS (INSERT INTO products (id, price) VALUES (?, ?) RETURNING id, price)"
                        + " SELECT pd.id, pd.price FROM pd"));
        cases.add(refused(CTE + "test_insert_in_the_cte", "sqlite", () -> select(insert(PRODUCTS).values(
                values("id", 1, "price", 27.0)).returning(PRODUCTS.c("id")).cte("pd")),
                "A data-modifying statement in WITH (CTE pd) is not supported by sqlite"));
    }
}
