package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * A row value, {@code (a, b)}, made by {@link Sql#tuple}, for comparing several columns at once:
 *
 * <pre>{@code
 * tuple(orders.c("customer"), orders.c("day")).in(List.of(List.of(1, day1), List.of(2, day2)))
 * // (orders.customer, orders.day) IN ((?, ?), (?, ?))
 * }</pre>
 *
 * @param elements the expressions
 */
public record Tuple(List<Expression<?>> elements) implements Expression<Object> {
    /** Copies the elements. */
    public Tuple {
        elements = List.copyOf(elements);
        if (elements.size() < 2) {
            throw new InvalidArgumentException("A tuple needs at least two expressions");
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SqlType<Object> type() {
        return (SqlType) elements.get(0).type();
    }

    /** A tuple of values bound with the elements' types. */
    private Tuple values(List<?> values) {
        if (values.size() != elements.size()) {
            throw new InvalidArgumentException("A tuple of " + elements.size() + " expressions is compared with "
                    + values.size() + " values " + values);
        }
        List<Expression<?>> bound = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            bound.add(BindParameter.of(elements.get(i).type(), values.get(i)));
        }
        return new Tuple(bound);
    }

    /** {@code (a, b) = (?, ?)}. */
    public Predicate eqValues(Object... values) {
        return new Comparison(this, Comparison.Operator.EQ, values(List.of(values)));
    }

    /** {@code (a, b) IN ((?, ?), ...)}; an empty list matches nothing. */
    public Predicate inValues(List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return new Comparison(BindParameter.of(io.retort.types.Types.INTEGER, 1), Comparison.Operator.EQ,
                    BindParameter.of(io.retort.types.Types.INTEGER, 0));
        }
        List<Expression<?>> tuples = new ArrayList<>();
        for (List<?> row : rows) {
            tuples.add(values(row));
        }
        return new TupleIn(this, tuples);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitTuple(this);
    }

    /**
     * {@code (a, b) IN ((?, ?), ...)}.
     *
     * @param tuple the tested tuple
     * @param rows the tuples of values
     */
    public record TupleIn(Tuple tuple, List<Expression<?>> rows) implements Predicate {
        /** This predicate as SQL in the default dialect with {@code :name} parameters. */
        @Override
        public String toString() {
            return Sql.renderNode(this);
        }

        @Override
        public void accept(SqlVisitor visitor) {
            visitor.visitTupleIn(this);
        }
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
