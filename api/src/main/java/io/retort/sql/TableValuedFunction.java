package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A function returning rows, used as a table in a FROM clause (SQLAlchemy's {@code table_valued()}), made by
 * {@link FunctionCall#tableValued} and {@link FunctionCall#columnValued}:
 *
 * <pre>{@code
 * TableValuedFunction each = function("json_each", docs.c("body")).tableValued("key", "value").named("kv");
 * select(docs.c("id"), each.c("key"), each.c("value"));
 * // SELECT docs.id, kv."key", kv."value" FROM docs, json_each(docs.body) AS kv
 * TableValuedFunction series = function("generate_series", literal(INTEGER, 1), literal(INTEGER, 3))
 *         .tableValued().column("n", INTEGER).renderDerived();
 * // generate_series(?, ?) AS anon_1(n)
 * }</pre>
 *
 * <p>Its name is {@code anon_1} unless {@link #named} gives one (two unnamed ones in one FROM clash: name them).
 * {@link #renderDerived()} names the columns after the alias, {@code AS anon_1(n)}, where the function's own
 * column names are not the ones wanted (PostgreSQL's {@code unnest} and {@code generate_series}, H2's
 * {@code UNNEST}); SQLite takes no such list. MySQL and MariaDB have no table-valued functions in FROM (MariaDB's
 * {@code JSON_TABLE} has another shape): compiling one there fails naming the database. Immutable.
 */
public final class TableValuedFunction implements TableReference {
    /** The name of a table-valued function not given one, as SQLAlchemy's first anonymous alias. */
    public static final String DEFAULT_NAME = "anon_1";

    private final FunctionCall<?> function;
    private final String name;
    private final List<DerivedColumn<?>> columns;
    private final boolean derived;
    private final boolean withTypes;
    private final boolean lateral;
    private final boolean columnValued;

    private TableValuedFunction(FunctionCall<?> function, String name, List<DerivedColumn<?>> columns,
            boolean derived, boolean withTypes, boolean lateral, boolean columnValued) {
        this.function = Objects.requireNonNull(function, "function");
        this.name = Objects.requireNonNull(name, "name");
        List<DerivedColumn<?>> owned = new ArrayList<>(columns.size());
        for (DerivedColumn<?> column : columns) {
            owned.add(new DerivedColumn<>(column.name(), column.type(), this));
        }
        this.columns = List.copyOf(owned);
        this.derived = derived;
        this.withTypes = withTypes;
        this.lateral = lateral;
        this.columnValued = columnValued;
    }

    static TableValuedFunction of(FunctionCall<?> function, List<String> columnNames) {
        List<DerivedColumn<?>> columns = new ArrayList<>();
        TableValuedFunction empty = new TableValuedFunction(function, DEFAULT_NAME, List.of(), false, false, false,
                false);
        for (String columnName : columnNames) {
            empty = empty.column(columnName, Types.UNKNOWN);
        }
        return empty;
    }

    static TableValuedFunction columnValued(FunctionCall<?> function, String name) {
        return new TableValuedFunction(function, name, List.of(new DerivedColumn<>(name, function.type(),
                Values.named(name))), false, false, false, true);
    }

    /** A copy with one more column, of a type (its values are read as that type). */
    public TableValuedFunction column(String columnName, SqlType<?> type) {
        for (DerivedColumn<?> column : columns) {
            if (column.name().equals(columnName)) {
                throw new InvalidArgumentException("Table-valued function " + function.name() + " already has a"
                        + " column '" + columnName + "'");
            }
        }
        List<DerivedColumn<?>> more = new ArrayList<>(columns);
        more.add(new DerivedColumn<>(columnName, Objects.requireNonNull(type, "type"), this));
        return new TableValuedFunction(function, name, more, derived, withTypes, lateral, columnValued);
    }

    /** A copy named {@code alias} in the FROM clause ({@code json_each(x) AS alias}). */
    public TableValuedFunction named(String alias) {
        return new TableValuedFunction(function, alias, columns, derived, withTypes, lateral, columnValued);
    }

    /**
     * Refused: {@code alias(...)} would wrap the function in another alias; use {@link #named(String)}.
     *
     * @throws InvalidArgumentException always
     */
    @Override
    public TableAlias alias(String alias) {
        throw new InvalidArgumentException("A table-valued function is named with named(\"" + alias + "\"), not"
                + " alias(...)");
    }

    /** A copy that names its columns after its alias: {@code AS anon_1(key, value)}. */
    public TableValuedFunction renderDerived() {
        return new TableValuedFunction(function, name, columns, true, false, lateral, columnValued);
    }

    /**
     * A copy that names its columns with their types after its alias, {@code AS anon_1(a INTEGER, b VARCHAR)}, as
     * PostgreSQL's functions returning {@code record} ({@code json_to_recordset}) need.
     */
    public TableValuedFunction renderDerivedWithTypes() {
        return new TableValuedFunction(function, name, columns, true, true, lateral, columnValued);
    }

    /** A copy written {@code LATERAL f(...)}: its arguments may refer to the FROM items before it. */
    public TableValuedFunction lateral() {
        return new TableValuedFunction(function, name, columns, derived, withTypes, true, columnValued);
    }

    /** The function called. */
    public FunctionCall<?> function() {
        return function;
    }

    /** Whether the columns are named after the alias. */
    public boolean isDerived() {
        return derived;
    }

    /** Whether the column list names the types too. */
    public boolean isDerivedWithTypes() {
        return withTypes;
    }

    /** Whether it is written LATERAL. */
    public boolean isLateral() {
        return lateral;
    }

    /**
     * Whether it is the FROM item of a {@link FunctionCall#columnValued column-valued} function: its one column is
     * the alias itself ({@code SELECT x FROM unnest(?) AS x}).
     */
    public boolean isColumnValued() {
        return columnValued;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<DerivedColumn<?>> columnReferences() {
        return columns;
    }

    @Override
    public DerivedColumn<?> columnReference(String columnName) {
        return DerivedColumns.find(columns, columnName, "Table-valued function", function.name() + " AS " + name);
    }

    /** The column, typed as {@code Object} for use in statements. */
    @SuppressWarnings("unchecked")
    public DerivedColumn<Object> c(String columnName) {
        return (DerivedColumn<Object>) columnReference(columnName);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof TableValuedFunction)) {
            return false;
        }
        TableValuedFunction that = (TableValuedFunction) other;
        return that.name.equals(name) && that.function.equals(function) && that.derived == derived
                && that.withTypes == withTypes && that.lateral == lateral && that.columnValued == columnValued
                && that.columns.equals(columns) && DerivedColumns.typesEqual(columns, that.columns);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + function.hashCode();
    }

    /** This table as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
