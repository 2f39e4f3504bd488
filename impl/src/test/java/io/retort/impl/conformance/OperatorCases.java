package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.MYOTHERTABLE;
import static io.retort.impl.conformance.ConformanceTables.MYTABLE;
import static io.retort.sql.Sql.not;
import static io.retort.sql.Sql.select;

import java.util.List;

/** Cases of test/sql/test_operators.py. */
final class OperatorCases {
    private static final String DF = "test/sql/test_operators.py::IsDistinctFromTest::";
    private static final String IN = "test/sql/test_operators.py::InTest::";

    private OperatorCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                sql(DF + "test_is_distinct_from", "postgresql", () -> MYTABLE.c("myid").isDistinctFrom(1),
                        "mytable.myid IS DISTINCT FROM ?"),
                sql(DF + "test_is_distinct_from_sqlite", "sqlite", () -> MYTABLE.c("myid").isDistinctFrom(1),
                        "mytable.myid IS DISTINCT FROM ?"),
                sql(DF + "test_not_is_distinct_from", "postgresql", () -> not(MYTABLE.c("myid").isDistinctFrom(1)),
                        "NOT (mytable.myid IS DISTINCT FROM ?)"),
                sql(DF + "test_is_not_distinct_from", "postgresql", () -> MYTABLE.c("myid").isNotDistinctFrom(1),
                        "mytable.myid IS NOT DISTINCT FROM ?"),
                sql(DF + "test_is_not_distinct_from_sqlite", "sqlite", () -> MYTABLE.c("myid").isNotDistinctFrom(1),
                        "mytable.myid IS NOT DISTINCT FROM ?"),
                sql(DF + "test_not_is_not_distinct_from", "postgresql",
                        () -> not(MYTABLE.c("myid").isNotDistinctFrom(1)), "NOT (mytable.myid IS NOT DISTINCT FROM ?)"),
                sql(DF + "test_is_distinct_from", "mariadb", () -> MYTABLE.c("myid").isDistinctFrom(1),
                        "NOT (mytable.myid <=> ?)"),
                sql(DF + "test_is_not_distinct_from", "mariadb", () -> MYTABLE.c("myid").isNotDistinctFrom(1),
                        "mytable.myid <=> ?"),
                sql(IN + "test_in_1", "postgresql", () -> MYTABLE.c("myid").in(List.of(1)), "mytable.myid IN ?"),
                sql(IN + "test_in_2", "postgresql", () -> MYTABLE.c("myid").notIn(List.of(1)),
                        "mytable.myid NOT IN ?"),
                sql(IN + "test_in_3", "postgresql", () -> MYTABLE.c("myid").in(List.of(1, 2)), "mytable.myid IN ?"),
                sql(IN + "test_in_20", "postgresql", () -> MYTABLE.c("myid").in(select(MYOTHERTABLE.c("otherid"))),
                        "mytable.myid IN (SELECT myothertable.otherid FROM myothertable)"),
                sql(IN + "test_in_21", "postgresql", () -> MYTABLE.c("myid").notIn(select(MYOTHERTABLE.c("otherid"))),
                        "mytable.myid NOT IN (SELECT myothertable.otherid FROM myothertable)"));
    }
}
