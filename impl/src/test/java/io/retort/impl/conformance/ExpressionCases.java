package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.MYOTHERTABLE;
import static io.retort.impl.conformance.ConformanceTables.MYTABLE;
import static io.retort.sql.Sql.and;
import static io.retort.sql.Sql.cast;
import static io.retort.sql.Sql.falseValue;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.not;
import static io.retort.sql.Sql.or;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.trueValue;
import static io.retort.sql.Sql.tuple;
import static io.retort.types.Types.DOUBLE;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;

import io.retort.sql.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Cases of test/sql/test_operators.py: math, comparison, negation, LIKE, BETWEEN, conjunctions and precedence,
 * compiled for PostgreSQL (SQLAlchemy's default dialect writes the same SQL for these) and, where the SQL differs,
 * for the other dialects.
 */
final class ExpressionCases {
    private static final String T = "test/sql/test_operators.py::";
    private static final String D = "postgresql";
    private static final String ALL = "SELECT mytable.myid, mytable.name, mytable.description FROM mytable";

    private ExpressionCases() {
    }

    private static Expression<Integer> myid() {
        return MYTABLE.c("myid", Integer.class);
    }

    private static Expression<String> name() {
        return MYTABLE.c("name", String.class);
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        math(cases);
        comparison(cases);
        negationLikeBetween(cases);
        conjunctions(cases);
        return cases;
    }

    /** MathOperatorTest::test_math_op: each operator with columns, values and literals on either side. */
    private static void math(List<ConformanceCase> cases) {
        String m = T + "MathOperatorTest::test_math_op";
        List<String> ops = List.of("+", "*", "-", "%");
        List<BiFunction<Expression<Integer>, Expression<Integer>, Expression<Integer>>> byExpression = List.of(
                (a, b) -> a.plus(b), (a, b) -> a.times(b), (a, b) -> a.minus(b), (a, b) -> a.modulo(b));
        List<BiFunction<Expression<Integer>, Integer, Expression<Integer>>> byValue = List.of(
                (a, b) -> a.plus(b), (a, b) -> a.times(b), (a, b) -> a.minus(b), (a, b) -> a.modulo(b));
        for (int i = 0; i < ops.size(); i++) {
            String op = ops.get(i);
            var e = byExpression.get(i);
            var v = byValue.get(i);
            cases.add(sql(m, D, () -> e.apply(literal(INTEGER, 5), myid()), "(? " + op + " mytable.myid)"));
            cases.add(sql(m, D, () -> e.apply(literal(INTEGER, 5), literal(INTEGER, 5)), "(? " + op + " ?)"));
            cases.add(sql(m, D, () -> v.apply(myid(), 2), "(mytable.myid " + op + " ?)"));
            cases.add(sql(m, D, () -> e.apply(myid(), myid()), "(mytable.myid " + op + " mytable.myid)"));
            cases.add(sql(m, D, () -> v.apply(literal(INTEGER, 5), 8), "(? " + op + " ?)"));
            cases.add(sql(m, D, () -> e.apply(literal(INTEGER, 6), myid()), "(? " + op + " mytable.myid)"));
            cases.add(sql(m, "sqlite", () -> e.apply(myid(), myid()), "(mytable.myid " + op + " mytable.myid)"));
            cases.add(sql(m, "mariadb", () -> e.apply(myid(), myid()), "(mytable.myid " + op + " mytable.myid)"));
        }
        cases.add(sql(m, D, () -> myid().plus(literal(DOUBLE, 2.7)).label("x"), "(mytable.myid + ?)"));
        String f = T + "MathOperatorTest::test_floordiv_int_by_int_pg";
        cases.add(sql(f, D, () -> myid().dividedBy(MYOTHERTABLE.c("otherid", Integer.class)),
                "(mytable.myid / myothertable.otherid)"));
        cases.add(sql(f, "mariadb", () -> myid().dividedBy(MYOTHERTABLE.c("otherid", Integer.class)),
                "(mytable.myid DIV myothertable.otherid)"));
        cases.add(sql(T + "MathOperatorTest::test_integer_numeric_coercion_to_numeric", "sqlite",
                () -> myid().dividedBy(literal(io.retort.types.Types.NUMERIC, java.math.BigDecimal.TEN)),
                "(mytable.myid / (? + 0.0))"));
        cases.add(sql(T + "MathOperatorTest::test_integer_numeric_coercion_to_numeric", D,
                () -> myid().dividedBy(literal(io.retort.types.Types.NUMERIC, java.math.BigDecimal.TEN)),
                "(mytable.myid / ?)"));
    }

    /** ComparisonOperatorTest::test_comparison_op: each operator with a column, a value and a literal. */
    private static void comparison(List<ConformanceCase> cases) {
        String c = T + "ComparisonOperatorTest::test_comparison_op";
        cases.add(sql(c, D, () -> name().lt("b"), "mytable.name < ?"));
        cases.add(sql(c, D, () -> name().gt("b"), "mytable.name > ?"));
        cases.add(sql(c, D, () -> name().eq("b"), "mytable.name = ?"));
        cases.add(sql(c, D, () -> name().ne("b"), "mytable.name <> ?"));
        cases.add(sql(c, D, () -> name().le("b"), "mytable.name <= ?"));
        cases.add(sql(c, D, () -> name().ge("b"), "mytable.name >= ?"));
        cases.add(sql(c, D, () -> name().lt(literal(STRING, "b")), "mytable.name < ?"));
        cases.add(sql(c, D, () -> name().ge(literal(STRING, "b")), "mytable.name >= ?"));
        cases.add(sql(c, D, () -> name().lt(name()), "mytable.name < mytable.name"));
        cases.add(sql(c, D, () -> name().gt(name()), "mytable.name > mytable.name"));
        cases.add(sql(c, D, () -> name().eq(name()), "mytable.name = mytable.name"));
        cases.add(sql(c, D, () -> name().ne(name()), "mytable.name <> mytable.name"));
        cases.add(sql(c, D, () -> name().le(name()), "mytable.name <= mytable.name"));
        cases.add(sql(c, D, () -> name().ge(name()), "mytable.name >= mytable.name"));
        cases.add(sql(c, D, () -> literal(STRING, "a").lt(name()), "? < mytable.name"));
        cases.add(sql(c, D, () -> literal(STRING, "a").eq(literal(STRING, "b")), "? = ?"));
        cases.add(sql(c, D, () -> literal(STRING, "a").ne(name()), "? <> mytable.name"));
        cases.add(sql(c, D, () -> literal(STRING, "a").gt("b"), "? > ?"));
    }

    private static void negationLikeBetween(List<ConformanceCase> cases) {
        String n = T + "NegationTest::";
        cases.add(sql(n + "test_negate_operators_1", D, () -> myid().negate(), "-mytable.myid"));
        cases.add(sql(n + "test_negate_operators_1", D, () -> literal(INTEGER, 5).negate(), "-(?)"));
        cases.add(sql(n + "test_negate_operators_2", D, () -> select(MYTABLE).where(myid().ne(12)
                .and(not(name().eq("john")))), ALL + " WHERE mytable.myid <> ? AND NOT (mytable.name = ?)"));
        cases.add(sql(n + "test_negate_operators_3", D, () -> select(MYTABLE).where(myid().ne(12)
                .and(not(name().between("jack", "john")))),
                ALL + " WHERE mytable.myid <> ? AND NOT (mytable.name BETWEEN ? AND ?)"));
        cases.add(sql(n + "test_negate_operators_4", D, () -> select(MYTABLE).where(myid().ne(12)
                .and(not(and(name().eq("john"), name().eq("ed"), name().eq("fred"))))),
                ALL + " WHERE mytable.myid <> ? AND NOT (mytable.name = ? AND mytable.name = ? AND mytable.name = ?)"));
        String l = T + "LikeTest::";
        cases.add(sql(l + "test_like_1", D, () -> name().like("somstr"), "mytable.name LIKE ?"));
        cases.add(sql(l + "test_like_2", D, () -> name().notLike("somstr"), "mytable.name NOT LIKE ?"));
        cases.add(sql(l + "test_like_3", D, () -> name().like("somstr", '#'), "mytable.name LIKE ? ESCAPE '#'"));
        cases.add(sql(l + "test_like_4", D, () -> name().notLike("somstr", '#'),
                "mytable.name NOT LIKE ? ESCAPE '#'"));
        cases.add(sql(l + "test_like_9", "sqlite", () -> name().ilike("%something%"),
                "lower(mytable.name) LIKE lower(?)"));
        cases.add(sql(l + "test_like_10", D, () -> name().ilike("%something%"), "mytable.name ILIKE ?"));
        cases.add(sql(l + "test_like_11", "sqlite", () -> not(name().ilike("%something%")),
                "NOT (lower(mytable.name) LIKE lower(?))"));
        cases.add(sql(l + "test_like_12", D, () -> not(name().ilike("%something%")), "NOT (mytable.name ILIKE ?)"));
        cases.add(sql(l + "test_like_9", "mariadb", () -> name().ilike("%something%"),
                "lower(mytable.name) LIKE lower(?)"));
        cases.add(sql(l + "test_like_9", "h2", () -> name().ilike("%something%"),
                "lower(mytable.name) LIKE lower(?)"));
        String b = T + "BetweenTest::";
        cases.add(sql(b + "test_between_1", D, () -> myid().between(1, 2), "mytable.myid BETWEEN ? AND ?"));
        cases.add(sql(b + "test_between_2", D, () -> not(myid().between(1, 2)), "NOT (mytable.myid BETWEEN ? AND ?)"));
        cases.add(sql(b + "test_between_1", "sqlite", () -> myid().between(1, 2), "mytable.myid BETWEEN ? AND ?"));
        cases.add(sql(b + "test_between_1", "mariadb", () -> myid().between(1, 2), "mytable.myid BETWEEN ? AND ?"));
        String cm = T + "ComposedLikeOperatorsTest::";
        cases.add(sql(cm + "test_contains_autoescape", D, () -> name().contains("a%b_c/d"), "mytable.name LIKE ? ESCAPE '/'"));
        cases.add(sql(cm + "test_startswith_autoescape", D, () -> name().startsWith("a%b_c/d"), "mytable.name LIKE ? ESCAPE '/'"));
        cases.add(sql(cm + "test_endswith_autoescape", D, () -> name().endsWith("a%b_c/d"), "mytable.name LIKE ? ESCAPE '/'"));
        cases.add(sql(cm + "test_not_contains_autoescape", D, () -> not(name().contains("a%b_c/d")),
                "NOT (mytable.name LIKE ? ESCAPE '/')"));
        cases.add(sql(cm + "test_contains_concat", "mariadb", () -> name().contains("y"),
                "mytable.name LIKE ? ESCAPE '/'"));
    }

    private static void conjunctions(List<ConformanceCase> cases) {
        String cj = T + "ConjunctionTest::";
        cases.add(sql(cj + "test_single_bool_one", D, () -> not(and(trueValue())), "NOT (true)"));
        cases.add(sql(cj + "test_single_bool_four", D, () -> not(or(falseValue())), "NOT (false)"));
        cases.add(sql(cj + "test_single_bool_seven", D, () -> and(trueValue()), "true"));
        cases.add(sql(cj + "test_single_bool_eight", D, () -> or(falseValue()), "false"));
        cases.add(sql(cj + "test_single_bool_seven", "sqlite", () -> and(trueValue()), "true"));
        cases.add(sql(cj + "test_single_bool_seven", "mariadb", () -> and(trueValue()), "true"));
        cases.add(sql(cj + "test_single_bool_seven", "h2", () -> and(trueValue()), "true"));
        cases.add(sql("test/sql/test_compiler.py::SelectTest::test_conjunctions", D, () -> and(myid().eq(1), myid().eq(2)),
                "mytable.myid = ? AND mytable.myid = ?"));
        cases.add(sql("test/sql/test_compiler.py::SelectTest::test_conjunctions", D, () -> or(myid().eq(1), myid().eq(2)),
                "mytable.myid = ? OR mytable.myid = ?"));
        String p = T + "OperatorPrecedenceTest::";
        String one = "SELECT mytable.myid FROM mytable WHERE ";
        cases.add(sql(p + "test_operator_precedence_1", D, () -> select(myid()).where(myid().eq(5).isNull()),
                one + "(mytable.myid = ?) IS NULL"));
        cases.add(sql(p + "test_operator_precedence_2", D, () -> select(myid()).where(myid().plus(5).eq(myid())),
                one + "(mytable.myid + ?) = mytable.myid"));
        cases.add(sql(p + "test_operator_precedence_7", D, () -> select(myid()).where(not(and(myid().eq(5),
                myid().eq(6)))), one + "NOT (mytable.myid = ? AND mytable.myid = ?)"));
        cases.add(sql(p + "test_operator_precedence_8", D, () -> select(myid()).where(not(myid().eq(5))),
                one + "NOT (mytable.myid = ?)"));
        cases.add(sql(p + "test_operator_precedence_9", D, () -> select(myid()).where(not(myid().between(5, 6))),
                one + "NOT (mytable.myid BETWEEN ? AND ?)"));
        cases.add(sql(p + "test_operator_precedence_11", D, () -> select(myid()).where(myid().eq(myid())
                .between(false, true)), one + "(mytable.myid = mytable.myid) BETWEEN ? AND ?"));
        String a = T + "OperatorAssociativityTest::";
        cases.add(sql(a + "test_associativity_1", D, () -> myid().minus(myid()), "(mytable.myid - mytable.myid)"));
        cases.add(sql(a + "test_associativity_2", D, () -> myid().minus(myid()).minus(myid()),
                "((mytable.myid - mytable.myid) - mytable.myid)"));
        cases.add(sql(a + "test_associativity_4", D, () -> select(myid().minus(myid()).label("foo").minus(myid())),
                "SELECT ((mytable.myid - mytable.myid) - mytable.myid) FROM mytable"));
        cases.add(sql(a + "test_associativity_5", D, () -> myid().minus(myid().minus(myid())),
                "(mytable.myid - (mytable.myid - mytable.myid))"));
        cases.add(sql(a + "test_associativity_22", D, () -> myid().eq(myid()).eq(myid()),
                "(mytable.myid = mytable.myid) = mytable.myid"));
        cases.add(sql(a + "test_associativity_23", D, () -> myid().ne(myid()).ne(myid()),
                "(mytable.myid <> mytable.myid) <> mytable.myid"));
        cases.add(sql("test/sql/test_compiler.py::SelectTest::test_cast", D, () -> cast(myid(), STRING).concat("x"),
                "(CAST(mytable.myid AS VARCHAR) || ?)"));
        String in = "test/sql/test_compiler.py::BindParameterTest::test_tuple_expanding_in_values";
        cases.add(sql(in, D, () -> tuple(myid(), name()).inValues(List.of(List.of(1, "a"))),
                "(mytable.myid, mytable.name) IN ((?, ?))"));
        cases.add(sql(in, "sqlite", () -> tuple(myid(), name()).inValues(List.of(List.of(1, "a"), List.of(2, "b"))),
                "(mytable.myid, mytable.name) IN ((?, ?), (?, ?))"));
        String co = "test/sql/test_compiler.py::CoercionTest::test_val_is_null_coerced";
        cases.add(sql(co, D, () -> myid().eq((Integer) null), "mytable.myid IS NULL"));
        cases.add(sql(co, D, () -> myid().ne((Integer) null), "mytable.myid IS NOT NULL"));
        String nt = T + "DefaultColumnComparatorTest::";
        cases.add(sql(nt + "test_operate", D, () -> myid().isNull(), "mytable.myid IS NULL"));
        cases.add(sql(nt + "test_operate", D, () -> myid().isNotNull(), "mytable.myid IS NOT NULL"));
    }
}
