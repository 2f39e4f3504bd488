package io.retort.sql;

import io.retort.types.SqlType;

/**
 * In an upsert's update, the value the INSERT proposed for a column: {@code excluded.c} on PostgreSQL, SQLite and
 * H2, {@code VALUES(c)} on MySQL and MariaDB. Made by {@link Insert#excluded(String)}.
 *
 * @param column the column of the inserted table
 * @param <T> the Java type of the values
 */
public record Excluded<T>(ColumnReference<T> column) implements Expression<T> {
    @Override
    public SqlType<T> type() {
        return column.type();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitExcluded(this);
    }

    /** This expression as SQL in the default dialect, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
