package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rows given in the statement, used as a table in a FROM clause (SQLAlchemy's {@code values(column(...), ...,
 * name=...).data([...])}), made by {@link Sql#values(String)}:
 *
 * <pre>{@code
 * Values v = values("v").column("id", INTEGER).column("name", string(10))
 *         .data(List.of(List.of(1, "a"), List.of(2, "b")));
 * select(v.c("id"), v.c("name")).where(v.c("id").gt(1));
 * // SELECT v.id, v.name FROM (VALUES (?, ?), (?, ?)) AS v (id, name) WHERE v.id > ?
 * }</pre>
 *
 * <p>PostgreSQL and H2 get {@code (VALUES ...) AS v (columns)}; SQLite, MariaDB and MySQL, whose VALUES tables
 * cannot name their columns, get the same rows as {@code (SELECT ? AS id, ? AS name UNION ALL SELECT ?, ?) AS v}.
 * Immutable.
 */
public final class Values implements TableReference {
    private final String name;
    private final List<DerivedColumn<?>> columns;
    private final List<List<Expression<?>>> rows;

    private Values(String name, List<DerivedColumn<?>> columns, List<List<Expression<?>>> rows) {
        this.name = Objects.requireNonNull(name, "name");
        List<DerivedColumn<?>> owned = new ArrayList<>(columns.size());
        for (DerivedColumn<?> column : columns) {
            owned.add(new DerivedColumn<>(column.name(), column.type(), this)); // FROM finds this copy, with its rows
        }
        this.columns = List.copyOf(owned);
        this.rows = List.copyOf(rows);
    }

    /** An empty VALUES table named {@code name}: add columns, then rows with {@link #data}. */
    static Values named(String name) {
        return new Values(name, List.of(), List.of());
    }

    /** A copy with one more column; rows given before are dropped (each row must have every column). */
    public Values column(String columnName, SqlType<?> type) {
        List<DerivedColumn<?>> more = new ArrayList<>(columns);
        for (DerivedColumn<?> column : columns) {
            if (column.name().equals(columnName)) {
                throw new InvalidArgumentException("VALUES " + name + " already has a column '" + columnName + "'");
            }
        }
        more.add(new DerivedColumn<>(columnName, Objects.requireNonNull(type, "type"), this));
        return new Values(name, more, List.of());
    }

    /**
     * A copy with these rows, each a list of one value per column in column order; a value may be an
     * {@link Expression}.
     *
     * @throws InvalidArgumentException if there is no row, no column, or a row has another number of values
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Values data(List<? extends List<?>> data) {
        if (columns.isEmpty()) {
            throw new InvalidArgumentException("VALUES " + name + " has no column; add them with column(name, type)"
                    + " before data(...)");
        }
        if (data.isEmpty()) {
            throw new InvalidArgumentException("VALUES " + name + " needs at least one row: an empty VALUES is not"
                    + " SQL; use a query whose WHERE is false instead");
        }
        List<List<Expression<?>>> all = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            List<?> row = data.get(r);
            if (row.size() != columns.size()) {
                throw new InvalidArgumentException("Row " + (r + 1) + " of VALUES " + name + " has " + row.size()
                        + " values, but the columns are " + columns.stream().map(DerivedColumn::name).toList());
            }
            List<Expression<?>> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                values.add(value instanceof Expression<?> ? (Expression<?>) value
                        : BindParameter.of((SqlType) columns.get(i).type(), value));
            }
            all.add(List.copyOf(values));
        }
        return new Values(name, columns, all);
    }

    /** The rows, each one expression per column. */
    public List<List<Expression<?>>> rows() {
        return rows;
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
        return DerivedColumns.find(columns, columnName, "VALUES", name);
    }

    /** The column, typed as {@code Object} for use in statements. */
    @SuppressWarnings("unchecked")
    public DerivedColumn<Object> c(String columnName) {
        return (DerivedColumn<Object>) columnReference(columnName);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Values && ((Values) other).name.equals(name)
                && ((Values) other).columns.equals(columns) && ((Values) other).rows.equals(rows)
                && DerivedColumns.typesEqual(columns, ((Values) other).columns);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + rows.size();
    }

    /** This table as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
