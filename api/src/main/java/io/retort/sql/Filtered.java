package io.retort.sql;

import io.retort.types.SqlType;

/**
 * {@code aggregate(...) FILTER (WHERE predicate)}, made by {@link FunctionCall#filter(Predicate)}; where the
 * database has no FILTER (MySQL, MariaDB) each argument becomes {@code CASE WHEN predicate THEN argument END}.
 *
 * @param function the aggregate
 * @param predicate the rows it aggregates
 * @param <T> the Java type of the result
 */
public record Filtered<T>(FunctionCall<T> function, Predicate predicate) implements Expression<T> {
    @Override
    public SqlType<T> type() {
        return function.type();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitFiltered(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
