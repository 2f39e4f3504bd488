package io.retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code INSERT INTO table (columns) VALUES (...)}; immutable and generative.
 *
 * <pre>{@code
 * insert(users).values(Map.of("name", "spongebob", "fullname", "Spongebob Squarepants"))
 * // INSERT INTO user_account (name, fullname) VALUES (?, ?)
 * }</pre>
 *
 * Columns given no value but having a client-side default ({@code column(...).defaultValue(...)}) get it, computed
 * at each execution.
 */
public final class Insert implements Executable, SqlNode {
    private final TableReference table;
    private final List<List<Assignment>> rows;
    private final List<Expression<?>> returning;
    private final @Nullable OnConflict onConflict;
    private final @Nullable SqlNode fromSelect;
    private final List<String> selectColumns;
    private final List<Prefix> prefixes;

    private Insert(TableReference table, List<List<Assignment>> rows, List<Expression<?>> returning,
            @Nullable OnConflict onConflict, List<Prefix> prefixes) {
        this(table, rows, returning, onConflict, null, List.of(), prefixes);
    }

    private Insert(TableReference table, List<List<Assignment>> rows, List<Expression<?>> returning,
            @Nullable OnConflict onConflict, @Nullable SqlNode fromSelect, List<String> selectColumns,
            List<Prefix> prefixes) {
        this.prefixes = List.copyOf(prefixes);
        this.table = Objects.requireNonNull(table, "table");
        this.rows = List.copyOf(rows);
        this.returning = List.copyOf(returning);
        this.onConflict = onConflict;
        this.fromSelect = fromSelect;
        this.selectColumns = List.copyOf(selectColumns);
    }

    static Insert into(TableReference table) {
        return new Insert(table, List.of(), List.of(), null, List.of());
    }

    /**
     * {@code INSERT INTO table (columns) SELECT ...}: the rows come from a query.
     *
     * @throws io.retort.exception.InvalidArgumentException if a column is unknown or the counts differ
     */
    public Insert fromSelect(List<String> columns, Select select) {
        return fromQuery(columns, select, select.columns().size());
    }

    /**
     * {@code INSERT INTO table (columns) SELECT ... UNION SELECT ...}: the rows come from a set operation.
     *
     * @throws io.retort.exception.InvalidArgumentException if a column is unknown or the counts differ
     */
    public Insert fromSelect(List<String> columns, CompoundSelect union) {
        return fromQuery(columns, union, union.selects().get(0).columns().size());
    }

    private Insert fromQuery(List<String> columns, SqlNode query, int width) {
        for (String column : columns) {
            table.columnReference(column);
        }
        if (columns.size() != width) {
            throw new io.retort.exception.InvalidArgumentException("fromSelect names " + columns.size()
                    + " columns of " + table.name() + " but the SELECT gives " + width);
        }
        return new Insert(table, List.of(), returning, onConflict, query, columns, prefixes);
    }

    /**
     * Whether values were given ({@link #values} or {@link #fromSelect}). A bare {@code insert(table)} takes its rows
     * from an executemany's parameter maps: {@code conn.execute(insert(users), List.of(Map.of(...), ...))}.
     */
    public boolean hasValues() {
        return !rows.isEmpty() || fromSelect != null;
    }

    /** The SELECT of an INSERT ... SELECT, or null (also for a set operation: see {@link #fromQuery()}). */
    public @Nullable Select fromSelectClause() {
        return fromSelect instanceof Select ? (Select) fromSelect : null;
    }

    /** The query of an INSERT ... SELECT: a {@link Select} or a {@link CompoundSelect}; null for VALUES. */
    public @Nullable SqlNode fromQuery() {
        return fromSelect;
    }

    /** The target columns of an INSERT ... SELECT. */
    public List<String> selectColumns() {
        return selectColumns;
    }

    /**
     * One row of the columns' defaults: {@code INSERT INTO table DEFAULT VALUES} ({@code INSERT INTO table () VALUES ()}
     * on MySQL and MariaDB); columns with a client-side default get it.
     */
    public Insert defaultValues() {
        return new Insert(table, List.of(List.of()), returning, onConflict, prefixes);
    }

    /**
     * Sets the values of one row by column name; a value may be an {@link Expression}. An empty map is a row of the
     * columns' defaults, as {@link #defaultValues()} (SQLAlchemy's {@code insert(t).values({})}).
     */
    public Insert values(Map<String, ? extends @Nullable Object> columnValues) {
        if (columnValues.isEmpty()) {
            return defaultValues();
        }
        return new Insert(table, List.of(Assignments.of(table, columnValues)), returning, onConflict, prefixes);
    }

    /**
     * Sets several rows, inserted by one multi-row {@code VALUES (...), (...)} statement; every row must name the
     * same columns.
     *
     * A single empty map is a row of the columns' defaults ({@link #defaultValues()}); several have no multi-row form.
     *
     * @throws io.retort.exception.InvalidArgumentException if the list is empty, the rows name other columns, or
     *     several rows name no column
     */
    public Insert values(List<? extends Map<String, ? extends @Nullable Object>> rowValues) {
        if (rowValues.isEmpty()) {
            throw new io.retort.exception.InvalidArgumentException("values() needs at least one row for "
                    + table.name());
        }
        List<List<Assignment>> all = new ArrayList<>();
        java.util.Set<String> keys = rowValues.get(0).keySet();
        if (keys.isEmpty() && rowValues.stream().allMatch(Map::isEmpty)) {
            if (rowValues.size() == 1) {
                return defaultValues();
            }
            throw new io.retort.exception.InvalidArgumentException(rowValues.size() + " rows of " + table.name()
                    + " name no column, and rows of defaults have no multi-row VALUES form; execute insert("
                    + table.name() + ") with the rows as an executemany (conn.execute(insert(table), rows)), which"
                    + " inserts each as DEFAULT VALUES");
        }
        for (int i = 0; i < rowValues.size(); i++) {
            if (!rowValues.get(i).keySet().equals(keys)) {
                throw new io.retort.exception.InvalidArgumentException("Row " + (i + 1) + " of a multi-row insert"
                        + " into " + table.name() + " names columns " + rowValues.get(i).keySet() + ", but the first"
                        + " row names " + keys + "; every row must name the same columns");
            }
            // Each row in the first row's column order.
            Map<String, Object> ordered = new java.util.LinkedHashMap<>();
            for (String key : keys) {
                ordered.put(key, rowValues.get(i).get(key));
            }
            all.add(Assignments.of(table, ordered));
        }
        return new Insert(table, all, returning, onConflict, prefixes);
    }

    /**
     * Upsert that keeps the existing row when the new one collides on {@code conflictColumns}
     * ({@code ON CONFLICT (columns) DO NOTHING}); with no column, on any unique key ({@code ON CONFLICT DO NOTHING}).
     */
    public Insert onConflictDoNothing(String... conflictColumns) {
        return onConflictDoNothing(conflictColumns.length == 0 ? ConflictTarget.any()
                : ConflictTarget.columns(conflictColumns));
    }

    /** Upsert that keeps the existing row when the new one collides on {@code target}. */
    public Insert onConflictDoNothing(ConflictTarget target) {
        checkColumns(target.columns());
        return new Insert(table, rows, returning, new OnConflict(target, List.of()), fromSelect, selectColumns, prefixes);
    }

    /**
     * Upsert that updates {@code updateColumns} of the existing row to the values being inserted when the new one
     * collides on {@code conflictColumns} ({@code ON CONFLICT (k) DO UPDATE SET c = excluded.c}).
     */
    public Insert onConflictDoUpdate(List<String> conflictColumns, List<String> updateColumns) {
        checkColumns(updateColumns);
        if (updateColumns.isEmpty()) {
            throw new io.retort.exception.InvalidArgumentException("onConflictDoUpdate needs columns to update; use"
                    + " onConflictDoNothing to keep the existing row");
        }
        Map<String, Object> set = new java.util.LinkedHashMap<>();
        for (String column : updateColumns) {
            set.put(column, excluded(column));
        }
        return onConflictDoUpdate(ConflictTarget.columns(conflictColumns.toArray(new String[0])), set);
    }

    /**
     * Upsert that sets columns of the existing row to values or expressions when the new row collides on
     * {@code target}; {@link #excluded(String)} is the value the INSERT proposed:
     *
     * <pre>{@code
     * Insert upsert = insert(stock).values(Map.of("sku", "A", "qty", 5));
     * upsert.onConflictDoUpdate(ConflictTarget.columns("sku"),
     *         Map.of("qty", stock.c("qty").plus(upsert.excluded("qty"))))
     * // INSERT INTO stock (sku, qty) VALUES (?, ?)
     * // ON CONFLICT (sku) DO UPDATE SET qty = (stock.qty + excluded.qty)        -- PostgreSQL, SQLite
     * // ON DUPLICATE KEY UPDATE qty = (stock.qty + VALUES(qty))                 -- MySQL, MariaDB
     * }</pre>
     *
     * @throws io.retort.exception.InvalidArgumentException if a column is unknown or nothing is set
     */
    public Insert onConflictDoUpdate(ConflictTarget target, Map<String, ? extends @Nullable Object> set) {
        checkColumns(target.columns());
        return new Insert(table, rows, returning, new OnConflict(target, Assignments.of(table, set)), fromSelect,
                selectColumns, prefixes);
    }

    /**
     * The value this INSERT proposed for {@code column}, for an upsert's update: {@code excluded.column}
     * ({@code VALUES(column)} on MySQL and MariaDB).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Excluded<Object> excluded(String column) {
        return new Excluded<>((ColumnReference) table.columnReference(column));
    }

    private void checkColumns(List<String> names) {
        for (String name : names) {
            table.columnReference(name);
        }
    }

    /** The upsert behaviour, or null for a plain INSERT. */
    public @Nullable OnConflict onConflict() {
        return onConflict;
    }

    /**
     * {@code RETURNING columns...}: the statement returns rows (PostgreSQL, SQLite 3.35+, MariaDB 10.5+; H2 as
     * {@code SELECT columns FROM FINAL TABLE (INSERT ...)}; elsewhere a compile error names the database).
     */
    public Insert returning(Expression<?>... columns) {
        return new Insert(table, rows, List.of(columns), onConflict, fromSelect, selectColumns, prefixes);
    }

    /** The RETURNING expressions (empty without RETURNING). */
    public List<Expression<?>> returningClause() {
        return returning;
    }


    /**
     * Adds words after the statement's keyword, as SQLAlchemy's {@code prefix_with}: {@code prefixWith("IGNORE",
     * "mysql", "mariadb")} gives {@code INSERT IGNORE ...} on those dialects only (none named: every dialect). The words
     * are SQL text, spliced as given: never pass values from users.
     *
     * @throws io.retort.exception.InvalidArgumentException if the text is blank or holds {@code ;} or a comment
     */
    public Insert prefixWith(String text, String... dialects) {
        List<Prefix> more = new java.util.ArrayList<>(prefixes);
        more.add(Prefix.of(text, dialects));
        return new Insert(table, rows, returning, onConflict, fromSelect, selectColumns, more);
    }

    /**
     * This INSERT ... RETURNING as a named subquery, {@code WITH name AS (INSERT ... RETURNING ...)}, to select from
     * (PostgreSQL's data-modifying CTE, as SQLAlchemy's {@code cte()} of a DML statement); its columns are the
     * RETURNING columns. Other databases refuse it at compile time.
     *
     * @throws io.retort.exception.InvalidArgumentException if the statement has no RETURNING columns
     */
    public CommonTableExpression cte(String name) {
        return CommonTableExpression.ofDml(name, this, returningClause());
    }

    /** The prefixes given with {@link #prefixWith}, in order. */
    public List<Prefix> prefixes() {
        return prefixes;
    }

    /** The target table. */
    public TableReference table() {
        return table;
    }

    /** Each row's values followed by the client-side defaults of the columns it does not give. */
    public List<List<Assignment>> rows() {
        List<List<Assignment>> all = new ArrayList<>();
        for (List<Assignment> row : rows.isEmpty() ? List.<List<Assignment>>of(List.of()) : rows) {
            all.add(withDefaults(row));
        }
        return all;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Assignment> withDefaults(List<Assignment> values) {
        List<Assignment> all = new ArrayList<>(values);
        Set<String> given = new HashSet<>();
        for (Assignment assignment : values) {
            given.add(assignment.column().name());
        }
        for (ColumnReference<?> column : table.columnReferences()) {
            if (!given.contains(column.name()) && column.clientDefault() != null) {
                all.add(new Assignment(column, BindParameter.computed((io.retort.types.SqlType) column.type(),
                        column.clientDefault())));
            }
        }
        return all;
    }

    /** The SQL and parameters for a dialect, without a database. */
    public CompiledSql compile(String dialect) {
        return Sql.compile(this, dialect);
    }

    /** Readable SQL with named parameters. */
    @Override
    public String toString() {
        return Sql.render(this);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitInsert(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Insert && ((Insert) other).table.equals(table) && ((Insert) other).rows.equals(rows)
                && ((Insert) other).returning.equals(returning) && Objects.equals(((Insert) other).onConflict, onConflict)
                && Objects.equals(((Insert) other).fromSelect, fromSelect)
                && ((Insert) other).selectColumns.equals(selectColumns) && ((Insert) other).prefixes.equals(prefixes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, rows, returning, onConflict, fromSelect, selectColumns, prefixes);
    }
}
