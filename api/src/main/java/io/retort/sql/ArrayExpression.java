package io.retort.sql;

import io.retort.types.SqlType;
import java.util.List;
import java.util.Objects;

/**
 * An expression on arrays, made by {@link SqlArray}: an array literal {@code ARRAY[a, b]}, an element
 * {@code x[i]}, a slice {@code x[i:j]}, or the right side of a quantified comparison, {@code ANY (x)} /
 * {@code ALL (x)}.
 *
 * @param kind what it is
 * @param operands the elements of a literal; the array then the index (or the bounds) of an element or slice; the
 *     array of ANY / ALL
 * @param type its type: an array type for a literal and a slice, the element type for an element, ANY and ALL
 * @param <T> the Java type of its value
 */
public record ArrayExpression<T>(Kind kind, List<Expression<?>> operands, SqlType<T> type) implements Expression<T> {
    /** The kinds of array expression. */
    public enum Kind {
        /** {@code ARRAY[a, b, ...]}. */ LITERAL,
        /** {@code x[i]}, 1-based. */ ELEMENT,
        /** {@code x[i:j]}, 1-based and inclusive. */ SLICE,
        /** {@code ANY (x)}, the right side of a comparison. */ ANY,
        /** {@code ALL (x)}, the right side of a comparison. */ ALL
    }

    /** Copies the operands. */
    public ArrayExpression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        operands = List.copyOf(operands);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitArray(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
