package io.retort.sql;

import java.util.List;

/** A table the expression language can select from and write to; {@code io.retort.schema.Table} is one. */
public interface TableReference extends FromClause {
    /** The table's name. */
    String name();

    /** The schema the table is in, or null (the connection's current schema; always null for an alias or CTE). */
    default @org.jspecify.annotations.Nullable String schema() {
        return null;
    }

    /** The name of the underlying table, for matching foreign keys; an alias gives its table's name. */
    default String baseName() {
        return name();
    }

    /** {@code table.*} as a result column: {@code select(users.star())} gives {@code SELECT users.* FROM users}. */
    default Star star() {
        return new Star(this);
    }

    /** This table under another name, {@code table AS name}. */
    default TableAlias alias(String name) {
        return new TableAlias(this, name);
    }

    /** The table's columns. */
    List<? extends ColumnReference<?>> columnReferences();

    /**
     * The column with this name.
     *
     * @throws io.retort.exception.InvalidArgumentException if there is none
     */
    ColumnReference<?> columnReference(String name);

    /** The table's foreign keys, for joins that infer their ON clause. */
    default List<ForeignKeyReference> foreignKeyReferences() {
        return List.of();
    }

    @Override
    default void accept(SqlVisitor visitor) {
        visitor.visitTable(this);
    }
}
