package io.retort.sql;

import io.retort.types.SqlType;

/**
 * A SELECT used as a scalar value, {@code (SELECT ...)}, made by {@link Select#scalarSubquery()}. Tables of the
 * enclosing statement are correlated, not repeated in the subquery's FROM.
 *
 * @param select the subquery
 * @param type the type of its single column
 * @param <T> the Java type of the value
 */
public record Subquery<T>(Select select, SqlType<T> type) implements Expression<T> {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitSubquery(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
