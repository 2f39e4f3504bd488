package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.FOOS;
import static io.retort.impl.conformance.ConformanceTables.MYOTHERTABLE;
import static io.retort.impl.conformance.ConformanceTables.MYTABLE;
import static io.retort.impl.conformance.ConformanceTables.T;
import static io.retort.impl.conformance.ConformanceTables.T1;
import static io.retort.impl.conformance.ConformanceTables.T2;
import static io.retort.impl.conformance.ConformanceTables.USERS;
import static io.retort.impl.conformance.ConformanceTables.values;
import static io.retort.sql.Sql.falseValue;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.join;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.not;
import static io.retort.sql.Sql.outerJoin;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.trueValue;
import static io.retort.sql.Sql.tuple;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.STRING;

import io.retort.sql.ConflictTarget;
import io.retort.sql.Insert;
import java.util.ArrayList;
import java.util.List;

/** More dialect cases: test/dialect/mysql, test/dialect/sqlite (test_compiler.py, test_on_conflict.py). */
final class DialectMoreCases {
    private static final String MY = "test/dialect/mysql/test_compiler.py::";
    private static final String SQ = "test/dialect/sqlite/test_compiler.py::";
    private static final String OC = "test/dialect/sqlite/test_on_conflict.py::OnConflictTest::";

    private DialectMoreCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        for (String dialect : List.of("mariadb", "mysql")) {
            cases.add(sql(MY + "SQLTest::test_inner_join", dialect, () -> select(T1.c("c1")).from(join(T1, T2,
                    T1.c("c1").eq(T2.c("c1")))), "SELECT t1.c1 FROM t1 JOIN t2 ON t1.c1 = t2.c1"));
            cases.add(sql(MY + "SQLTest::test_outer_join", dialect, () -> select(T1.c("c1")).from(outerJoin(T1, T2,
                    T1.c("c1").eq(T2.c("c1")))), "SELECT t1.c1 FROM t1 LEFT OUTER JOIN t2 ON t1.c1 = t2.c1"));
            cases.add(sql(MY + "SQLTest::test_limit", dialect, () -> select(T1.c("c1")).limit(10).offset(20),
                    "SELECT t1.c1 FROM t1 LIMIT ? OFFSET ?"));
            cases.add(sql(MY + "SQLTest::test_limit", dialect, () -> select(T1.c("c1")).limit(10),
                    "SELECT t1.c1 FROM t1 LIMIT ?"));
            cases.add(sql(MY + "SQLTest::test_limit", dialect, () -> select(T1.c("c1")).offset(10),
                    "SELECT t1.c1 FROM t1 LIMIT 18446744073709551615 OFFSET ?"));
            cases.add(sql(MY + "RegexpCommon::test_regexp_match", dialect,
                    () -> MYTABLE.c("name").regexpMatch("pattern"), "mytable.name REGEXP ?"));
            cases.add(sql(MY + "RegexpCommon::test_not_regexp_match", dialect,
                    () -> MYTABLE.c("name").notRegexpMatch("pattern"), "mytable.name NOT REGEXP ?"));
            cases.add(sql(MY + "InsertOnDuplicateTest::test_from_values", dialect, () -> {
                Insert stmt = insert(FOOS).values(List.of(values("id", 1, "bar", "ab"), values("id", 2, "bar",
                        "b")));
                return stmt.onConflictDoUpdate(ConflictTarget.columns("id"), values("bar", stmt.excluded("bar")));
            }, "INSERT INTO foos (id, bar) VALUES (?, ?), (?, ?) ON DUPLICATE KEY UPDATE bar = VALUES(bar)"));
            cases.add(sql(MY + "InsertOnDuplicateTest::test_update_sql_expr", dialect, () -> {
                Insert stmt = insert(FOOS).values(values("id", 1, "bar", "b"));
                return stmt.onConflictDoUpdate(ConflictTarget.columns("id"), values("bar",
                        FOOS.c("bar").concat(stmt.excluded("bar"))));
            }, "INSERT INTO foos (id, bar) VALUES (?, ?) ON DUPLICATE KEY UPDATE bar = concat(foos.bar, VALUES(bar))"));
            cases.add(sql("test/sql/test_update.py::UpdateFromCompileTest::test_render_table_mysql", dialect,
                    () -> update(MYTABLE).values(values("name", "newname")).where(MYTABLE.c("myid").eq(
                            MYOTHERTABLE.c("otherid"))).where(MYOTHERTABLE.c("othername").eq("e1")),
                    "UPDATE mytable, myothertable SET mytable.name=? WHERE mytable.myid = myothertable.otherid"
                            + " AND myothertable.othername = ?"));
            cases.add(sql(MY + "CompileTest::test_concat_compile_kw", dialect, () -> MYTABLE.c("name").concat("x"),
                    "concat(mytable.name, ?)"));
        }
        cases.add(sql(SQ + "SQLTest::test_true_false", "sqlite", () -> select(MYTABLE.c("myid")).where(trueValue()),
                "SELECT mytable.myid FROM mytable WHERE true"));
        cases.add(sql(SQ + "SQLTest::test_true_false", "sqlite", () -> select(MYTABLE.c("myid"))
                .where(falseValue()), "SELECT mytable.myid FROM mytable WHERE false"));
        cases.add(sql(SQ + "SQLTest::test_is_distinct_from", "sqlite", () -> MYTABLE.c("name")
                .isNotDistinctFrom(null), "mytable.name IS NOT DISTINCT FROM ?"));
        cases.add(sql(SQ + "SQLTest::test_in_tuple", "sqlite", () -> tuple(MYTABLE.c("myid"), MYTABLE.c("name"))
                .inValues(List.of(List.of(1, "a"), List.of(3, "b"))), "(mytable.myid, mytable.name) IN ((?, ?), (?, ?))"));
        cases.add(sql(SQ + "RegexpTest::test_regexp_match_str", "postgresql", () -> literal(STRING, "string")
                .regexpMatch("x"), "? ~ ?"));
        cases.add(sql(SQ + "RegexpTest::test_not_regexp_match", "postgresql", () -> not(MYTABLE.c("name")
                .regexpMatch("x")), "NOT (mytable.name ~ ?)"));
        cases.add(sql(OC + "test_on_conflict_do_nothing", "sqlite", () -> insert(USERS).values(values("id", 1,
                "name", "name1")).onConflictDoNothing(), "INSERT INTO users (id, name) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING"));
        cases.add(sql(OC + "test_on_conflict_do_nothing_target", "sqlite", () -> insert(USERS).values(values("id", 1,
                "name", "name1")).onConflictDoNothing("id"), "INSERT INTO users (id, name) VALUES (?, ?)"
                + " ON CONFLICT (id) DO NOTHING"));
        cases.add(sql(OC + "test_on_conflict_do_update_one", "sqlite", () -> {
            Insert i = insert(USERS).values(values("id", 1, "name", "name1"));
            return i.onConflictDoUpdate(ConflictTarget.columns("id"), values("name", i.excluded("name")));
        }, "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name"));
        cases.add(sql(OC + "test_on_conflict_do_update_two", "sqlite", () -> {
            Insert i = insert(USERS).values(values("id", 1, "name", "name2"));
            return i.onConflictDoUpdate(ConflictTarget.columns("id"), values("id", i.excluded("id"), "name",
                    i.excluded("name")));
        }, "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET id = excluded.id,"
                + " name = excluded.name"));
        cases.add(sql(OC + "test_on_conflict_do_update_three", "sqlite", () -> {
            Insert i = insert(USERS).values(values("id", 1, "name", "name3"));
            return i.onConflictDoUpdate(ConflictTarget.columns("id"), values("name", i.excluded("name")));
        }, "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name"));
        cases.add(sql(OC + "test_on_conflict_do_update_four", "sqlite", () -> {
            Insert i = insert(USERS).values(values("id", 1, "name", "name3"));
            return i.onConflictDoUpdate(ConflictTarget.columns("id"), values("id", i.excluded("id").plus(1),
                    "name", i.excluded("name")));
        }, "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET id = (excluded.id + ?),"
                + " name = excluded.name"));
        cases.add(sql(OC + "test_on_conflict_do_update_five", "sqlite", () -> {
            Insert i = insert(USERS).values(values("id", 1, "name", "foo"));
            return i.onConflictDoUpdate(ConflictTarget.columns("id"), values("id", 10, "name", "I'm a name"));
        }, "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET id = ?, name = ?"));
        cases.add(sql(OC + "test_on_conflict_do_update_multivalues", "sqlite", () -> {
            Insert i = insert(USERS).values(List.of(values("id", 1, "name", "a"), values("id", 2, "name", "b")));
            return i.onConflictDoUpdate(ConflictTarget.columns("id"), values("name", i.excluded("name")));
        }, "INSERT INTO users (id, name) VALUES (?, ?), (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name"));
        cases.add(sql(OC + "test_on_conflict_do_update_one", "h2", () -> {
            Insert i = insert(USERS).values(values("id", 1, "name", "name1"));
            return i.onConflictDoUpdate(ConflictTarget.columns("id"), values("name", i.excluded("name")));
        }, "MERGE INTO users USING (VALUES (?, ?)) AS excluded (id, name) ON users.id = excluded.id WHEN MATCHED"
                + " THEN UPDATE SET name = excluded.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id,"
                + " excluded.name)"));
        cases.add(sql(OC + "test_on_conflict_do_nothing", "h2", () -> insert(USERS).values(values("id", 1,
                "name", "name1")).onConflictDoNothing(), "MERGE INTO users USING (VALUES (?, ?)) AS excluded (id,"
                + " name) ON users.id = excluded.id WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id,"
                + " excluded.name)"));
        String rx = "test/dialect/postgresql/test_compiler.py::RegexpTest::";
        cases.add(sql(rx + "test_regexp_match", "postgresql", () -> MYTABLE.c("myid").regexpMatch("pattern"),
                "mytable.myid ~ ?"));
        cases.add(sql(rx + "test_not_regexp_match", "postgresql", () -> MYTABLE.c("myid").notRegexpMatch("pattern"),
                "mytable.myid !~ ?"));
        cases.add(sql(rx + "test_regexp_match_str", "postgresql", () -> literal(STRING, "string")
                .regexpMatch("pattern"), "? ~ ?"));
        cases.add(sql(rx + "test_not_regexp_match_str", "postgresql", () -> literal(STRING, "string")
                .notRegexpMatch("pattern"), "? !~ ?"));
        String dn = "test/dialect/postgresql/test_compiler.py::DistinctOnTest::";
        cases.add(sql(dn + "test_distinct_on_columns_generative_multi_call", "postgresql", () -> select(T)
                .distinctOn(T.c("a"), T.c("b")), "SELECT DISTINCT ON (t.a, t.b) t.id, t.a, t.b FROM t"));
        cases.add(sql(dn + "test_distinct_on_label", "postgresql", () -> {
            var foo = T.c("a").label("foo");
            return select(foo).distinctOn(foo);
        }, "SELECT DISTINCT ON (t.a) t.a AS foo FROM t"));
        cases.add(sql(dn + "test_distinct_on_col_str", "postgresql", () -> select(T).distinctOn(T.c("a")),
                "SELECT DISTINCT ON (t.a) t.id, t.a, t.b FROM t"));
        String il = "test/dialect/postgresql/test_compiler.py::CompileTest::test_ilike_escaping";
        cases.add(sql(il, "postgresql", () -> MYTABLE.c("name").ilike("bar"), "mytable.name ILIKE ?"));
        cases.add(sql(il, "postgresql", () -> not(MYTABLE.c("name").ilike("bar")), "NOT (mytable.name ILIKE ?)"));
        cases.add(sql(MY + "SQLTest::test_limit", "mysql", () -> select(T1.c("c1")).limit(10).offset(20)
                .orderBy(T1.c("c1")), "SELECT t1.c1 FROM t1 ORDER BY t1.c1 LIMIT ? OFFSET ?"));
        cases.add(sql("test/sql/test_cte.py::CTETest::test_recursive", "mysql", CteMoreCases::recursive,
                "WITH RECURSIVE included_parts(sub_part, part, quantity) AS (SELECT parts.sub_part, parts.part,"
                        + " parts.quantity FROM parts WHERE parts.part = ? UNION SELECT parts_1.sub_part,"
                        + " parts_1.part, parts_1.quantity FROM parts AS parts_1, included_parts AS incl WHERE"
                        + " parts_1.part = incl.sub_part) SELECT included_parts.sub_part, sum(included_parts.quantity)"
                        + " AS total_quantity FROM included_parts JOIN parts ON included_parts.part = parts.part"
                        + " GROUP BY included_parts.sub_part"));
        return cases;
    }
}
