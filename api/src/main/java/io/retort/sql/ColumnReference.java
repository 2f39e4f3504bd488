package io.retort.sql;

/**
 * A column the expression language can refer to; {@code io.retort.schema.Column} is one.
 *
 * @param <T> the Java type of the column's values
 */
public interface ColumnReference<T> extends Expression<T> {
    /** The column's name. */
    String name();

    /** The table it belongs to. */
    TableReference tableReference();

    /** The client-side default an INSERT uses when it gives the column no value, or null. */
    default java.util.function.@org.jspecify.annotations.Nullable Supplier<?> clientDefault() {
        return null;
    }

    @Override
    default void accept(SqlVisitor visitor) {
        visitor.visitColumn(this);
    }
}
