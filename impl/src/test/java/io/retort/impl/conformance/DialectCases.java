package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.refused;
import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.MYTABLE;
import static io.retort.impl.conformance.ConformanceTables.T1;
import static io.retort.impl.conformance.ConformanceTables.T2;
import static io.retort.impl.conformance.ConformanceTables.values;
import static io.retort.sql.Sql.cast;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.DATE;
import static io.retort.types.Types.DATETIME;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.NUMERIC;
import static io.retort.types.Types.STRING;
import static io.retort.types.Types.TIME;
import static io.retort.types.Types.string;

import io.retort.sql.ConflictTarget;
import io.retort.sql.Insert;
import io.retort.sql.RowLock;
import io.retort.sql.TableAlias;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/** Cases of test/dialect/postgresql/test_compiler.py, test/dialect/mysql/test_compiler.py and SQLite's. */
final class DialectCases {
    private static final String PG = "test/dialect/postgresql/test_compiler.py::";
    private static final String MY = "test/dialect/mysql/test_compiler.py::";
    private static final String ALL1 = "SELECT mytable.myid, mytable.name, mytable.description FROM mytable";

    private DialectCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>(List.of(
                sql(PG + "CompileTest::test_for_update", "postgresql", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).forUpdate(), ALL1 + " WHERE mytable.myid = ? FOR UPDATE"),
                sql(PG + "CompileTest::test_for_update", "postgresql", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).forUpdateNoWait(),
                        ALL1 + " WHERE mytable.myid = ? FOR UPDATE NOWAIT"),
                sql(PG + "CompileTest::test_for_update", "postgresql", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).forUpdateSkipLocked(),
                        ALL1 + " WHERE mytable.myid = ? FOR UPDATE SKIP LOCKED"),
                sql(PG + "CompileTest::test_for_update", "postgresql", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).lock(RowLock.forShare()),
                        ALL1 + " WHERE mytable.myid = ? FOR SHARE"),
                sql(PG + "CompileTest::test_for_update", "postgresql", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).lock(RowLock.forShare().nowait()),
                        ALL1 + " WHERE mytable.myid = ? FOR SHARE NOWAIT"),
                sql(PG + "CompileTest::test_for_update", "postgresql", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).lock(RowLock.forNoKeyUpdate().nowait()),
                        ALL1 + " WHERE mytable.myid = ? FOR NO KEY UPDATE NOWAIT"),
                sql(PG + "CompileTest::test_for_update", "postgresql", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).lock(RowLock.forKeyShare().nowait()),
                        ALL1 + " WHERE mytable.myid = ? FOR KEY SHARE NOWAIT"),
                sql(PG + "CompileTest::test_for_update", "postgresql", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).lock(RowLock.forShare().skipLocked()),
                        ALL1 + " WHERE mytable.myid = ? FOR SHARE SKIP LOCKED"),
                sql(PG + "CompileTest::test_for_update", "postgresql", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).lock(RowLock.forUpdate().of(MYTABLE)),
                        ALL1 + " WHERE mytable.myid = ? FOR UPDATE OF mytable"),
                sql(PG + "CompileTest::test_delete_extra_froms", "postgresql", () -> delete(T1)
                        .where(T1.c("c1").eq(T2.c("c1"))), "DELETE FROM t1 USING t2 WHERE t1.c1 = t2.c1"),
                sql(PG + "CompileTest::test_delete_extra_froms_alias", "postgresql", () -> {
                    TableAlias a1 = T1.alias("a1");
                    return delete(a1).where(a1.c("c1").eq(T2.c("c1")));
                }, "DELETE FROM t1 AS a1 USING t2 WHERE a1.c1 = t2.c1"),
                sql(PG + "InsertOnConflictTest::test_do_nothing_no_target", "postgresql", () -> insert(MYTABLE)
                        .values(values("name", "foo")).onConflictDoNothing(),
                        "INSERT INTO mytable (name) VALUES (?) ON CONFLICT DO NOTHING"),
                sql(PG + "InsertOnConflictTest::test_do_nothing_index_elements_target", "postgresql",
                        () -> insert(MYTABLE).values(values("name", "foo")).onConflictDoNothing("myid"),
                        "INSERT INTO mytable (name) VALUES (?) ON CONFLICT (myid) DO NOTHING"),
                sql(PG + "InsertOnConflictTest::test_do_update_str_index_elements_target_one", "postgresql", () -> {
                    Insert i = insert(MYTABLE).values(values("myid", 1, "name", "foo"));
                    return i.onConflictDoUpdate(ConflictTarget.columns("myid"), values("name", i.excluded("name"),
                            "description", i.excluded("description")));
                }, "INSERT INTO mytable (myid, name) VALUES (?, ?) ON CONFLICT (myid) DO UPDATE SET"
                        + " name = excluded.name, description = excluded.description"),
                sql(PG + "InsertOnConflictTest::test_do_update_str_index_elements_target_two", "postgresql", () -> {
                    Insert i = insert(MYTABLE).values(values("name", "foo"));
                    return i.onConflictDoUpdate(ConflictTarget.columns("myid"), values("name", i.excluded("name")));
                }, "INSERT INTO mytable (name) VALUES (?) ON CONFLICT (myid) DO UPDATE SET name = excluded.name"),
                sql(PG + "InsertOnConflictTest::test_do_update_set_clause_none", "postgresql", () -> {
                    Insert i = insert(MYTABLE).values(values("myid", 1, "name", "foo"));
                    java.util.Map<String, Object> set = new java.util.LinkedHashMap<>();
                    set.put("name", "I'm a name");
                    set.put("description", null);
                    return i.onConflictDoUpdate(ConflictTarget.columns("myid"), set);
                }, "INSERT INTO mytable (myid, name) VALUES (?, ?) ON CONFLICT (myid) DO UPDATE SET"
                        + " name = ?, description = ?"),
                sql(PG + "InsertOnConflictTest::test_do_nothing_quoted_string_constraint_target", "postgresql",
                        () -> insert(MYTABLE).values(values("name", "foo")).onConflictDoNothing(
                                ConflictTarget.constraint("Some Constraint Name")),
                        "INSERT INTO mytable (name) VALUES (?) ON CONFLICT ON CONSTRAINT \"Some Constraint Name\""
                                + " DO NOTHING"),
                sql(PG + "DistinctOnTest::test_distinct_on_no_cols", "postgresql", () -> select(ConformanceTables.T)
                        .distinct(), "SELECT DISTINCT t.id, t.a, t.b FROM t"),
                sql(PG + "DistinctOnTest::test_distinct_on_cols", "postgresql", () -> select(ConformanceTables.T)
                        .distinctOn(ConformanceTables.T.c("a")), "SELECT DISTINCT ON (t.a) t.id, t.a, t.b FROM t"),
                sql(PG + "DistinctOnTest::test_distinct_on_cols", "postgresql", () -> select(ConformanceTables.T)
                        .distinctOn(ConformanceTables.T.c("a"), ConformanceTables.T.c("b")),
                        "SELECT DISTINCT ON (t.a, t.b) t.id, t.a, t.b FROM t"),
                refused(PG + "DistinctOnTest::test_distinct_on_cols", "sqlite", () -> select(ConformanceTables.T)
                        .distinctOn(ConformanceTables.T.c("a")), "SELECT DISTINCT ON is not supported by sqlite"),
                sql(MY + "CompileTest::test_delete_extra_froms", "mariadb", () -> delete(T1)
                        .where(T1.c("c1").eq(T2.c("c1"))), "DELETE FROM t1 USING t1, t2 WHERE t1.c1 = t2.c1"),
                sql(MY + "CompileTest::test_delete_extra_froms_alias", "mariadb", () -> {
                    TableAlias a1 = T1.alias("a1");
                    return delete(a1).where(a1.c("c1").eq(T2.c("c1")));
                }, "DELETE FROM a1 USING t1 AS a1, t2 WHERE a1.c1 = t2.c1"),
                sql(MY + "CompileTest::test_delete_extra_froms_alias", "mariadb", () -> delete(T1.alias("a1")),
                        "DELETE FROM t1 AS a1"),
                sql(MY + "CompileTest::test_for_update", "mariadb", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).forUpdate(),
                        "SELECT mytable.myid, mytable.name, mytable.description FROM mytable WHERE"
                                + " mytable.myid = ? FOR UPDATE"),
                sql(MY + "CompileTest::test_for_update", "mariadb", () -> select(MYTABLE)
                        .where(MYTABLE.c("myid").eq(7)).lock(RowLock.forShare()),
                        "SELECT mytable.myid, mytable.name, mytable.description FROM mytable WHERE"
                                + " mytable.myid = ? LOCK IN SHARE MODE")));
        cases.addAll(List.of(
                sql(PG + "CompileTest::test_update_returning", "postgresql", () -> io.retort.sql.Sql.update(MYTABLE)
                        .values(values("name", "foo")).returning(MYTABLE.c("myid"), MYTABLE.c("name")),
                        "UPDATE mytable SET name=? RETURNING myid, name"),
                sql(PG + "CompileTest::test_update_returning", "postgresql", () -> io.retort.sql.Sql.update(MYTABLE)
                        .values(values("name", "foo")).returning(io.retort.sql.Sql.function("length", INTEGER,
                                MYTABLE.c("name"))), "UPDATE mytable SET name=? RETURNING length(name)"),
                sql(PG + "CompileTest::test_insert_returning", "postgresql", () -> insert(MYTABLE)
                        .values(values("name", "foo")).returning(MYTABLE.c("myid"), MYTABLE.c("name")),
                        "INSERT INTO mytable (name) VALUES (?) RETURNING myid, name"),
                sql(PG + "CompileTest::test_insert_returning", "postgresql", () -> insert(MYTABLE)
                        .values(values("name", "foo")).returning(MYTABLE.c("myid"), MYTABLE.c("name"),
                                MYTABLE.c("description")),
                        "INSERT INTO mytable (name) VALUES (?) RETURNING myid, name, description"),
                sql(MY + "InsertOnDuplicateTest::test_from_values", "mariadb", () -> {
                    Insert stmt = insert(ConformanceTables.FOOS).values(List.of(values("id", 1, "bar", "ab"),
                            values("id", 2, "bar", "b")));
                    return stmt.onConflictDoUpdate(ConflictTarget.any(), values("bar", stmt.excluded("bar"), "baz",
                            stmt.excluded("baz")));
                }, "INSERT INTO foos (id, bar) VALUES (?, ?), (?, ?) ON DUPLICATE KEY UPDATE bar = VALUES(bar),"
                        + " baz = VALUES(baz)"),
                sql(MY + "InsertOnDuplicateTest::test_from_select", "mariadb", () -> {
                    Insert stmt = insert(ConformanceTables.FOOS).fromSelect(List.of("id", "bar"),
                            select(ConformanceTables.FOOS.c("id"), io.retort.sql.Sql.literal(STRING, "bar2"))
                                    .orderBy(ConformanceTables.FOOS.c("id")));
                    return stmt.onConflictDoUpdate(ConflictTarget.any(), values("bar", stmt.excluded("bar"), "baz",
                            stmt.excluded("baz")));
                }, "INSERT INTO foos (id, bar) SELECT foos.id, ? FROM foos ORDER BY foos.id ON DUPLICATE KEY UPDATE"
                        + " bar = VALUES(bar), baz = VALUES(baz)")));
        String sq = "test/dialect/sqlite/test_compiler.py::";
        cases.addAll(List.of(
                sql(sq + "SQLTest::test_true_false", "sqlite", io.retort.sql.Sql::falseValue, "false"),
                sql(sq + "SQLTest::test_true_false", "sqlite", io.retort.sql.Sql::trueValue, "true"),
                refused(sq + "RegexpTest::test_regexp_match", "sqlite", () -> MYTABLE.c("myid").regexpMatch("pattern"),
                        "A regular expression match is not supported by sqlite"),
                refused(sq + "RegexpTest::test_not_regexp_match", "sqlite",
                        () -> MYTABLE.c("myid").notRegexpMatch("pattern"),
                        "A regular expression match is not supported by sqlite"),
                sql(sq + "OnConflictCompileTest::test_assorted_arg_coercion", "sqlite", () -> insert(ConformanceTables.USERS)
                        .values(values("id", 1, "name", "x")).onConflictDoNothing(ConflictTarget.columns("id")
                                .where(io.retort.sql.Sql.sqlCondition("name = 'hi'"))),
                        "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) WHERE name = 'hi' DO NOTHING"),
                sql(sq + "OnConflictCompileTest::test_assorted_arg_coercion", "sqlite", () -> insert(ConformanceTables.USERS)
                        .values(values("id", 1, "name", "x")).onConflictDoUpdate(ConflictTarget.columns("id"),
                                values("name", "there")),
                        "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = ?")));
        // test/dialect/mysql/test_compiler.py SQLTest::test_cast: CAST(t.col AS ...) per type.
        Object[][] casts = {
                {INTEGER, "SIGNED"}, {NUMERIC, "DECIMAL(65, 30)"}, {DATETIME, "DATETIME(6)"}, {DATE, "DATE"},
                {TIME, "TIME(6)"}, {STRING, "CHAR"}, {string(32), "CHAR(32)"}};
        for (Object[] cast : casts) {
            cases.add(sql(MY + "SQLTest::test_cast", "mariadb", () -> select(cast(ConformanceTables.T.c("a"),
                    (SqlType<?>) cast[0])), "SELECT CAST(t.a AS " + cast[1] + ") FROM t"));
        }
        return cases;
    }
}
