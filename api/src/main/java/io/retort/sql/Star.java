package io.retort.sql;

import io.retort.types.SqlType;
import io.retort.types.Types;
import org.jspecify.annotations.Nullable;

/**
 * {@code *} or {@code table.*} as a result column ({@link Sql#star()}, {@link TableReference#star()}). It stands for
 * any number of columns, each read as the driver gives it.
 *
 * @param table the table whose columns it stands for, or null for every table of the FROM clause
 */
public record Star(@Nullable TableReference table) implements Expression<Object> {
    @Override
    public SqlType<Object> type() {
        return Types.UNKNOWN;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitStar(this);
    }

    /** This expression as SQL in the default dialect, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
