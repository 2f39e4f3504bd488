package io.retort.sql;

/**
 * {@code column = value} in an INSERT or UPDATE.
 *
 * @param column the target column
 * @param value the value
 */
public record Assignment(ColumnReference<?> column, Expression<?> value) {
}
