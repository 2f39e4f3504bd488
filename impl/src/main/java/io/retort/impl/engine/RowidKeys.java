package io.retort.impl.engine;

import io.retort.engine.Result;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.RetortException;
import io.retort.impl.compiler.DdlStatement;
import io.retort.impl.dialect.Dialect;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.ColumnReference;
import io.retort.sql.Executable;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.sql.Sql;
import io.retort.sql.TextClause;
import io.retort.types.SqlType;
import java.sql.SQLException;
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
 * table, into a table whose autoincrement key neither the sets nor a client-side default give, therefore goes there as
 * pages without RETURNING inside a transaction, and its rows are read back by rowid afterwards
 * ({@link Dialect#readsInsertedRowsByRowid}). SQLite gives a new row the rowid after the table's largest (after the
 * largest it ever gave, with AUTOINCREMENT), and the transaction holds the write lock from the first page on, so the n
 * rows of one executemany hold the n rowids up to the last one inserted, in the order of the sets: the order the
 * RETURNING path already relies on for such a key (SQLAlchemy's implicit sentinel).
 *
 * <p>Checked, not assumed. A table goes this way only once a probe found it plain: exactly one table of its name in
 * all the attached schemas, in its own schema, a rowid table (no view, virtual or WITHOUT ROWID table), with no
 * trigger, no ON CONFLICT clause (whose REPLACE deletes rows and whose IGNORE skips them) and no column named as the
 * rowid alias used. The first executemany into a table in a transaction uses RETURNING and then probes (it holds the
 * write lock by then, so the probe makes no writer wait); a table found not plain stays on RETURNING for the engine's
 * life. Around the pages, the statements must report exactly n rows inserted, the connection's
 * {@code total_changes()} must grow by exactly n (no trigger created since the probe acted), the last rowid must be
 * the table's largest (SQLite picked none at random, which it does once a table holds the largest rowid), and exactly
 * n rows must come back. Where a check fails after the rows went in, the executemany fails with a message that says
 * so, and the table goes by RETURNING from then on. DDL run through the engine makes it forget what the probes found.
 */
final class RowidKeys {
    /** What a probe found of a table. */
    enum Probe {
        /** Not probed yet. */
        UNKNOWN,
        /** Plain: its executemanys read their rows back by rowid. */
        PLAIN,
        /** Not plain, or a read back failed: RETURNING. */
        NOT_PLAIN
    }

    /** Per table (its quoted, qualified name), what the probe found: see the class comment. */
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();

    /** The statement's table, where its executemany could go this way: null where it cannot. */
    static @Nullable Table candidate(Insert bare, Set<String> given, Dialect dialect) {
        if (!dialect.readsInsertedRowsByRowid() || !(bare.table() instanceof Table table) || bare.onConflict() != null
                || !bare.prefixes().isEmpty() || bare.returningClause().isEmpty()) {
            return null;
        }
        Column<?> key = InsertManyExecutor.assignedKey(bare, given);
        if (key == null || !table.primaryKeyColumns().equals(List.of(key)) || rowid(table) == null) {
            return null;
        }
        Set<String> names = new java.util.HashSet<>();
        for (Expression<?> returned : bare.returningClause()) {
            if (!(returned instanceof ColumnReference<?> reference) || reference.tableReference() != table
                    || !names.add(reference.name())) {
                return null;
            }
        }
        return table;
    }

    /**
     * Whether the connection's statements run in one transaction (not in AUTOCOMMIT), which this way needs: begins the
     * connection's transaction first, as the insert would.
     */
    static boolean inTransaction(DefaultConnection connection) {
        connection.autobegin(false);
        try {
            return !connection.jdbc().getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * After a statement run through the engine that may have changed the schema (DDL, or text that begins with CREATE,
     * DROP or ALTER): what the probes found is forgotten, so that a table created again with a trigger is probed again.
     * A change made elsewhere (another process, or the JDBC connection itself) is caught by the checks of the read.
     */
    void forgetOnSchemaChange(Executable statement) {
        if (!probes.isEmpty() && (statement instanceof DdlStatement
                || statement instanceof TextClause text && changesSchema(text.text()))) {
            probes.clear();
        }
    }

    private static boolean changesSchema(String sql) {
        String head = sql.stripLeading();
        return head.regionMatches(true, 0, "CREATE", 0, 6) || head.regionMatches(true, 0, "DROP", 0, 4)
                || head.regionMatches(true, 0, "ALTER", 0, 5);
    }

    /** What the probe found of {@code table}. */
    Probe probed(Table table, Dialect dialect) {
        return probes.getOrDefault(name(table, dialect), Probe.UNKNOWN);
    }

    /**
     * After an executemany into {@code table} by RETURNING, in a transaction and so holding the write lock: whether the
     * table is plain (see the class comment), remembered for the next executemany. A probe SQLite cannot run (one
     * older than 3.37, without {@code pragma_table_list}) finds it not plain.
     */
    void probe(DefaultConnection connection, Table table, Dialect dialect) {
        String schema = table.schema() == null ? "main" : table.schema();
        String named = " tbl_name = :table COLLATE NOCASE";
        String sql = "SELECT (SELECT count(*) FROM pragma_table_list WHERE name = :table COLLATE NOCASE) = 1"
                + " AND (SELECT count(*) FROM pragma_table_list WHERE name = :table COLLATE NOCASE"
                + " AND schema = :schema COLLATE NOCASE AND type = 'table' AND wr = 0) = 1"
                + " AND (SELECT count(*) FROM " + dialect.quote(schema) + ".sqlite_master WHERE" + named
                + " AND (type = 'trigger' OR type = 'table' AND upper(sql) LIKE '%CONFLICT%')) = 0"
                + " AND (SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND" + named + ") = 0"
                + " AND (SELECT count(*) FROM pragma_table_info(:table, :schema) WHERE name = :rowid"
                + " COLLATE NOCASE) = 0";
        Probe found;
        try {
            Object plain = connection.execute(Sql.text(sql), Map.of("table", table.name(), "schema", schema,
                    "rowid", java.util.Objects.requireNonNull(rowid(table)))).scalar();
            found = plain instanceof Number number && number.longValue() == 1 ? Probe.PLAIN : Probe.NOT_PLAIN;
        } catch (RetortException e) {
            found = Probe.NOT_PLAIN;
        }
        probes.put(name(table, dialect), found);
    }

    /**
     * The executemany of {@code bare} into a table the probe found plain, in a transaction, as pages without
     * RETURNING, then its rows read back by rowid: the result holds the RETURNING rows in the order of the sets, as
     * {@link InsertManyExecutor#execute} hands them.
     */
    Result insert(DefaultConnection connection, StatementExecutor executor, Table table, Insert bare,
            List<? extends Map<String, ? extends @Nullable Object>> sets, Dialect dialect) {
        long before = number(connection.execute(Sql.text("SELECT total_changes()")).scalar());
        long inserted = executor.executeMany(bare.returning(), sets).rowCount();
        @Nullable Object[] after = connection.execute(Sql.text("SELECT total_changes(), last_insert_rowid()"))
                .arrays().one();
        long changed = number(after[0]) - before;
        long last = number(after[1]);
        if (inserted != sets.size() || changed != sets.size()) {
            throw readBackFailed(table, dialect, sets.size(), "the statements reported " + inserted + " rows inserted"
                    + " and the connection's count of changed rows grew by " + changed + ", so a trigger or a"
                    + " conflict clause created since Retort last looked acted on the insert");
        }
        String rowid = java.util.Objects.requireNonNull(rowid(table));
        String quoted = name(table, dialect);
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
        List<@Nullable Object[]> rows;
        try {
            rows = connection.execute(Sql.text(sql.toString()).columnTypes(types),
                    Map.of("after", last - sets.size(), "last", last)).arrays().all();
        } catch (RuntimeException e) {
            probes.put(quoted, Probe.NOT_PLAIN);
            throw e;
        }
        if (rows.size() != sets.size()) {
            throw readBackFailed(table, dialect, sets.size(), rows.size() + " rows came back by rowid up to the last"
                    + " inserted, " + last + " (SQLite picks rowids at random once a table holds the largest one)");
        }
        RowCursor cursor = new RowCursor(connection, new Columns(names), rows, dialect, sql.toString());
        connection.register(cursor);
        return new DefaultResult(cursor);
    }

    private InvalidRequestException readBackFailed(Table table, Dialect dialect, int rows, String why) {
        probes.put(name(table, dialect), Probe.NOT_PLAIN);
        return new InvalidRequestException("Retort inserted " + rows + " rows into " + name(table, dialect)
                + " without RETURNING, as it does on SQLite for a table with no trigger, and could not read them back: "
                + why + ". Roll the transaction back and run the insert again: the table goes by RETURNING from now"
                + " on.");
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
            throw new IllegalStateException("SQLite returned " + value + " where a number was expected");
        }
        return number.longValue();
    }
}
