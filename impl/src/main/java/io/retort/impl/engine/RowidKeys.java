package io.retort.impl.engine;

import io.retort.engine.Result;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.dialect.Dialect;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.ColumnReference;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.sql.Sql;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's RETURNING costs about as much again as the insert: every returned row goes through a temporary table before
 * the statement hands it back. An insert executemany of at least a page whose RETURNING names only columns of its
 * table, into a table whose autoincrement key the sets do not give, therefore goes there as pages without RETURNING,
 * and its rows are read back by rowid afterwards ({@link Dialect#readsInsertedRowsByRowid}). SQLite gives a new row
 * the rowid after the table's largest (after the largest it ever gave, with AUTOINCREMENT), so the n rows of one
 * executemany hold the n rowids up to the last one inserted, in the order of the sets, the order the RETURNING path
 * already relies on for such a key (SQLAlchemy's implicit sentinel).
 *
 * <p>Checked, not assumed. Only a table that a probe of {@code sqlite_master} found to have no trigger, and to be no
 * view, virtual or WITHOUT ROWID table, goes this way: the first executemany into a table uses RETURNING and then
 * probes (it holds the write lock by then, so the probe makes no writer wait). Around the pages, the connection's
 * {@code total_changes()} must grow by exactly the rows inserted (no trigger created since the probe acted), the last
 * rowid inserted must be the table's largest (SQLite picked none at random, which it does once a table holds the
 * largest rowid), and exactly n rows must come back. Where a check fails after the rows went in, the executemany
 * fails with a message that says so, and the table goes by RETURNING again.
 */
final class RowidKeys {
    /**
     * Per table (its quoted, qualified name): whether the probe found it plain (see the class comment). A table found
     * not plain is not probed again: it goes by RETURNING for the engine's life, even once its triggers are dropped.
     */
    private final Map<String, Boolean> plain = new ConcurrentHashMap<>();

    /** The statement's table, where its executemany could go this way: null where it cannot. */
    static @Nullable Table candidate(Insert bare, Set<String> given, Dialect dialect) {
        if (!dialect.readsInsertedRowsByRowid() || !(bare.table() instanceof Table table) || bare.onConflict() != null
                || !bare.prefixes().isEmpty() || bare.returningClause().isEmpty()) {
            return null;
        }
        Column<?> key = table.autoincrementColumn().orElse(null);
        if (key == null || given.contains(key.name()) || rowid(table) == null) {
            return null;
        }
        for (Expression<?> returned : bare.returningClause()) {
            if (!(returned instanceof ColumnReference<?> reference) || reference.tableReference() != table) {
                return null;
            }
        }
        return table;
    }

    /** Whether the last probe found {@code table} plain; null when it was never probed (or a read failed since). */
    @Nullable Boolean plain(Table table, Dialect dialect) {
        return plain.get(name(table, dialect));
    }

    /**
     * After an executemany into {@code table} by RETURNING, holding the write lock: whether a trigger, a view, a
     * virtual table or a WITHOUT ROWID table has its name, in its schema or in {@code temp}, remembered for the next.
     */
    void probe(DefaultConnection connection, Table table, Dialect dialect) {
        String where = " WHERE tbl_name = :table COLLATE NOCASE AND (type IN ('trigger', 'view') OR (type = 'table'"
                + " AND (upper(sql) LIKE 'CREATE VIRTUAL%' OR upper(sql) LIKE '%WITHOUT ROWID%')))";
        String schema = table.schema() == null ? "main" : table.schema();
        Object found = connection.execute(Sql.text("SELECT (SELECT count(*) FROM " + dialect.quote(schema)
                + ".sqlite_master" + where + ") + (SELECT count(*) FROM temp.sqlite_master WHERE tbl_name = :table"
                + " COLLATE NOCASE)"), Map.of("table", table.name())).scalar();
        plain.put(name(table, dialect), found instanceof Number number && number.longValue() == 0);
    }

    /**
     * The executemany of {@code bare} (whose table {@link #plain} found plain) as pages without RETURNING, then its
     * rows read back by rowid: the result holds the RETURNING rows in the order of the sets, as
     * {@link InsertManyExecutor#execute} hands them.
     */
    Result insert(DefaultConnection connection, StatementExecutor executor, Table table, Insert bare,
            List<? extends Map<String, ? extends @Nullable Object>> sets, Dialect dialect) {
        long before = number(connection.execute(Sql.text("SELECT total_changes()")).scalar());
        executor.executeMany(bare.returning(), sets);
        @Nullable Object[] after = connection.execute(Sql.text("SELECT total_changes(), last_insert_rowid()"))
                .arrays().one();
        long changed = number(after[0]) - before;
        long last = number(after[1]);
        String quoted = name(table, dialect);
        if (changed != sets.size()) {
            plain.remove(quoted);
            throw readBackFailed(table, sets.size(), "the connection's count of changed rows grew by " + changed
                    + ", so a trigger created since Retort last looked acted on the insert");
        }
        String rowid = rowid(table);
        StringBuilder sql = new StringBuilder("SELECT ");
        Map<String, SqlType<?>> types = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Expression<?> returned : bare.returningClause()) {
            String name = ((ColumnReference<?>) returned).name();
            sql.append(names.isEmpty() ? "" : ", ").append(dialect.quote(name));
            names.add(name);
            types.put(name, returned.type());
        }
        sql.append(" FROM ").append(quoted).append(" WHERE ").append(rowid).append(" > :after AND (SELECT max(")
                .append(rowid).append(") FROM ").append(quoted).append(") = :last ORDER BY ").append(rowid);
        List<@Nullable Object[]> rows = connection.execute(Sql.text(sql.toString()).columnTypes(types),
                Map.of("after", last - sets.size(), "last", last)).arrays().all();
        if (rows.size() != sets.size()) {
            plain.remove(quoted);
            throw readBackFailed(table, sets.size(), rows.size() + " rows came back by rowid up to the last"
                    + " inserted, " + last + " (SQLite picks rowids at random once a table holds the largest one)");
        }
        RowCursor cursor = new RowCursor(connection, new Columns(names), rows, dialect, sql.toString());
        connection.register(cursor);
        return new DefaultResult(cursor);
    }

    private static InvalidRequestException readBackFailed(Table table, int rows, String why) {
        return new InvalidRequestException("Retort inserted " + rows + " rows into " + table.name() + " without"
                + " RETURNING, as it does on SQLite for a table with no trigger, and could not read them back: " + why
                + ". Roll the transaction back and run the insert again: the table now goes by RETURNING.");
    }

    /** The table's rowid under a name none of its columns takes ({@code rowid}, {@code _rowid_}, {@code oid}). */
    private static @Nullable String rowid(Table table) {
        for (String name : List.of("rowid", "_rowid_", "oid")) {
            if (table.columns().stream().noneMatch(column -> column.name().equalsIgnoreCase(name))) {
                return name;
            }
        }
        return null;
    }

    private static String name(Table table, Dialect dialect) {
        return (table.schema() == null ? "" : dialect.quote(table.schema()) + ".") + dialect.quote(table.name());
    }

    private static long number(@Nullable Object value) {
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("SQLite returned " + value + " for a count of rows");
        }
        return number.longValue();
    }
}
