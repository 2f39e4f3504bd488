package io.retort.sql;

import io.retort.types.SqlType;

/**
 * {@code left op right} producing a value: arithmetic and string concatenation.
 *
 * @param left the left operand
 * @param operator the operator
 * @param right the right operand
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record Operation<T>(Expression<?> left, Operator operator, Expression<?> right, SqlType<T> type)
        implements Expression<T> {
    /** Arithmetic and concatenation. */
    public enum Operator {
        /** {@code +}. */ ADD,
        /** {@code -}. */ SUBTRACT,
        /** {@code *}. */ MULTIPLY,
        /** {@code /}. */ DIVIDE,
        /** {@code %}. */ MODULO,
        /** {@code ||}, or {@code concat()} where {@code ||} means OR (MySQL). */ CONCAT
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitOperation(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
