package io.retort.sql;

import io.retort.types.SqlType;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A typed SQL expression: a column, a bound value, a function call, a comparison... Operators build new
 * expressions, SQLAlchemy style:
 *
 * <pre>{@code
 * users.c("name").eq("spongebob")            // user_account.name = ?
 * users.c("id").in(List.of(1, 2, 3))         // user_account.id IN (?, ?, ?), expanded at execution
 * users.c("fullname").isNull()               // user_account.fullname IS NULL
 * users.c("name").like("s%").and(users.c("id").gt(5))
 * }</pre>
 *
 * <p>Every value given to an operator is bound as a parameter of the expression's type, never spliced into SQL.
 * Expressions are immutable, with structural equality that leaves bound values out.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> extends SqlNode {

    /** The SQL type of the expression's values. */
    SqlType<T> type();

    /** {@code this = value}; a null value gives {@code IS NULL}, as SQLAlchemy's {@code == None}. */
    default Predicate eq(@Nullable T value) {
        return value == null ? isNull() : new Comparison(this, Comparison.Operator.EQ, operand(value));
    }

    /** {@code this = other}. */
    default Predicate eq(@Nullable Expression<?> other) {
        return other == null ? isNull() : new Comparison(this, Comparison.Operator.EQ, other);
    }

    /** {@code this <> value}; a null value gives {@code IS NOT NULL}. */
    default Predicate ne(@Nullable T value) {
        return value == null ? isNotNull()
                : new Comparison(this, Comparison.Operator.NE, operand(value));
    }

    /** {@code this <> other}. */
    default Predicate ne(@Nullable Expression<?> other) {
        return other == null ? isNotNull() : new Comparison(this, Comparison.Operator.NE, other);
    }

    /** {@code this < value}; a value that is an {@link Expression} is compared as one, never bound. */
    default Predicate lt(T value) {
        return new Comparison(this, Comparison.Operator.LT, operand(value));
    }

    /** {@code this < other}: {@code a.c("x").lt(b.c("y"))} gives {@code a.x < b.y}. */
    default Predicate lt(Expression<?> other) {
        return new Comparison(this, Comparison.Operator.LT, other);
    }

    /** {@code this <= value}. */
    default Predicate le(T value) {
        return new Comparison(this, Comparison.Operator.LE, operand(value));
    }

    /** {@code this <= other}. */
    default Predicate le(Expression<?> other) {
        return new Comparison(this, Comparison.Operator.LE, other);
    }

    /** {@code this > value}. */
    default Predicate gt(T value) {
        return new Comparison(this, Comparison.Operator.GT, operand(value));
    }

    /** {@code this > other}: {@code t.c("x").gt(select(max(t.c("x"))).scalarSubquery())} compares with a subquery. */
    default Predicate gt(Expression<?> other) {
        return new Comparison(this, Comparison.Operator.GT, other);
    }

    /** {@code this >= value}. */
    default Predicate ge(T value) {
        return new Comparison(this, Comparison.Operator.GE, operand(value));
    }

    /** {@code this >= other}. */
    default Predicate ge(Expression<?> other) {
        return new Comparison(this, Comparison.Operator.GE, other);
    }

    /**
     * A value as an operand of this expression: bound as a parameter of this expression's type, unless it is an
     * expression already (a column or subquery passed where {@code T} is {@code Object}), which is used as is.
     */
    default Expression<?> operand(@Nullable Object value) {
        return value instanceof Expression ? (Expression<?>) value : BindParameter.of(type(), value);
    }

    /** {@code this IS NULL}. */
    default Predicate isNull() {
        return new NullTest(this, false);
    }

    /** {@code this IS NOT NULL}. */
    default Predicate isNotNull() {
        return new NullTest(this, true);
    }

    /**
     * {@code this IN (?, ?, ...)}: the list expands at execution, so lists of any length share one compiled
     * statement; an empty list matches no row.
     */
    default Predicate in(Collection<? extends T> values) {
        return new InList(this, BindParameter.expanding(type(), List.copyOf(values)), false);
    }

    /** {@code this NOT IN (?, ?, ...)}; an empty list matches every row. */
    default Predicate notIn(Collection<? extends T> values) {
        return new InList(this, BindParameter.expanding(type(), List.copyOf(values)), true);
    }

    /** {@code this IN (SELECT ...)}. */
    default Predicate in(Select subquery) {
        return new InSubquery(this, subquery, false);
    }

    /** {@code this NOT IN (SELECT ...)}. */
    default Predicate notIn(Select subquery) {
        return new InSubquery(this, subquery, true);
    }

    /** {@code this BETWEEN low AND high}. */
    default Predicate between(T low, T high) {
        return new Between(this, operand(low), operand(high));
    }

    /** {@code this LIKE pattern}. */
    default Predicate like(String pattern) {
        return new Like(this, BindParameter.of(io.retort.types.Types.STRING, pattern), false, false);
    }

    /**
     * {@code this LIKE pattern ESCAPE 'c'}: {@code c} before {@code %}, {@code _} or itself in the pattern makes it
     * literal.
     *
     * @throws io.retort.exception.InvalidArgumentException if {@code escape} is a quote or a backslash
     */
    default Predicate like(String pattern, char escape) {
        return new Like(this, BindParameter.of(io.retort.types.Types.STRING, pattern), false, false,
                Like.checkedEscape(escape));
    }

    /** {@code this NOT LIKE pattern ESCAPE 'c'}. */
    default Predicate notLike(String pattern, char escape) {
        return new Like(this, BindParameter.of(io.retort.types.Types.STRING, pattern), true, false,
                Like.checkedEscape(escape));
    }

    /** Whether this matches a regular expression of the database's syntax; see {@link RegexpMatch}. */
    default Predicate regexpMatch(String pattern) {
        return new RegexpMatch(this, BindParameter.of(io.retort.types.Types.STRING, pattern), false);
    }

    /** Whether this does not match a regular expression. */
    default Predicate notRegexpMatch(String pattern) {
        return new RegexpMatch(this, BindParameter.of(io.retort.types.Types.STRING, pattern), true);
    }

    /** {@code this NOT LIKE pattern}. */
    default Predicate notLike(String pattern) {
        return new Like(this, BindParameter.of(io.retort.types.Types.STRING, pattern), true, false);
    }

    /** Case-insensitive LIKE: {@code ILIKE} on PostgreSQL, {@code lower(this) LIKE lower(pattern)} elsewhere. */
    default Predicate ilike(String pattern) {
        return new Like(this, BindParameter.of(io.retort.types.Types.STRING, pattern), false, true);
    }

    /** {@code this IS DISTINCT FROM value}: unequal, with NULL equal to NULL. */
    default Predicate isDistinctFrom(@Nullable T value) {
        return new DistinctFrom(this, operand(value), false);
    }

    /** {@code this IS NOT DISTINCT FROM value}: equal, with NULL equal to NULL. */
    default Predicate isNotDistinctFrom(@Nullable T value) {
        return new DistinctFrom(this, operand(value), true);
    }

    /** {@code this LIKE '%' || value || '%'} with {@code %}, {@code _} and {@code /} in the value escaped. */
    default Predicate contains(String value) {
        return Like.escaped(this, "%" + Like.escape(value) + "%");
    }

    /** {@code this LIKE value || '%'}, the value escaped. */
    default Predicate startsWith(String value) {
        return Like.escaped(this, Like.escape(value) + "%");
    }

    /** {@code this LIKE '%' || value}, the value escaped. */
    default Predicate endsWith(String value) {
        return Like.escaped(this, "%" + Like.escape(value));
    }

    /** {@code this + value}. */
    default Expression<T> plus(T value) {
        return new Operation<>(this, Operation.Operator.ADD, operand(value), type());
    }

    /** {@code this + other}: {@code t.c("a").plus(t.c("b"))} gives {@code (t.a + t.b)}. */
    default Expression<T> plus(Expression<?> other) {
        return new Operation<>(this, Operation.Operator.ADD, other, Operation.arithmeticType(type(), other.type()));
    }

    /** {@code this - value}. */
    default Expression<T> minus(T value) {
        return new Operation<>(this, Operation.Operator.SUBTRACT, operand(value), type());
    }

    /** {@code this - other}: {@code (t.a - t.b)}. */
    default Expression<T> minus(Expression<?> other) {
        return new Operation<>(this, Operation.Operator.SUBTRACT, other, Operation.arithmeticType(type(), other.type()));
    }

    /** {@code this * value}. */
    default Expression<T> times(T value) {
        return new Operation<>(this, Operation.Operator.MULTIPLY, operand(value), type());
    }

    /** {@code this * other}: {@code (t.a * t.b)}. */
    default Expression<T> times(Expression<?> other) {
        return new Operation<>(this, Operation.Operator.MULTIPLY, other, Operation.arithmeticType(type(), other.type()));
    }

    /**
     * {@code this / value}. An integer-typed expression divides as integers on every database (MySQL's {@code DIV},
     * since its {@code /} gives a decimal); cast to a numeric type first for a fractional result.
     */
    default Expression<T> dividedBy(T value) {
        return new Operation<>(this, Operation.Operator.DIVIDE, operand(value), type());
    }

    /**
     * {@code this / other}: {@code (t.a / t.b)}. An integer divided by a decimal or floating-point expression is a
     * true division of that wider type on every database (SQLAlchemy's truediv): {@code 5 / 2.0} is 2.5, read it
     * with {@code row.get(i, BigDecimal.class)}.
     */
    default Expression<T> dividedBy(Expression<?> other) {
        return new Operation<>(this, Operation.Operator.DIVIDE, other, Operation.arithmeticType(type(), other.type()));
    }

    /** {@code this % value}: the remainder ({@code mod(this, value)} where {@code %} is not an operator). */
    default Expression<T> modulo(T value) {
        return new Operation<>(this, Operation.Operator.MODULO, operand(value), type());
    }

    /** {@code this % other}: {@code (t.a % t.b)}. */
    default Expression<T> modulo(Expression<?> other) {
        return new Operation<>(this, Operation.Operator.MODULO, other, Operation.arithmeticType(type(), other.type()));
    }

    /** String concatenation: {@code this || other} ({@code concat(this, other)} on MySQL). */
    default Expression<String> concat(Expression<?> other) {
        return new Operation<>(this, Operation.Operator.CONCAT, other, io.retort.types.Types.STRING);
    }

    /** String concatenation with a value. */
    default Expression<String> concat(String value) {
        return concat(BindParameter.of(io.retort.types.Types.STRING, value));
    }

    /**
     * {@code DISTINCT this}, as an aggregate's argument: {@code count(orders.c("customer_id").distinct())} gives
     * {@code count(DISTINCT orders.customer_id)}.
     */
    default Expression<T> distinct() {
        return new Unary<>(Unary.Operator.DISTINCT, this);
    }

    /** {@code -this}. */
    default Expression<T> negate() {
        return new Unary<>(Unary.Operator.NEGATE, this);
    }

    /** {@code this ASC} in an ORDER BY. */
    default OrderBy asc() {
        return new OrderBy(this, false);
    }

    /** {@code this DESC} in an ORDER BY. */
    default OrderBy desc() {
        return new OrderBy(this, true);
    }

    /** {@code this AS name}, naming the result column. */
    default Labeled<T> label(String name) {
        return new Labeled<>(this, name);
    }
}
