package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.MYOTHERTABLE;
import static io.retort.impl.conformance.ConformanceTables.MYTABLE;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;

import java.util.List;

/** Cases of test/sql/test_functions.py (function names are identifiers, optionally dotted). */
final class FunctionCases {
    private static final String F = "test/sql/test_functions.py::CompileTest::";
    private static final String D = "postgresql";

    private FunctionCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                sql(F + "test_underscores", D, () -> function("if", INTEGER), "if()"),
                sql(F + "test_underscores_packages", D, () -> function("foo.bar.if", INTEGER), "foo.bar.if()"),
                sql(F + "test_uppercase", D, () -> function("UNREGISTERED_FN", INTEGER), "UNREGISTERED_FN()"),
                sql(F + "test_uppercase_packages", D, () -> function("FOO.BAR.NOW", INTEGER), "FOO.BAR.NOW()"),
                sql(F + "test_mixed_case", D, () -> function("SomeFunction", INTEGER), "SomeFunction()"),
                sql(F + "test_mixed_case_packages", D, () -> function("Foo.Bar.SomeFunction", INTEGER),
                        "Foo.Bar.SomeFunction()"),
                sql(F + "test_generic_count", D, () -> count(), "count(*)"),
                sql(F + "test_generic_count", D, () -> count(literal(INTEGER, 1)), "count(?)"),
                sql(F + "test_assorted", D, () -> function("lala", INTEGER, literal(INTEGER, 3), literal(INTEGER, 4),
                        literal(STRING, "five"), MYTABLE.c("myid")).times(MYOTHERTABLE.c("otherid")),
                        "(lala(?, ?, ?, mytable.myid) * myothertable.otherid)"),
                sql(F + "test_assorted", D, () -> select(count(MYTABLE.c("myid"))),
                        "SELECT count(mytable.myid) FROM mytable"),
                sql(F + "test_assorted", D, () -> select(function("foo.bar.lala", INTEGER, MYTABLE.c("myid"))),
                        "SELECT foo.bar.lala(mytable.myid) FROM mytable"),
                sql(F + "test_assorted", D, () -> select(function("foo.bar.lala", INTEGER, literal(INTEGER, 12))),
                        "SELECT foo.bar.lala(?)"),
                sql(F + "test_assorted", D, () -> function("lala.hoho", INTEGER, literal(INTEGER, 7)),
                        "lala.hoho(?)"),
                sql(F + "test_assorted", D, () -> function("my_func", INTEGER, literal(INTEGER, 1),
                        literal(INTEGER, 2), literal(INTEGER, null), literal(INTEGER, 3)), "my_func(?, ?, ?, ?)"));
    }
}
