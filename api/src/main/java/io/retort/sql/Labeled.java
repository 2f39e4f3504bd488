package io.retort.sql;

import io.retort.types.SqlType;

/**
 * {@code expression AS name}: names a result column.
 *
 * @param expression the labeled expression
 * @param name the label
 * @param <T> the Java type of the values
 */
public record Labeled<T>(Expression<T> expression, String name) implements Expression<T> {
    @Override
    public SqlType<T> type() {
        return expression.type();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitLabeled(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
