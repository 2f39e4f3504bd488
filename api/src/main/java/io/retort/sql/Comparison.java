package io.retort.sql;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code left op right}, made by {@link Expression#eq} and its siblings. */
public final class Comparison implements Predicate {
    /** The comparison operators. */
    public enum Operator {
        /** {@code =}. */ EQ("="),
        /** {@code <>}. */ NE("<>"),
        /** {@code <}. */ LT("<"),
        /** {@code <=}. */ LE("<="),
        /** {@code >}. */ GT(">"),
        /** {@code >=}. */ GE(">=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The operator's SQL. */
        public String sql() {
            return sql;
        }
    }

    private final Expression<?> left;
    private final Operator operator;
    private final Expression<?> right;

    Comparison(Expression<?> left, Operator operator, Expression<?> right) {
        this.left = Objects.requireNonNull(left, "left");
        this.operator = operator;
        this.right = Objects.requireNonNull(right, "right");
    }

    /** The left operand. */
    public Expression<?> left() {
        return left;
    }

    /** The operator. */
    public Operator operator() {
        return operator;
    }

    /** The right operand. */
    public Expression<?> right() {
        return right;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitComparison(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Comparison && ((Comparison) other).left.equals(left)
                && ((Comparison) other).operator == operator && ((Comparison) other).right.equals(right);
    }

    @Override
    public int hashCode() {
        return Objects.hash(left, operator, right);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
