package io.retort.impl.engine;

import io.retort.engine.Result;
import io.retort.engine.StatementEvent;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.InsertReturningStyle;
import io.retort.impl.dialect.ParameterBinder;
import io.retort.schema.Table;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The insertmanyvalues executor: an executemany of {@code insert(table).returning(...)} as multi-row VALUES pages (on
 * H2 each page a query of the insert's {@code FINAL TABLE}), or as a JDBC batch with generated keys where the database
 * has no INSERT ... RETURNING. One per connection.
 */
final class InsertManyExecutor {
    private final DefaultConnection connection;
    private final StatementExecutor executor;
    private final DefaultEngine engine;
    private final Dialect dialect;
    private final SqlLog log;

    InsertManyExecutor(DefaultConnection connection, StatementExecutor executor, DefaultEngine engine) {
        this.connection = connection;
        this.executor = executor;
        this.engine = engine;
        this.dialect = engine.dialect();
        this.log = engine.log();
    }

    /** Rows of an insert executemany per statement where RETURNING is used, as SQLAlchemy's insertmanyvalues. */
    private static final int INSERT_MANY_PAGE = 1000;

    /**
     * An executemany of {@code insert(table).returning(...)}: the RETURNING rows come back one per parameter set, in
     * the order of the sets. Where the database has INSERT ... RETURNING, the rows go in multi-row
     * {@code VALUES (...), (...)} statements of up to 1,000 rows (fewer when the bind-parameter limit requires), whose
     * rows the database returns in VALUES order (SQLite documents their order as arbitrary: each page is put in the
     * order of the autoincrement keys it assigned where RETURNING names one the sets do not give, SQLAlchemy's
     * implicit sentinel, or matched to the sets by the primary key they give, which RETURNING then names, added by
     * Retort and dropped from the rows when the application's RETURNING does not; without either, each row is a
     * statement of its own; H2 writes the page as {@code SELECT ... FROM FINAL TABLE (INSERT
     * ...)}, whose rows come in VALUES order too: 35 to 40% less work there than a batch read with
     * {@code getGeneratedKeys}); elsewhere (MySQL) they go as one JDBC batch and the columns come back as the driver's
     * generated keys. The full pages share one SQL text, and so one {@code PreparedStatement}:
     * SQLite parses a statement at every {@code prepareStatement}, which for 1,000 rows costs as much as running it.
     * On SQLite, an executemany of at least a page into a table with no trigger may go without RETURNING, its rows
     * then read back by rowid ({@link RowidKeys}).
     */
    Result execute(Insert bare, List<? extends Map<String, ? extends @Nullable Object>> sets) {
        Table byRowid = sets.size() >= INSERT_MANY_PAGE ? RowidKeys.candidate(bare, sets.get(0).keySet(), dialect)
                : null;
        if (byRowid == null || !RowidKeys.inTransaction(connection)) {
            return returning(bare, sets);
        }
        RowidKeys.Probe probed = engine.rowidKeys.probed(byRowid, dialect);
        if (probed == RowidKeys.Probe.PLAIN) {
            return engine.rowidKeys.insert(connection, executor, byRowid, bare, sets, dialect);
        }
        Result returned = returning(bare, sets);
        if (probed == RowidKeys.Probe.UNKNOWN) {
            engine.rowidKeys.probe(connection, byRowid, dialect); // the write lock is held: no writer waits on it
        }
        return returned;
    }

    /** {@link #execute} by RETURNING. */
    private Result returning(Insert bare, List<? extends Map<String, ? extends @Nullable Object>> sets) {
        List<Expression<?>> shown = bare.returningClause();
        if (sets.size() > 1 && dialect.supportsReturning("INSERT")
                && dialect.insertReturningStyle() == InsertReturningStyle.RETURNING_CLAUSE_ANY_ORDER
                && sortKey(bare, sets.get(0).keySet(), shown) < 0 && KeyMatch.of(bare, sets, shown) == null) {
            // Nothing in RETURNING correlates the rows with the sets, but each set gives the key: RETURNING takes
            // the key too, the rows are matched by it, and it is dropped from the rows handed back.
            Insert wide = KeyMatch.widened(bare, sets);
            if (wide != null) {
                return execute(wide, sets, shown.size());
            }
        }
        return execute(bare, sets, shown.size());
    }

    /** {@link #execute(Insert, List)} of a statement whose RETURNING columns after the first {@code shown} go. */
    private Result execute(Insert bare, List<? extends Map<String, ? extends @Nullable Object>> sets, int shown) {
        Set<String> columns = sets.get(0).keySet();
        InsertRows layout = InsertRows.of(bare, sets.get(0));
        for (int i = 0; i < sets.size(); i++) {
            layout.checkColumns(sets.get(i), i); // all before the first page is written
        }
        List<Expression<?>> returning = bare.returningClause();
        SqlType<?>[] resultTypes = new SqlType<?>[returning.size()];
        for (int i = 0; i < resultTypes.length; i++) {
            resultTypes[i] = returning.get(i).type();
        }
        List<@Nullable Object[]> rows = new ArrayList<>(sets.size());
        Columns[] resultColumns = new Columns[1];
        String lastSql;
        if (dialect.supportsReturning("INSERT")) {
          try (KeptStatement kept = new KeptStatement()) {
            int perRow = Math.max(1, columns.size() + countDefaults(bare, columns));
            int sortKey = sets.size() > 1 ? sortKey(bare, columns, returning) : -1;
            boolean anyOrder =
                    dialect.insertReturningStyle() == InsertReturningStyle.RETURNING_CLAUSE_ANY_ORDER;
            KeyMatch match = sets.size() > 1 && sortKey < 0 && anyOrder ? KeyMatch.of(bare, sets, returning) : null;
            // Rows that name no column are each a row of defaults (DEFAULT VALUES), which has no multi-row form; where
            // the rows come back in any order and nothing correlates them with the sets, each row is a statement.
            int page = columns.isEmpty() || (sets.size() > 1 && anyOrder && sortKey < 0 && match == null) ? 1
                    : Math.max(1, Math.min(INSERT_MANY_PAGE, dialect.maxBindParameters() / perRow));
            int width = layout.types().length;
            // Rows of plain values and no computed default bind straight from their maps, with no list per page,
            // until a row holds an expression: that page and the rest are then rendered for their rows.
            boolean direct = sets.size() > 1 && width > 0 && !layout.computesDefaults();
            ParameterBinder[] binders = executor.binders(layout.types());
            lastSql = "";
            for (int from = 0; from < sets.size(); from += page) {
                List<? extends Map<String, ? extends @Nullable Object>> chunk =
                        sets.subList(from, Math.min(sets.size(), from + page));
                // A single row (an ORM flush of one new object, say) is the statement's ordinary compiled form,
                // found in the statement cache rather than compiled again for every execution.
                DefaultEngine.Compiled compiled = sets.size() == 1 ? engine.compile(bare.values(chunk.get(0)))
                        : engine.compileMultiRow(bare, sets.get(0), chunk.size(), chunk.size() == page);
                if (direct && compiled.statement().parameterNames().size() == chunk.size() * width) {
                    direct = bindPage(kept, compiled.statement().sql(), layout, chunk, from, binders);
                    if (direct) {
                        lastSql = compiled.statement().sql();
                        int before = rows.size();
                        runInsertMany(compiled, lastSql, List.of(new LazyNamedValues(compiled.statement(),
                                layout.pageValues(chunk))), false, rows, resultColumns, resultTypes,
                                PreparedStatement::executeQuery, null, chunk.size(), kept);
                        inKeyOrder(rows, before, sortKey);
                        if (match != null) {
                            match.order(rows, before, chunk, lastSql);
                        }
                        continue;
                    }
                }
                List<@Nullable Object> values = new ArrayList<>(chunk.size() * layout.types().length);
                SqlType<?>[] types = new SqlType<?>[chunk.size() * layout.types().length];
                // A RETURNING clause with parameters of its own (H2 renders it before the rows) is bound as below.
                boolean plain = compiled.statement().parameterNames().size() == types.length;
                for (int r = 0; r < chunk.size() && plain; r++) {
                    plain = layout.append(chunk.get(r), values, from + r);
                    System.arraycopy(layout.types(), 0, types, r * layout.types().length, layout.types().length);
                }
                List<@Nullable Object> bindValues = values;
                SqlType<?>[] bindTypes = types;
                if (!plain) {
                    // A value is an expression: only a statement built for these rows can render it.
                    // The cache-key walk of the lookup gathers its values: the statement is not walked again.
                    Insert multi = bare.values(chunk);
                    compiled = engine.compile(multi);
                    ExpressionCompiler.Bound bound = compiled.bound(dialect, multi);
                    bindValues = bound.values();
                    bindTypes = bound.types().toArray(new SqlType<?>[0]);
                }
                lastSql = compiled.statement().sql();
                List<Map<String, @Nullable Object>> logged = List.of(new LazyNamedValues(compiled.statement(),
                        bindValues));
                List<@Nullable Object> finalValues = bindValues;
                SqlType<?>[] finalTypes = bindTypes;
                int before = rows.size();
                runInsertMany(compiled, lastSql, logged, false, rows, resultColumns, resultTypes, prepared -> {
                    executor.bindAll(prepared, finalValues, finalTypes);
                    return prepared.executeQuery();
                }, null, chunk.size(), kept);
                inKeyOrder(rows, before, sortKey);
                if (match != null) {
                    match.order(rows, before, chunk, lastSql);
                }
            }
          }
        } else {
            String[] keyColumns = new String[returning.size()];
            for (int i = 0; i < keyColumns.length; i++) {
                if (!(returning.get(i) instanceof io.retort.sql.ColumnReference<?>)) {
                    throw new io.retort.exception.CompileException(dialect.name() + " has no INSERT ... RETURNING;"
                            + " an insert executemany there can only return columns the database generates, as"
                            + " generated keys, but RETURNING names " + returning.get(i));
                }
                keyColumns[i] = ((io.retort.sql.ColumnReference<?>) returning.get(i)).name();
            }
            Insert plain = bare.returning();
            DefaultEngine.Compiled compiled = engine.compile(plain.values(sets.get(0)));
            CompiledStatement plan = compiled.statement();
            List<List<@Nullable Object>> values = new ArrayList<>(sets.size());
            for (int i = 0; i < sets.size(); i++) {
                Map<String, ? extends @Nullable Object> set = sets.get(i);
                List<@Nullable Object> row = layout.values(set, i);
                if (row == null) {
                    row = ExpressionCompiler.collect(dialect, plain.values(set)).values();
                }
                values.add(row);
            }
            List<Map<String, @Nullable Object>> logged = LazyNamedValues.ofRows(plan, values);
            SqlType<?>[] bindTypes = layout.types();
            lastSql = plan.sql();
            runInsertMany(compiled, lastSql, logged, true, rows, resultColumns, resultTypes, prepared -> {
                for (List<@Nullable Object> row : values) {
                    executor.bindAll(prepared, row, bindTypes);
                    prepared.addBatch();
                }
                prepared.executeBatch();
                return prepared.getGeneratedKeys();
            }, keyColumns, sets.size(), null);
        }
        Columns handed = resultColumns[0];
        if (shown < resultTypes.length) { // the key columns added to match the rows
            for (int i = 0; i < rows.size(); i++) {
                rows.set(i, java.util.Arrays.copyOf(rows.get(i), shown));
            }
            handed = new Columns(List.copyOf(handed.names().subList(0, shown)));
        }
        RowCursor cursor = new RowCursor(connection, handed, rows, dialect, lastSql);
        connection.register(cursor);
        return new DefaultResult(cursor);
    }

    /**
     * Whether an executemany of {@code bare} without RETURNING can go as multi-row VALUES pages: a plain
     * {@code insert(table)} (no ON CONFLICT, whose rows may insert nothing, and no prefix such as {@code IGNORE}) of
     * at least one full page.
     */
    static boolean pageable(Insert bare, List<? extends Map<String, ? extends @Nullable Object>> sets) {
        return sets.size() >= 2 && bare.returningClause().isEmpty() && bare.onConflict() == null
                && bare.prefixes().isEmpty() && sets.get(0) != null && !sets.get(0).isEmpty();
    }

    /**
     * An executemany of a plain {@code insert(table)} without RETURNING as multi-row {@code VALUES (...), (...)} pages
     * of up to 1,000 rows (fewer where the bind-parameter limit requires), SQLAlchemy's insertmanyvalues without
     * RETURNING: the full pages share one statement and go as one JDBC batch, each row bound straight from its map;
     * the rows after the last full page go as a batch of the one-row statement. Each row of a page inserts one row,
     * so each parameter set's count is 1 (-1 where the driver does not report the page's count). Null, with nothing
     * run, where the rows are fewer than a page (a batch of the one-row statement), a column computes a client-side
     * default (the same) or a row holds an expression (a statement per row). Every row is checked before the first
     * page is written.
     */
    @Nullable Result executePages(Insert bare, List<? extends Map<String, ? extends @Nullable Object>> sets) {
        InsertRows layout = InsertRows.of(bare, sets.get(0));
        int width = layout.types().length;
        if (width == 0 || layout.computesDefaults()) {
            return null;
        }
        int page = Math.max(1, Math.min(INSERT_MANY_PAGE, dialect.maxBindParameters() / width));
        int pages = sets.size() / page;
        if (pages == 0 || page == 1) {
            return null;
        }
        for (int i = 0; i < sets.size(); i++) {
            layout.checkColumns(sets.get(i), i); // the rows after the last page run after the pages: check them now
        }
        if (!allPlain(layout, sets)) {
            return null;
        }
        DefaultEngine.Compiled compiled = engine.compileMultiRow(bare, sets.get(0), page, true);
        CompiledStatement plan = compiled.statement();
        if (plan.parameterNames().size() != page * width) {
            return null;
        }
        // Each page's values in placeholder order, made only when the log or a listener reads them.
        List<List<@Nullable Object>> pageValues = new java.util.AbstractList<>() {
            @Override
            public List<@Nullable Object> get(int index) {
                List<@Nullable Object> values = new ArrayList<>(page * width);
                for (int r = index * page; r < (index + 1) * page; r++) {
                    layout.append(sets.get(r), values, r);
                }
                return values;
            }

            @Override
            public int size() {
                return pages;
            }
        };
        ParameterBinder[] binders = executor.binders(layout.types());
        long[] pageCounts = executor.runBatch(compiled, LazyNamedValues.ofRows(plan, pageValues), pages,
                (binding, p) -> {
                    for (int r = 0; r < page; r++) {
                        int row = p * page + r;
                        if (!layout.bind(binding, sets.get(row), row, binders, r * width)) {
                            throw new IllegalStateException("Parameter set " + (row + 1) + " holds an expression");
                        }
                    }
                });
        long[] counts = new long[sets.size()];
        long total = 0;
        for (int p = 0; p < pages; p++) {
            long count = p < pageCounts.length ? pageCounts[p] : -1;
            java.util.Arrays.fill(counts, p * page, (p + 1) * page, count == page ? 1 : -1);
            total = count < 0 || total < 0 ? -1 : total + count;
        }
        int paged = pages * page;
        if (paged < sets.size()) {
            Result rest = executor.executeMany(bare, sets.subList(paged, sets.size()));
            long[] restCounts = rest.rowCounts();
            System.arraycopy(restCounts, 0, counts, paged, restCounts.length);
            total = rest.rowCount() < 0 || total < 0 ? -1 : total + rest.rowCount();
        }
        return new DefaultResult(total, counts);
    }

    /**
     * Binds the rows of a page, from row {@code first} of the executemany, straight from their maps into the page's
     * kept statement, before the page is logged; false where a row holds an expression (the page is then rendered
     * for its rows, and the values bound so far are bound again).
     */
    private boolean bindPage(KeptStatement kept, String sql, InsertRows layout,
            List<? extends Map<String, ? extends @Nullable Object>> page, int first, ParameterBinder[] binders) {
        connection.autobegin(false);
        try {
            PreparedStatement binding = connection.forValues(kept.prepare(sql), PreparedStatement.class);
            int width = layout.types().length;
            for (int r = 0; r < page.size(); r++) {
                if (!layout.bind(binding, page.get(r), first + r, binders, r * width)) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            throw executor.translate(e, sql, List.of());
        }
    }

    /**
     * Where the database returns the rows of RETURNING in any order ({@code RETURNING_CLAUSE_ANY_ORDER}), the position
     * in {@code returning} of the table's autoincrement key, which the database assigns ascending in VALUES order and
     * the rows can be put in that order by (SQLAlchemy's implicit sentinel); -1 where the rows come in VALUES order,
     * the sets give the key, or RETURNING does not name it.
     */
    private int sortKey(Insert bare, Set<String> given, List<Expression<?>> returning) {
        if (dialect.insertReturningStyle() != InsertReturningStyle.RETURNING_CLAUSE_ANY_ORDER) {
            return -1;
        }
        io.retort.schema.Column<?> key = assignedKey(bare, given);
        return key == null ? -1 : positionOf(returning, key);
    }

    /**
     * The insert's table's autoincrement key where the database assigns it to every row of sets naming {@code given}
     * columns, ascending in VALUES order: null where the statement's table is no {@link Table}, where it has no such
     * key, where the sets give it, or where a client-side default does (bound like any value, in no order of its own;
     * SQLAlchemy takes no column with a client-side default for an implicit sentinel either).
     */
    static io.retort.schema.@Nullable Column<?> assignedKey(Insert bare, Set<String> given) {
        if (!(bare.table() instanceof Table table)) {
            return null;
        }
        io.retort.schema.Column<?> key = table.autoincrementColumn().orElse(null);
        return key == null || given.contains(key.name()) || key.clientDefault() != null ? null : key;
    }

    /**
     * The position in {@code returning} of a column of the insert's table: the column itself, or another reference to
     * it (an ORM attribute); -1 where RETURNING does not name it.
     */
    static int positionOf(List<Expression<?>> returning, io.retort.schema.Column<?> column) {
        for (int i = 0; i < returning.size(); i++) {
            Expression<?> returned = returning.get(i);
            if (returned == column || returned instanceof io.retort.sql.ColumnReference<?> reference
                    && reference.tableReference() == column.tableReference()
                    && reference.name().equals(column.name())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Puts the RETURNING rows of one page, those from {@code from}, in the order of their keys (column {@code key};
     * nothing where it is -1 or a row has no key), unless they already are.
     */
    static void inKeyOrder(List<@Nullable Object[]> rows, int from, int key) {
        if (key < 0) {
            return;
        }
        long previous = Long.MIN_VALUE;
        boolean ordered = true;
        for (int i = from; i < rows.size(); i++) {
            @Nullable Object value = rows.get(i)[key];
            if (!(value instanceof Number)) {
                return;
            }
            long current = ((Number) value).longValue();
            ordered &= i == from || current > previous;
            previous = current;
        }
        if (!ordered) {
            rows.subList(from, rows.size()).sort(java.util.Comparator.comparingLong(
                    row -> ((Number) java.util.Objects.requireNonNull(row[key])).longValue()));
        }
    }

    /** Whether every row gives a value, not an expression, for each column; fails on a row naming other columns. */
    private static boolean allPlain(InsertRows layout, List<? extends Map<String, ? extends @Nullable Object>> sets) {
        for (int i = 0; i < sets.size(); i++) {
            if (!layout.plainValues(sets.get(i), i)) {
                return false;
            }
        }
        return true;
    }

    private static int countDefaults(Insert bare, Set<String> given) {
        int count = 0;
        for (io.retort.sql.ColumnReference<?> column : bare.table().columnReferences()) {
            if (column.clientDefault() != null && !given.contains(column.name())) {
                count++;
            }
        }
        return count;
    }

    /** Sends one statement of an insert executemany with RETURNING and reads its rows. */
    private interface InsertManyCall {
        java.sql.ResultSet run(PreparedStatement prepared) throws SQLException;
    }

    /**
     * The statement of one insert executemany's pages, kept while the pages have the same SQL and closed when the
     * SQL changes (the last, shorter page) or the executemany ends.
     */
    private final class KeptStatement implements AutoCloseable {
        private @Nullable String sql;
        private @Nullable PreparedStatement prepared;

        PreparedStatement prepare(String text) throws SQLException {
            if (prepared != null && text.equals(sql)) {
                return prepared;
            }
            close();
            PreparedStatement created = connection.jdbc().prepareStatement(text);
            try {
                executor.applyTimeout(created);
            } catch (SQLException e) {
                created.close();
                throw e;
            }
            sql = text;
            prepared = created;
            return created;
        }

        @Override
        public void close() {
            PreparedStatement open = prepared;
            String text = String.valueOf(sql);
            prepared = null;
            sql = null;
            if (open != null) {
                try {
                    open.close();
                } catch (SQLException e) {
                    throw executor.translate(e, text, List.of());
                }
            }
        }
    }

    private void runInsertMany(DefaultEngine.Compiled compiled, String sql, List<Map<String, @Nullable Object>> logged,
            boolean batch, List<@Nullable Object[]> rows, Columns[] columns, SqlType<?>[] resultTypes,
            InsertManyCall call, String @Nullable [] keyColumns, int expected, @Nullable KeptStatement kept) {
        connection.autobegin(false);
        log.statement(sql, logged, batch, compiled.cached());
        StatementEvent event = executor.event(sql, logged, batch);
        SQLException failure = null;
        long rowCount = -1;
        executor.fireBefore(event);
        long start = StatementExecutor.startTime(event);
        try {
            if (kept != null) {
                readInsertMany(kept.prepare(sql), call, rows, columns, resultTypes, keyColumns, expected, sql);
            } else {
                try (PreparedStatement prepared = keyColumns == null ? connection.jdbc().prepareStatement(sql)
                        : connection.jdbc().prepareStatement(sql, keyColumns)) {
                    executor.applyTimeout(prepared);
                    readInsertMany(prepared, call, rows, columns, resultTypes, keyColumns, expected, sql);
                }
            }
            rowCount = expected;
        } catch (SQLException e) {
            failure = e;
            throw executor.translate(e, sql, logged);
        } finally {
            executor.fireAfter(event, StatementExecutor.elapsedSince(event, start), failure, rowCount);
        }
    }

    private void readInsertMany(PreparedStatement prepared, InsertManyCall call, List<@Nullable Object[]> rows,
            Columns[] columns, SqlType<?>[] resultTypes, String @Nullable [] keyColumns, int expected, String sql)
            throws SQLException {
        int before = rows.size();
        try (java.sql.ResultSet returned = call.run(prepared)) {
            if (columns[0] == null) {
                List<String> names = new ArrayList<>(resultTypes.length);
                for (int i = 1; i <= resultTypes.length; i++) {
                    names.add(keyColumns != null ? keyColumns[i - 1]
                            : dialect.normalizeColumnLabel(returned.getMetaData().getColumnLabel(i)));
                }
                columns[0] = new Columns(names);
            }
            if (returned.getMetaData().getColumnCount() < resultTypes.length) {
                throw new io.retort.exception.CompileException(dialect.name() + " returned "
                        + returned.getMetaData().getColumnCount() + " generated key column(s) for an insert"
                        + " executemany, but RETURNING names " + resultTypes.length + "; without INSERT ..."
                        + " RETURNING only the generated key can come back");
            }
            io.retort.impl.dialect.ColumnReader[] readers = RowCursor.readers(resultTypes, dialect);
            while (returned.next()) {
                rows.add(RowCursor.readValues(returned, readers));
            }
        }
        if (rows.size() - before != expected) {
            throw new InvalidRequestException("The database returned " + (rows.size() - before) + " rows for an"
                    + " insert of " + expected + " rows with RETURNING; the rows cannot be matched to the"
                    + " parameter sets\n[SQL: " + sql + "]");
        }
    }
}
