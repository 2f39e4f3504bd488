package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.ArrayType;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Operators on arrays (columns of type {@link Types#array}), as SQLAlchemy's {@code postgresql.ARRAY} comparator:
 *
 * <pre>{@code
 * SqlArray.of(INTEGER, 1, 2, 3)                 // ARRAY[?, ?, ?]
 * SqlArray.get(t.c("scores"), 1)                // t.scores[?]   (the first element: indexes start at 1)
 * SqlArray.slice(t.c("scores"), 2, 3)           // t.scores[?:?] (the second and third)
 * literal(INTEGER, 7).eq(SqlArray.any(t.c("scores")))   // ? = ANY (t.scores)
 * SqlArray.contains(t.c("scores"), List.of(1, 2))       // t.scores @> ?
 * SqlArray.agg(t.c("id"))                       // array_agg(t.id), typed as an array of t.id's type
 * }</pre>
 *
 * Indexes are the database's, 1-based (SQLAlchemy's default {@code zero_indexes=False}). PostgreSQL has all of
 * these; H2 has arrays but no containment operators; SQLite, MySQL and MariaDB have no arrays. Where a database
 * lacks one, compiling the statement fails with an error naming the database and an alternative.
 */
public final class SqlArray {
    private SqlArray() {
    }

    /**
     * {@code ARRAY[a, b, ...]} of values of {@code elementType}; a value may be an {@link Expression}. An empty
     * array is written with its type, {@code CAST(ARRAY[] AS INTEGER[])}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <E> ArrayExpression<List<E>> of(SqlType<E> elementType, Object... values) {
        ArrayType<E> type = Types.array(elementType);
        List<Expression<?>> elements = new ArrayList<>(values.length);
        for (Object value : values) {
            elements.add(value instanceof Expression<?> ? (Expression<?>) value
                    : BindParameter.of((SqlType) elementType, value));
        }
        return new ArrayExpression<>(ArrayExpression.Kind.LITERAL, elements, type);
    }

    /** {@code array[index]}: the element at a 1-based index (null past the end), typed as the elements. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ArrayExpression<Object> get(Expression<?> array, int index) {
        SqlType element = arrayType(array, "get").elementType();
        return new ArrayExpression<>(ArrayExpression.Kind.ELEMENT, List.of(array, BindParameter.of(Types.INTEGER,
                index)), element);
    }

    /** {@code array[from:to]}: the elements from a 1-based index to another, both included, as an array. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ArrayExpression<List<Object>> slice(Expression<?> array, int from, int to) {
        SqlType type = arrayType(array, "slice");
        return new ArrayExpression<>(ArrayExpression.Kind.SLICE, List.of(array, BindParameter.of(Types.INTEGER, from),
                BindParameter.of(Types.INTEGER, to)), type);
    }

    /**
     * {@code ANY (array)}, to compare a value with: {@code literal(INTEGER, 4).eq(SqlArray.any(col))} is true when
     * some element equals 4 (SQLAlchemy's {@code any_}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ArrayExpression<Object> any(Expression<?> array) {
        SqlType element = arrayType(array, "any").elementType();
        return new ArrayExpression<>(ArrayExpression.Kind.ANY, List.of(array), element);
    }

    /** {@code ALL (array)}, to compare a value with: true when the comparison holds for every element. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ArrayExpression<Object> all(Expression<?> array) {
        SqlType element = arrayType(array, "all").elementType();
        return new ArrayExpression<>(ArrayExpression.Kind.ALL, List.of(array), element);
    }

    /** {@code array @> other}: the array holds every element of the other. */
    public static Predicate contains(Expression<?> array, Expression<?> other) {
        return new ArrayComparison(ArrayComparison.Operator.CONTAINS, array, other);
    }

    /** {@code array @> ?}: the array holds every element of the list, bound as an array of the same type. */
    public static Predicate contains(Expression<?> array, List<?> elements) {
        return contains(array, bound(array, elements, "contains"));
    }

    /** {@code array <@ other}: every element of the array is in the other. */
    public static Predicate containedBy(Expression<?> array, Expression<?> other) {
        return new ArrayComparison(ArrayComparison.Operator.CONTAINED_BY, array, other);
    }

    /** {@code array <@ ?}: every element of the array is in the list. */
    public static Predicate containedBy(Expression<?> array, List<?> elements) {
        return containedBy(array, bound(array, elements, "containedBy"));
    }

    /** {@code array && other}: the arrays have an element in common. */
    public static Predicate overlap(Expression<?> array, Expression<?> other) {
        return new ArrayComparison(ArrayComparison.Operator.OVERLAP, array, other);
    }

    /** {@code array && ?}: the array and the list have an element in common. */
    public static Predicate overlap(Expression<?> array, List<?> elements) {
        return overlap(array, bound(array, elements, "overlap"));
    }

    /** {@code array_agg(expression)}: the group's values as an array of the expression's type. */
    public static <E> FunctionCall<List<E>> agg(Expression<E> expression) {
        return new FunctionCall<>("array_agg", List.of(expression), Types.array(expression.type()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<?> bound(Expression<?> array, List<?> elements, String operator) {
        return BindParameter.of((SqlType) arrayType(array, operator),
                java.util.Collections.unmodifiableList(new ArrayList<>(elements)));
    }

    private static ArrayType<?> arrayType(Expression<?> array, String operator) {
        if (!(array.type() instanceof ArrayType<?>)) {
            throw new InvalidArgumentException("SqlArray." + operator + " needs an array, but " + array
                    + " is of type " + array.type() + "; declare the column as Types.array(elementType)");
        }
        return (ArrayType<?>) array.type();
    }
}
