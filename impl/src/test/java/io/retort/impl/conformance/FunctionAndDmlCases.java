package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.MYOTHERTABLE;
import static io.retort.impl.conformance.ConformanceTables.MYTABLE;
import static io.retort.impl.conformance.ConformanceTables.values;
import static io.retort.sql.Sql.and;
import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.max;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.DOUBLE;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;

import java.util.ArrayList;
import java.util.List;

/** Cases of test/sql/test_functions.py (FILTER, WITHIN GROUP), test_update.py and test_insert.py. */
final class FunctionAndDmlCases {
    private static final String F = "test/sql/test_functions.py::CompileTest::";
    private static final String U = "test/sql/test_update.py::UpdateTest::";
    private static final String I = "test/sql/test_insert.py::InsertTest::";

    private FunctionAndDmlCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        cases.add(sql(F + "test_funcfilter_criterion", "postgresql", () -> count(literal(INTEGER, 1))
                .filter(MYTABLE.c("name").isNotNull()), "count(?) FILTER (WHERE mytable.name IS NOT NULL)"));
        cases.add(sql(F + "test_funcfilter_criterion", "sqlite", () -> count(literal(INTEGER, 1))
                .filter(MYTABLE.c("name").isNotNull()), "count(?) FILTER (WHERE mytable.name IS NOT NULL)"));
        cases.add(sql(F + "test_funcfilter_criterion", "mariadb", () -> count(literal(INTEGER, 1))
                .filter(MYTABLE.c("name").isNotNull()), "count(CASE WHEN mytable.name IS NOT NULL THEN ? END)"));
        cases.add(sql(F + "test_funcfilter_compound_criterion", "postgresql", () -> count(literal(INTEGER, 1))
                .filter(and(MYTABLE.c("name").isNull(), MYTABLE.c("myid", Integer.class).gt(0))),
                "count(?) FILTER (WHERE mytable.name IS NULL AND mytable.myid > ?)"));
        cases.add(sql(F + "test_funcfilter_label", "postgresql", () -> select(count(literal(INTEGER, 1))
                .filter(MYTABLE.c("description").isNotNull()).label("foo")),
                "SELECT count(?) FILTER (WHERE mytable.description IS NOT NULL) AS foo FROM mytable"));
        cases.add(sql(F + "test_funcfilter_fromobj_fromfunc", "postgresql", () -> select(max(MYTABLE.c("name"))
                .filter(MYTABLE.c("description").isNotNull())),
                "SELECT max(mytable.name) FILTER (WHERE mytable.description IS NOT NULL) FROM mytable"));
        cases.add(sql(F + "test_funcfilter_fromobj_fromcriterion", "postgresql", () -> select(count(
                literal(INTEGER, 1)).filter(MYTABLE.c("name").eq("name"))),
                "SELECT count(?) FILTER (WHERE mytable.name = ?) FROM mytable"));
        cases.add(sql(F + "test_funcfilter_fromobj_fromcriterion", "h2", () -> select(count(
                literal(INTEGER, 1)).filter(MYTABLE.c("name").eq("name"))),
                "SELECT count(?) FILTER (WHERE mytable.name = ?) FROM mytable"));
        cases.add(sql(F + "test_within_group", "postgresql", () -> select(MYTABLE.c("myid"),
                function("percentile_cont", DOUBLE, literal(DOUBLE, 0.5)).withinGroup(MYTABLE.c("name").asc())),
                "SELECT mytable.myid, percentile_cont(?) WITHIN GROUP (ORDER BY mytable.name) FROM mytable"));
        cases.add(sql(F + "test_within_group_multi", "postgresql", () -> select(MYTABLE.c("myid"),
                function("percentile_cont", DOUBLE, literal(DOUBLE, 0.5)).withinGroup(MYTABLE.c("name").asc(),
                        MYTABLE.c("description").asc())), "SELECT mytable.myid, percentile_cont(?) WITHIN GROUP"
                + " (ORDER BY mytable.name, mytable.description) FROM mytable"));
        cases.add(sql(F + "test_within_group_desc", "postgresql", () -> select(MYTABLE.c("myid"),
                function("percentile_cont", DOUBLE, literal(DOUBLE, 0.5)).withinGroup(MYTABLE.c("name").desc())),
                "SELECT mytable.myid, percentile_cont(?) WITHIN GROUP (ORDER BY mytable.name DESC) FROM mytable"));
        cases.add(sql(F + "test_within_group_desc", "h2", () -> select(MYTABLE.c("myid"),
                function("percentile_cont", DOUBLE, literal(DOUBLE, 0.5)).withinGroup(MYTABLE.c("name").desc())),
                "SELECT mytable.myid, percentile_cont(?) WITHIN GROUP (ORDER BY mytable.name DESC) FROM mytable"));
        cases.add(sql(U + "test_update_1", "postgresql", () -> update(MYTABLE).values(values("name",
                bindParam("name", STRING))).where(MYTABLE.c("myid").eq(7)),
                "UPDATE mytable SET name=? WHERE mytable.myid = ?"));
        cases.add(sql(U + "test_update_3", "sqlite", () -> update(MYTABLE).values(values("name",
                bindParam("name", STRING))).where(MYTABLE.c("myid").eq(7)),
                "UPDATE mytable SET name=? WHERE mytable.myid = ?"));
        cases.add(sql(U + "test_update_7", "postgresql", () -> update(MYTABLE).values(values("myid", 9,
                "description", bindParam("description", STRING))).where(MYTABLE.c("myid").eq(12)),
                "UPDATE mytable SET myid=?, description=? WHERE mytable.myid = ?"));
        cases.add(sql(U + "test_update_8", "postgresql", () -> update(MYTABLE).values(values("myid",
                bindParam("myid", INTEGER))).where(MYTABLE.c("myid").eq(12)),
                "UPDATE mytable SET myid=? WHERE mytable.myid = ?"));
        cases.add(sql(U + "test_prefix_with", "postgresql", () -> update(MYTABLE).values(values("myid", 1,
                "name", "n", "description", "d")).prefixWith("A B", "mysql").prefixWith("C D"),
                "UPDATE C D mytable SET myid=?, name=?, description=?"));
        cases.add(sql(U + "test_prefix_with", "mysql", () -> update(MYTABLE).values(values("myid", 1,
                "name", "n", "description", "d")).prefixWith("A B", "mysql").prefixWith("C D"),
                "UPDATE A B C D mytable SET myid=?, name=?, description=?"));
        cases.add(sql(I + "test_prefix_with", "postgresql", () -> insert(MYTABLE).values(values("myid", 1,
                "name", "n", "description", "d")).prefixWith("A B", "mysql").prefixWith("C D"),
                "INSERT C D INTO mytable (myid, name, description) VALUES (?, ?, ?)"));
        cases.add(sql(I + "test_prefix_with", "mysql", () -> insert(MYTABLE).values(values("myid", 1,
                "name", "n", "description", "d")).prefixWith("A B", "mysql").prefixWith("C D"),
                "INSERT A B C D INTO mytable (myid, name, description) VALUES (?, ?, ?)"));
        cases.add(sql("test/sql/test_delete.py::DeleteTest::test_prefix_with", "postgresql",
                () -> io.retort.sql.Sql.delete(MYTABLE).prefixWith("A B", "mysql").prefixWith("C D"),
                "DELETE C D FROM mytable"));
        cases.add(sql("test/sql/test_delete.py::DeleteTest::test_prefix_with", "mariadb",
                () -> io.retort.sql.Sql.delete(MYTABLE).prefixWith("A B", "mysql", "mariadb").prefixWith("C D"),
                "DELETE A B C D FROM mytable"));
        cases.add(sql(I + "test_insert_with_values_tuple", "postgresql", () -> insert(MYTABLE).values(values("myid",
                3, "name", "jack", "description", "mydescription")),
                "INSERT INTO mytable (myid, name, description) VALUES (?, ?, ?)"));
        cases.add(sql(I + "test_insert_returning_not_in_default", "postgresql", () -> insert(MYTABLE)
                .values(values("myid", 1, "name", "n", "description", "d")).returning(MYTABLE.c("myid")),
                "INSERT INTO mytable (myid, name, description) VALUES (?, ?, ?) RETURNING myid"));
        cases.add(sql(I + "test_insert_returning_not_in_default", "sqlite", () -> insert(MYTABLE)
                .values(values("myid", 1, "name", "n", "description", "d")).returning(MYTABLE.c("myid")),
                "INSERT INTO mytable (myid, name, description) VALUES (?, ?, ?) RETURNING myid"));
        cases.add(sql(I + "test_insert_from_select_col_values", "postgresql", () -> insert(MYOTHERTABLE)
                .fromSelect(List.of("otherid", "othername"), select(MYTABLE.c("myid"), MYTABLE.c("name"))
                        .where(MYTABLE.c("name").eq("foo"))), "INSERT INTO myothertable (otherid, othername)"
                + " SELECT mytable.myid, mytable.name FROM mytable WHERE mytable.name = ?"));
        cases.add(sql(I + "test_insert_from_select_col_values", "mariadb", () -> insert(MYOTHERTABLE)
                .fromSelect(List.of("otherid", "othername"), select(MYTABLE.c("myid"), MYTABLE.c("name"))
                        .where(MYTABLE.c("name").eq("foo"))), "INSERT INTO myothertable (otherid, othername)"
                + " SELECT mytable.myid, mytable.name FROM mytable WHERE mytable.name = ?"));
        cases.add(sql(I + "test_insert_from_select_union", "postgresql", () -> insert(MYTABLE).fromSelect(
                List.of("name", "description"), select(MYTABLE.c("name"), MYTABLE.c("description")).union(
                        select(MYOTHERTABLE.c("othername"), literal(STRING, "desc")))),
                "INSERT INTO mytable (name, description) SELECT mytable.name, mytable.description FROM mytable"
                        + " UNION SELECT myothertable.othername, ? FROM myothertable"));
        cases.add(sql(I + "test_insert_values_multiple", "postgresql", () -> insert(MYTABLE).values(List.of(
                values("myid", 1, "name", "a"), values("myid", 2, "name", "b"))),
                "INSERT INTO mytable (myid, name) VALUES (?, ?), (?, ?)"));
        return cases;
    }
}
