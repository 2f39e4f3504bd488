package io.retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A table under another name, {@code user_account AS u}, for self-joins and correlated subqueries:
 *
 * <pre>{@code
 * TableAlias manager = employees.alias("manager");
 * select(employees.c("name"), manager.c("name")).join(manager, employees.c("manager_id").eq(manager.c("id")))
 * }</pre>
 */
public final class TableAlias implements TableReference {
    private final TableReference table;
    private final String name;
    private final List<DerivedColumn<?>> columns;

    TableAlias(TableReference table, String name) {
        this.table = Objects.requireNonNull(table, "table");
        this.name = Objects.requireNonNull(name, "name");
        List<DerivedColumn<?>> derived = new ArrayList<>();
        for (ColumnReference<?> column : table.columnReferences()) {
            derived.add(new DerivedColumn<>(column.name(), column.type(), this));
        }
        this.columns = List.copyOf(derived);
    }

    /** The aliased table. */
    public TableReference table() {
        return table;
    }

    /** The alias. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public String baseName() {
        return table.baseName();
    }

    @Override
    public List<DerivedColumn<?>> columnReferences() {
        return columns;
    }

    @Override
    public DerivedColumn<?> columnReference(String columnName) {
        table.columnReference(columnName); // fails with the table's own message for an unknown column
        return DerivedColumns.find(columns, columnName, "Alias", name);
    }

    /** The aliased column, typed as {@code Object} for use in statements: {@code u.c("name").eq("x")}. */
    @SuppressWarnings("unchecked")
    public DerivedColumn<Object> c(String columnName) {
        return (DerivedColumn<Object>) columnReference(columnName);
    }

    @Override
    public List<ForeignKeyReference> foreignKeyReferences() {
        return table.foreignKeyReferences();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TableAlias && ((TableAlias) other).table.equals(table)
                && ((TableAlias) other).name.equals(name);
    }

    @Override
    public int hashCode() {
        return table.hashCode() * 31 + name.hashCode();
    }

    /** This table as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
