package io.retort.sql;

import io.retort.types.SqlType;
import java.util.Objects;

/**
 * A keyword or sign before an expression: {@code DISTINCT x} as an aggregate's argument, made by
 * {@link Expression#distinct()}, or {@code -x}, made by {@link Expression#negate()}.
 *
 * <pre>{@code
 * count(orders.c("customer_id").distinct())     // count(DISTINCT orders.customer_id)
 * }</pre>
 *
 * @param operator the keyword or sign
 * @param operand the expression it applies to
 * @param <T> the Java type of the values
 */
public record Unary<T>(Operator operator, Expression<T> operand) implements Expression<T> {
    /** The unary operators. */
    public enum Operator {
        /** {@code DISTINCT x}: an aggregate counts or sums each value once. */ DISTINCT,
        /** {@code -x}. */ NEGATE
    }

    /** Checks the parts. */
    public Unary {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public SqlType<T> type() {
        return operand.type();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitUnary(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
