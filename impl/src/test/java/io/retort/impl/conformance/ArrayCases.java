package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.refused;
import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.cast;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.not;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.DATE;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;
import static io.retort.types.Types.TEXT;
import static io.retort.types.Types.array;

import io.retort.schema.Table;
import io.retort.sql.SqlArray;
import java.util.List;
import java.util.Map;

/**
 * Cases of test/dialect/postgresql/test_compiler.py for PostgreSQL arrays ({@code Column("x", ARRAY(Integer))}),
 * as {@code arrtable.x}: Retort qualifies columns. Indexes are 1-based as SQLAlchemy's default
 * ({@code zero_indexes=False}).
 */
final class ArrayCases {
    private static final String F = "test/dialect/postgresql/test_compiler.py::CompileTest::";
    private static final String PG = "postgresql";
    static final Table ARRTABLE = ConformanceTables.METADATA.table("arrtable", column("x", array(INTEGER)),
            column("data", array(INTEGER)));
    private static final io.retort.schema.Column<Object> X = ARRTABLE.c("x");

    private ArrayCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                sql(F + "test_array", PG, () -> cast(X, array(INTEGER)), "CAST(arrtable.x AS INTEGER[])"),
                sql(F + "test_array", PG, () -> SqlArray.get(X, 5), "arrtable.x[?]"),
                sql(F + "test_array", PG, () -> SqlArray.slice(X, 5, 7), "arrtable.x[?:?]"),
                sql(F + "test_array", PG, () -> SqlArray.slice(SqlArray.slice(X, 5, 7), 2, 3),
                        "(arrtable.x[?:?])[?:?]"),
                sql(F + "test_array", PG, () -> SqlArray.get(SqlArray.slice(X, 5, 7), 3), "(arrtable.x[?:?])[?]"),
                sql(F + "test_array", PG, () -> SqlArray.contains(X, List.of(1)), "arrtable.x @> ?"),
                sql(F + "test_array", PG, () -> SqlArray.containedBy(X, List.of(2)), "arrtable.x <@ ?"),
                sql(F + "test_array", PG, () -> SqlArray.overlap(X, List.of(3)), "arrtable.x && ?"),
                sql(F + "test_array", "h2", () -> SqlArray.get(X, 5), "arrtable.x[?]"),
                refused(F + "test_array", "h2", () -> SqlArray.contains(X, List.of(1)),
                        "The array operator @> (contains) is not supported by h2"),
                sql(F + "test_array_modern_any_all", PG, () -> literal(INTEGER, 4).eq(SqlArray.any(X)),
                        "? = ANY (arrtable.x)"),
                sql(F + "test_array_modern_any_all", PG, () -> not(SqlArray.any(X).eq(5)),
                        "NOT (? = ANY (arrtable.x))"),
                sql(F + "test_array_modern_any_all", PG, () -> literal(INTEGER, 5).ne(SqlArray.any(X)),
                        "? <> ANY (arrtable.x)"),
                sql(F + "test_array_modern_any_all", PG, () -> literal(INTEGER, 6).gt(SqlArray.all(X)),
                        "? > ALL (arrtable.x)"),
                sql(F + "test_array_modern_any_all", PG, () -> literal(INTEGER, 7).lt(SqlArray.all(X)),
                        "? < ALL (arrtable.x)"),
                sql(F + "test_array_modern_any_all", PG, () -> SqlArray.all(X).eq(5), "? = ALL (arrtable.x)"),
                sql(F + "test_array_modern_any_all", PG, () -> not(literal(INTEGER, 5).eq(SqlArray.all(X))),
                        "NOT (? = ALL (arrtable.x))"),
                sql(F + "test_array_modern_any_all", "h2", () -> literal(INTEGER, 4).eq(SqlArray.any(X)),
                        "? = ANY (arrtable.x)"),
                refused(F + "test_array_modern_any_all", "mariadb", () -> literal(INTEGER, 4).eq(SqlArray.any(X)),
                        "Arrays (any of arrtable.x) are not supported by mariadb; store the list as JSON"),
                sql(F + "test_array_literal", PG, () -> function("array_dims", TEXT, SqlArray.of(INTEGER, 1, 2)
                        .concat(SqlArray.of(INTEGER, 3, 4, 5))), "array_dims((ARRAY[?, ?] || ARRAY[?, ?, ?]))"),
                sql(F + "test_array_literal_compare", PG, () -> SqlArray.of(INTEGER, 1, 2)
                        .eq(SqlArray.of(INTEGER, 3, 4, 5)), "ARRAY[?, ?] = ARRAY[?, ?, ?]"),
                sql(F + "test_array_literal_contains", PG, () -> SqlArray.contains(SqlArray.of(INTEGER, 1, 2),
                        SqlArray.of(INTEGER, 3, 4, 5)), "ARRAY[?, ?] @> ARRAY[?, ?, ?]"),
                sql(F + "test_array_literal_contains", PG, () -> SqlArray.contains(SqlArray.of(STRING, "a", "b"),
                        SqlArray.of(STRING, "")), "ARRAY[?, ?] @> ARRAY[?]"),
                sql(F + "test_array_literal_contains", PG, () -> SqlArray.contains(SqlArray.of(STRING, "a", "b"),
                        SqlArray.of(STRING)), "ARRAY[?, ?] @> CAST(ARRAY[] AS VARCHAR[])"),
                sql(F + "test_array_literal_contained_by", PG, () -> SqlArray.containedBy(
                        SqlArray.of(STRING, "a", "b"), SqlArray.of(STRING, "a", "b", "c")),
                        "ARRAY[?, ?] <@ ARRAY[?, ?, ?]"),
                sql(F + "test_array_literal_empty", PG, () -> SqlArray.of(DATE), "CAST(ARRAY[] AS DATE[])"),
                sql(F + "test_array_literal_insert", PG, () -> insert(ARRTABLE).values(Map.of("data",
                        SqlArray.of(INTEGER, 1, 2, 3))), "INSERT INTO arrtable (data) VALUES (ARRAY[?, ?, ?])"),
                sql(F + "test_update_array", PG, () -> update(ARRTABLE).values(Map.of("data", List.of(1, 3, 4))),
                        "UPDATE arrtable SET data=?"),
                sql(F + "test_array_agg_w_filter_subscript", PG, () -> {
                    var series = function("generate_series", INTEGER, literal(INTEGER, 1), literal(INTEGER, 100))
                            .columnValued("series");
                    return select(SqlArray.get(SqlArray.agg(series).filter(series.modulo(2).eq(0)), 3));
                }, "SELECT (array_agg(series) FILTER (WHERE (series % ?) = ?))[?] FROM generate_series(?, ?)"
                        + " AS series"));
    }
}
