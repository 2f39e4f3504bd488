package io.retort.sql;

import io.retort.types.SqlType;
import java.util.List;

/**
 * An ordered-set aggregate, {@code percentile_cont(?) WITHIN GROUP (ORDER BY x)}, as SQLAlchemy's
 * {@code within_group}: made by {@link FunctionCall#withinGroup}. PostgreSQL and H2 have them; MySQL, MariaDB and
 * SQLite refuse it at compile time.
 *
 * @param function the aggregate
 * @param orderBy the order of the rows it aggregates
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record WithinGroup<T>(FunctionCall<?> function, List<OrderBy> orderBy, SqlType<T> type)
        implements Expression<T> {
    /** Copies the order. */
    public WithinGroup {
        orderBy = List.copyOf(orderBy);
        if (orderBy.isEmpty()) {
            throw new io.retort.exception.InvalidArgumentException("WITHIN GROUP of " + function.name() + "(...)"
                    + " needs an ORDER BY expression, e.g. withinGroup(t.c(\"x\").asc())");
        }
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitWithinGroup(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
