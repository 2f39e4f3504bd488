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

    /**
     * The type of {@code left op right} for arithmetic, as SQLAlchemy's type coercion gives it: the left operand's
     * type, unless the right one is of a wider numeric kind (an integer divided by a decimal is a decimal, 5 / 2.0 is
     * 2.5, never 2). The Java type parameter stays the left operand's: read such a result with the wider class, e.g.
     * {@code row.get(0, BigDecimal.class)}.
     */
    @SuppressWarnings("unchecked")
    static <T> SqlType<T> arithmeticType(SqlType<T> left, SqlType<?> right) {
        return numericRank(right.javaType()) > numericRank(left.javaType()) && numericRank(left.javaType()) > 0
                ? (SqlType<T>) right : left;
    }

    /** 0 for what is not a number, then integers by width, decimals, floating point. */
    private static int numericRank(Class<?> type) {
        if (type == Byte.class || type == Short.class || type == Integer.class) {
            return 1;
        }
        if (type == Long.class) {
            return 2;
        }
        if (type == java.math.BigInteger.class) {
            return 3;
        }
        if (type == java.math.BigDecimal.class) {
            return 4;
        }
        return type == Float.class || type == Double.class ? 5 : 0;
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
