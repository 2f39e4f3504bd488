package io.retort.sql;

import io.retort.types.SqlType;

/**
 * {@code CAST(expression AS type)}, made by {@link Sql#cast}.
 *
 * @param expression the cast expression
 * @param type the target type
 * @param <T> the Java type of the result
 */
public record Cast<T>(Expression<?> expression, SqlType<T> type) implements Expression<T> {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitCast(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
