package io.retort.sql;

import io.retort.types.SqlType;

/**
 * A column of a table alias or a common table expression: its name and type, qualified by the alias or CTE name.
 *
 * @param name the column's name
 * @param type its type
 * @param tableReference the alias or CTE it belongs to
 * @param <T> the Java type of the values
 */
public record DerivedColumn<T>(String name, SqlType<T> type, TableReference tableReference)
        implements ColumnReference<T> {

    @Override
    public boolean equals(Object other) {
        return other instanceof DerivedColumn<?> && ((DerivedColumn<?>) other).name.equals(name)
                && ((DerivedColumn<?>) other).tableReference.name().equals(tableReference.name());
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + tableReference.name().hashCode();
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
