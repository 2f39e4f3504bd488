package io.retort.sql;

import java.util.Objects;

/**
 * {@code left @> right}, {@code left <@ right} or {@code left && right} on two arrays, made by
 * {@link SqlArray#contains}, {@link SqlArray#containedBy} and {@link SqlArray#overlap}.
 *
 * @param operator the operator
 * @param left the left array
 * @param right the right array
 */
public record ArrayComparison(Operator operator, Expression<?> left, Expression<?> right) implements Predicate {
    /** The array operators. */
    public enum Operator {
        /** {@code @>}: the left array holds every element of the right. */ CONTAINS("@>"),
        /** {@code <@}: every element of the left array is in the right. */ CONTAINED_BY("<@"),
        /** {@code &&}: the arrays have an element in common. */ OVERLAP("&&");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The operator's SQL. */
        public String sql() {
            return sql;
        }
    }

    /** Checks the parts. */
    public ArrayComparison {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitArrayComparison(this);
    }

    /** This predicate as SQL in the default dialect with {@code :name} parameters. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
