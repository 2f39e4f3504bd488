package io.retort.impl.engine;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.ExecutionListener;
import io.retort.engine.Inspector;
import io.retort.engine.IsolationLevel;
import io.retort.engine.NestedTransaction;
import io.retort.engine.Result;
import io.retort.engine.StatementEvent;
import io.retort.exception.DatabaseException;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.ResourceClosedException;
import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.DdlCompiler;
import io.retort.impl.compiler.DdlStatement;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.schema.MetaData;
import io.retort.sql.Executable;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.sql.Select;
import io.retort.sql.SqlNode;
import io.retort.sql.TextClause;
import io.retort.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A pooled JDBC connection with SQLAlchemy's transaction behaviour: autobegin, commit as you go, roll back on
 * close. Not thread-safe.
 */
final class DefaultConnection implements Connection {
    private final DefaultEngine engine;
    private final java.sql.Connection jdbc;
    private final DefaultEngine.PoolGeneration generation;
    private final Dialect dialect;
    private final SqlLog log;
    private final List<ExecutionListener> listeners;
    private final List<RowCursor> openCursors = new ArrayList<>(2);
    private final Deque<DefaultNestedTransaction> savepoints = new ArrayDeque<>();
    private boolean autocommit;
    /** The external (JTA) transaction the connection is enlisted in, or null for a resource-local connection. */
    private final io.retort.spi.TransactionCoordinator.@Nullable ExternalTransaction external;
    /** The query timeout (seconds) of the statement running now, from the JTA transaction's time left; 0 for none. */
    private int queryTimeout;
    private long queryStarted;
    private boolean inTransaction;
    /** The current transaction has run only read-only statements ({@link CompiledStatement#readOnly()}). */
    private boolean onlyReads;
    private boolean closed;
    private int savepointCounter;

    DefaultConnection(DefaultEngine engine, java.sql.Connection jdbc, DefaultEngine.PoolGeneration generation) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.generation = generation;
        this.dialect = engine.dialect();
        this.log = engine.log();
        this.listeners = engine.connectionListeners();
        // The pool hands out connections in the engine's mode and resets a changed mode on return.
        this.autocommit = engine.options().isolationLevel() == IsolationLevel.AUTOCOMMIT;
        io.retort.spi.TransactionCoordinator coordinator = engine.options().transactionCoordinator();
        this.external = coordinator.currentTransaction();
        if (external == null && !autocommit) {
            // Outside a JTA transaction a JTA-aware pool, or a container's DataSource, hands out connections in
            // auto-commit; Retort's autobegin needs it off.
            try {
                if (jdbc.getAutoCommit()) {
                    jdbc.setAutoCommit(false);
                }
            } catch (SQLException e) {
                throw translate(e, "-- set auto-commit off", List.of());
            }
        }
    }

    /** The external transaction this connection is part of, or null. */
    io.retort.spi.TransactionCoordinator.@Nullable ExternalTransaction external() {
        return external;
    }

    /**
     * Inside an external transaction with a timeout, the statement may run only as long as the transaction has left:
     * the driver cancels it then.
     */
    private void applyTimeout(Statement statement) throws SQLException {
        queryTimeout = 0;
        if (external != null) {
            long remaining = external.remainingTimeoutMillis();
            if (remaining > 0) {
                queryTimeout = (int) Math.max(1, (remaining + 999) / 1000);
                statement.setQueryTimeout(queryTimeout);
                queryStarted = System.nanoTime();
            }
        }
    }

    @Override
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result execute(Executable statement, Map<String, ? extends @Nullable Object> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return executeOnce(statement, parameters, 0);
    }

    @Override
    public Result stream(Executable statement, Map<String, ? extends @Nullable Object> parameters, int batchSize) {
        if (batchSize < 1) {
            throw new InvalidArgumentException("stream() needs a batch size of at least 1, but was " + batchSize);
        }
        return executeOnce(statement, parameters, batchSize);
    }

    @Override
    public @Nullable Object scalar(Executable statement, Map<String, ? extends @Nullable Object> parameters) {
        return execute(statement, parameters).scalar();
    }

    private Result executeOnce(Executable statement, Map<String, ? extends @Nullable Object> parameters,
            int fetchSize) {
        checkOpen();
        Objects.requireNonNull(statement, "statement");
        if (statement instanceof Insert && !((Insert) statement).hasValues() && !parameters.isEmpty()) {
            // insert(table) with one parameter map inserts that row, as the list form inserts one row per map.
            return executeOnce(((Insert) statement).values(parameters), Map.of(), fetchSize);
        }
        DefaultEngine.Compiled compiled = engine.compile(statement);
        CompiledStatement plan = compiled.statement();
        List<@Nullable Object> values;
        SqlType<?>[] types;
        SqlType<?>[] resultTypes = null;
        boolean labelsFixed = false;
        if (statement instanceof SqlNode) {
            ExpressionCompiler.Bound bound = compiled.bound(dialect, (SqlNode) statement);
            values = resolveNamed(bound, parameters, plan, 0);
            types = bound.types().toArray(new SqlType<?>[0]);
            List<Expression<?>> columns = statement instanceof Select ? ((Select) statement).columns()
                    : statement instanceof io.retort.sql.CompoundSelect
                            ? ((io.retort.sql.CompoundSelect) statement).selects().get(0).columns()
                    : statement instanceof io.retort.sql.Insert ? ((io.retort.sql.Insert) statement).returningClause()
                    : statement instanceof io.retort.sql.Update ? ((io.retort.sql.Update) statement).returningClause()
                    : statement instanceof io.retort.sql.Delete ? ((io.retort.sql.Delete) statement).returningClause()
                    : List.of();
            if (!columns.isEmpty()) {
                resultTypes = new SqlType<?>[columns.size()];
                // Literal SQL among the result columns (sqlFragment("*")) may stand for any number of columns.
                labelsFixed = true;
                for (int i = 0; i < resultTypes.length; i++) {
                    Expression<?> column = columns.get(i);
                    resultTypes[i] = column.type();
                    labelsFixed &= !(column instanceof io.retort.sql.TextFragment);
                }
            }
        } else {
            values = plan.values(parameters, defaults(statement), 0);
            types = parameterTypes(statement, plan);
        }
        List<Map<String, @Nullable Object>> logged = List.of(new LazyNamedValues(plan, values));
        String sql = plan.sql();
        if (plan.hasExpanding()) {
            SqlType<?>[] slotTypes = types;
            CompiledStatement.Expanded expanded = plan.expand(values,
                    slot -> dialect.emptySetSubquery(slotTypes[slot]));
            sql = expanded.sql();
            values = expanded.values();
            types = new SqlType<?>[values.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = slotTypes[expanded.slots()[i]];
            }
        }
        autobegin(plan.readOnly());
        log.statement(sql, logged, false, compiled.cached());
        StatementEvent event = event(sql, logged, false);
        PreparedStatement prepared = null;
        SQLException failure = null;
        long rowCount = -1;
        fireBefore(event);
        long start = System.nanoTime();
        try {
            prepared = jdbc.prepareStatement(sql);
            applyTimeout(prepared);
            if (fetchSize > 0) {
                prepared.setFetchSize(fetchSize);
            }
            bindAll(prepared, values, types);
            boolean hasResultSet = prepared.execute();
            if (hasResultSet) {
                RowCursor cursor = new RowCursor(this, prepared, prepared.getResultSet(), dialect, sql, logged,
                        statement instanceof TextClause ? ((TextClause) statement).columnTypes() : Map.of(),
                        resultTypes, compiled.entry(), labelsFixed);
                openCursors.add(cursor);
                return new DefaultResult(cursor);
            }
            long count = prepared.getLargeUpdateCount();
            rowCount = count;
            prepared.close();
            return new DefaultResult(count);
        } catch (SQLException e) {
            failure = e;
            closeQuietly(prepared);
            throw translate(e, sql, logged);
        } catch (RuntimeException e) {
            closeQuietly(prepared); // a value that could not be bound, say
            throw e;
        } finally {
            fireAfter(event, System.nanoTime() - start, failure, rowCount);
        }
    }

    @Override
    public Result execute(Executable statement,
            List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        checkOpen();
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(parameterSets, "parameterSets");
        if (parameterSets.isEmpty()) {
            return new DefaultResult(0, new long[0]);
        }
        if (statement instanceof Insert && !((Insert) statement).hasValues()
                && !((Insert) statement).returningClause().isEmpty()) {
            return insertManyReturning((Insert) statement, parameterSets);
        }
        DefaultEngine.Compiled compiled;
        CompiledStatement plan;
        List<List<@Nullable Object>> rows = new ArrayList<>(parameterSets.size());
        SqlType<?>[] types;
        if (statement instanceof Insert && !((Insert) statement).hasValues()) {
            // insert(table) with rows as parameter maps: one statement for the first row's columns, one batch.
            Insert bare = (Insert) statement;
            compiled = engine.compile(bare.values(parameterSets.get(0)));
            plan = compiled.statement();
            InsertRows layout = InsertRows.of(bare, parameterSets.get(0));
            types = layout.types();
            for (int i = 0; i < parameterSets.size(); i++) {
                Map<String, ? extends @Nullable Object> set = parameterSets.get(i);
                layout.checkColumnCount(set, i); // every row is bound before the batch runs
                List<@Nullable Object> values = layout.values(set, i);
                if (values == null) {
                    values = ExpressionCompiler.collect(dialect, bare.values(set)).values();
                }
                rows.add(values);
            }
        } else {
            compiled = engine.compile(statement);
            plan = compiled.statement();
            if (plan.hasExpanding()) {
                throw new InvalidArgumentException("Expanding parameters " + plan.expanding() + " cannot be used"
                        + " with executemany: each row could expand to other SQL. Execute the statement once per"
                        + " row");
            }
            ExpressionCompiler.Bound bound = statement instanceof SqlNode
                    ? compiled.bound(dialect, (SqlNode) statement) : null;
            Map<String, @Nullable Object> defaults = defaults(statement);
            NamedSlots named = bound != null ? NamedSlots.of(bound) : NamedSlots.NONE;
            for (int i = 0; i < parameterSets.size(); i++) {
                Map<String, ? extends @Nullable Object> set = parameterSets.get(i);
                if (set == null) {
                    throw new InvalidArgumentException("Parameter set " + (i + 1) + " of the executemany is null");
                }
                List<@Nullable Object> values = bound != null ? named.resolve(bound, set, plan, i + 1)
                        : plan.values(set, defaults, i + 1);
                rows.add(values);
            }
            types = bound != null ? bound.types().toArray(new SqlType<?>[0]) : parameterTypes(statement, plan);
        }
        List<Map<String, @Nullable Object>> logged = LazyNamedValues.ofRows(plan, rows);
        autobegin(false);
        log.statement(plan.sql(), logged, true, compiled.cached());
        StatementEvent event = event(plan.sql(), logged, true);
        SQLException failure = null;
        long rowCount = -1;
        fireBefore(event);
        long start = System.nanoTime();
        try (PreparedStatement prepared = jdbc.prepareStatement(plan.sql())) {
            applyTimeout(prepared);
            for (List<@Nullable Object> values : rows) {
                bindAll(prepared, values, types);
                prepared.addBatch();
            }
            long[] counts = prepared.executeLargeBatch();
            long total = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0) {
                    counts[i] = -1; // Statement.SUCCESS_NO_INFO: the driver does not know
                    total = -1;
                } else if (total >= 0) {
                    total += counts[i];
                }
            }
            rowCount = total;
            return new DefaultResult(total, counts);
        } catch (SQLException e) {
            failure = e;
            throw translate(e, plan.sql(), logged);
        } finally {
            fireAfter(event, System.nanoTime() - start, failure, rowCount);
        }
    }

    /** Rows of an insert executemany per statement where RETURNING is used, as SQLAlchemy's insertmanyvalues. */
    private static final int INSERT_MANY_PAGE = 1000;

    /**
     * An executemany of {@code insert(table).returning(...)}: the RETURNING rows come back one per parameter set, in
     * the order of the sets. Where the database has INSERT ... RETURNING, the rows go in multi-row
     * {@code VALUES (...), (...)} statements of up to 1,000 rows (fewer when the bind-parameter limit requires), whose
     * rows the database returns in VALUES order; elsewhere (H2, MySQL) they go as one JDBC batch and the columns come
     * back as the driver's generated keys. The full pages share one SQL text, and so one {@code PreparedStatement}:
     * SQLite parses a statement at every {@code prepareStatement}, which for 1,000 rows costs as much as running it.
     */
    private Result insertManyReturning(Insert bare, List<? extends Map<String, ? extends @Nullable Object>> sets) {
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
            int page = Math.max(1, Math.min(INSERT_MANY_PAGE, dialect.maxBindParameters() / perRow));
            lastSql = "";
            for (int from = 0; from < sets.size(); from += page) {
                List<? extends Map<String, ? extends @Nullable Object>> chunk =
                        sets.subList(from, Math.min(sets.size(), from + page));
                DefaultEngine.Compiled compiled = engine.compileMultiRow(bare, sets.get(0), chunk.size(),
                        chunk.size() == page);
                List<@Nullable Object> values = new ArrayList<>(chunk.size() * layout.types().length);
                SqlType<?>[] types = new SqlType<?>[chunk.size() * layout.types().length];
                boolean plain = true;
                for (int r = 0; r < chunk.size() && plain; r++) {
                    plain = layout.append(chunk.get(r), values, from + r);
                    System.arraycopy(layout.types(), 0, types, r * layout.types().length, layout.types().length);
                }
                List<@Nullable Object> bindValues = values;
                SqlType<?>[] bindTypes = types;
                if (!plain) {
                    // A value is an expression: only a statement built for these rows can render it.
                    Insert multi = bare.values(chunk);
                    compiled = engine.compile(multi);
                    ExpressionCompiler.Bound bound = ExpressionCompiler.collect(dialect, multi);
                    bindValues = bound.values();
                    bindTypes = bound.types().toArray(new SqlType<?>[0]);
                }
                lastSql = compiled.statement().sql();
                List<Map<String, @Nullable Object>> logged = List.of(new LazyNamedValues(compiled.statement(),
                        bindValues));
                List<@Nullable Object> finalValues = bindValues;
                SqlType<?>[] finalTypes = bindTypes;
                runInsertMany(compiled, lastSql, logged, false, rows, resultColumns, resultTypes, prepared -> {
                    bindAll(prepared, finalValues, finalTypes);
                    return prepared.executeQuery();
                }, null, chunk.size(), kept);
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
                    bindAll(prepared, row, bindTypes);
                    prepared.addBatch();
                }
                prepared.executeBatch();
                return prepared.getGeneratedKeys();
            }, keyColumns, sets.size(), null);
        }
        RowCursor cursor = new RowCursor(this, resultColumns[0], rows, dialect, lastSql);
        openCursors.add(cursor);
        return new DefaultResult(cursor);
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
            PreparedStatement created = jdbc.prepareStatement(text);
            try {
                applyTimeout(created);
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
                    throw translate(e, text, List.of());
                }
            }
        }
    }

    private void runInsertMany(DefaultEngine.Compiled compiled, String sql, List<Map<String, @Nullable Object>> logged,
            boolean batch, List<@Nullable Object[]> rows, Columns[] columns, SqlType<?>[] resultTypes,
            InsertManyCall call, String @Nullable [] keyColumns, int expected, @Nullable KeptStatement kept) {
        autobegin(false);
        log.statement(sql, logged, batch, compiled.cached());
        StatementEvent event = event(sql, logged, batch);
        SQLException failure = null;
        long rowCount = -1;
        fireBefore(event);
        long start = System.nanoTime();
        try {
            if (kept != null) {
                readInsertMany(kept.prepare(sql), call, rows, columns, resultTypes, keyColumns, expected, sql);
            } else {
                try (PreparedStatement prepared = keyColumns == null ? jdbc.prepareStatement(sql)
                        : jdbc.prepareStatement(sql, keyColumns)) {
                    applyTimeout(prepared);
                    readInsertMany(prepared, call, rows, columns, resultTypes, keyColumns, expected, sql);
                }
            }
            rowCount = expected;
        } catch (SQLException e) {
            failure = e;
            throw translate(e, sql, logged);
        } finally {
            fireAfter(event, System.nanoTime() - start, failure, rowCount);
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
            while (returned.next()) {
                rows.add(RowCursor.readValues(returned, resultTypes, dialect));
            }
        }
        if (rows.size() - before != expected) {
            throw new InvalidRequestException("The database returned " + (rows.size() - before) + " rows for an"
                    + " insert of " + expected + " rows with RETURNING; the rows cannot be matched to the"
                    + " parameter sets\n[SQL: " + sql + "]");
        }
    }

    /**
     * The values of an expression statement with its named parameters ({@code bindParam}, {@code :name} in SQL
     * fragments) taken from the execution's parameter map.
     *
     * @throws InvalidArgumentException if a named parameter has no value, or the map names one the statement lacks
     */
    private static List<@Nullable Object> resolveNamed(ExpressionCompiler.Bound bound,
            Map<String, ? extends @Nullable Object> parameters, CompiledStatement plan, int setNumber) {
        return NamedSlots.of(bound).resolve(bound, parameters, plan, setNumber);
    }

    /**
     * Where a statement's execution-time parameters ({@code bindParam}) sit among its bound values, found once per
     * execution so that each row of an executemany is a lookup per parameter.
     */
    private static final class NamedSlots {
        private static final NamedSlots NONE = new NamedSlots(new int[0], new String[0], 0);
        private static final int SMALL = 8;
        private final int[] slots;
        private final String[] names;
        /** How many different names {@link #names} holds (a name used twice fills two slots). */
        private final int distinctCount;

        private NamedSlots(int[] slots, String[] names, int distinctCount) {
            this.slots = slots;
            this.names = names;
            this.distinctCount = distinctCount;
        }

        static NamedSlots of(ExpressionCompiler.Bound bound) {
            List<@Nullable Object> values = bound.values();
            int count = 0;
            for (Object value : values) {
                if (value instanceof ExpressionCompiler.Named) {
                    count++;
                }
            }
            if (count == 0) {
                return NONE;
            }
            int[] slots = new int[count];
            String[] names = new String[count];
            int distinct = 0;
            for (int i = 0, n = 0; i < values.size(); i++) {
                if (values.get(i) instanceof ExpressionCompiler.Named) {
                    slots[n] = i;
                    String name = ((ExpressionCompiler.Named) values.get(i)).name();
                    boolean seen = false;
                    for (int j = 0; j < n && !seen && count <= SMALL; j++) {
                        seen = names[j].equals(name);
                    }
                    names[n++] = name;
                    if (!seen) {
                        distinct++;
                    }
                }
            }
            // A handful of names is counted by comparing them (no set allocated per execution); more go in a set.
            return new NamedSlots(slots, names,
                    count <= SMALL ? distinct : new java.util.HashSet<>(Arrays.asList(names)).size());
        }

        /** The different names, in the order the statement first uses them. */
        private Set<String> distinct() {
            return new java.util.LinkedHashSet<>(Arrays.asList(names));
        }

        /** The bound values with the parameters' values in place of the named ones. */
        List<@Nullable Object> resolve(ExpressionCompiler.Bound bound, Map<String, ? extends @Nullable Object> parameters,
                CompiledStatement plan, int setNumber) {
            List<@Nullable Object> values = bound.values();
            if (slots.length > 0) {
                values = new ArrayList<>(values);
                for (int i = 0; i < slots.length; i++) {
                    Object value = parameters.get(names[i]);
                    if (value == null && !parameters.containsKey(names[i])) {
                        throw new InvalidArgumentException("A value is required for bind parameter '" + names[i]
                                + "'" + (setNumber > 0 ? " in parameter set " + setNumber : "") + " of the statement: "
                                + plan.source() + "\nPass it in the parameters, e.g. Map.of(\"" + names[i]
                                + "\", value)");
                    }
                    values.set(slots[i], value);
                }
            }
            if (parameters.size() != distinctCount) { // every name is there: any other key is one too many
                Set<String> distinct = distinct();
                for (String given : parameters.keySet()) {
                    if (!distinct.contains(given)) {
                        throw new InvalidArgumentException("The statement has no parameter named '" + given + "'; its"
                                + " named parameters are " + distinct + ". Values of select(), insert(), update() and"
                                + " delete() go into the statement itself; name a placeholder with bindParam(\""
                                + given + "\", type) to give its value at execution");
                    }
                }
            }
            return values;
        }
    }

    /** The SQL type of each placeholder where the statement declares one (text().bindTypes), else null. */
    private static SqlType<?>[] parameterTypes(Executable statement, CompiledStatement plan) {
        SqlType<?>[] types = new SqlType<?>[plan.parameterNames().size()];
        if (statement instanceof TextClause) {
            Map<String, SqlType<?>> declared = ((TextClause) statement).parameterTypes();
            if (!declared.isEmpty()) {
                for (int i = 0; i < types.length; i++) {
                    types[i] = declared.get(plan.parameterNames().get(i));
                }
            }
        }
        return types;
    }

    private void bindAll(PreparedStatement prepared, List<@Nullable Object> values, SqlType<?>[] types)
            throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            if (types[i] != null) {
                dialect.bind(prepared, i + 1, values.get(i), types[i]);
            } else {
                dialect.bind(prepared, i + 1, values.get(i));
            }
        }
    }

    private static Map<String, @Nullable Object> defaults(Executable statement) {
        return statement instanceof TextClause ? ((TextClause) statement).boundValues() : Map.of();
    }

    /** The event listeners are told of, or null when there are none (nothing to allocate). */
    private @Nullable StatementEvent event(String sql, List<Map<String, @Nullable Object>> logged, boolean batch) {
        return listeners.isEmpty() ? null : new StatementEvent(sql, logged, batch);
    }

    private void fireBefore(@Nullable StatementEvent event) {
        if (event == null) {
            return;
        }
        for (ExecutionListener listener : listeners) {
            listener.beforeExecute(event);
        }
    }

    private void fireAfter(@Nullable StatementEvent event, long nanos, @Nullable SQLException failure, long rowCount) {
        if (event == null) {
            return;
        }
        for (ExecutionListener listener : listeners) {
            listener.afterExecute(event, nanos, failure, rowCount);
        }
    }

    DatabaseException translate(SQLException e, String sql, List<? extends Map<String, ? extends @Nullable Object>> parameters) {
        DatabaseException translated = ExceptionTranslator.translate(dialect, e, sql, parameters);
        if (queryTimeout > 0 && System.nanoTime() - queryStarted >= queryTimeout * 1_000_000_000L - 500_000_000L) {
            translated.addNote("[The statement was cancelled: it ran past the " + queryTimeout + "s left before the"
                    + " JTA transaction's timeout, which rolls the transaction back]");
        }
        return translated;
    }

    private void autobegin(boolean readOnly) {
        if (!inTransaction && !autocommit) {
            inTransaction = true;
            onlyReads = true;
            log.log(external != null ? "BEGIN (joined the JTA transaction)" : "BEGIN (implicit)");
            if (external != null) {
                // The transaction manager ends the transaction: the echo says how, as it does for a local one.
                external.registerSynchronization(new io.retort.spi.TransactionCoordinator.Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(boolean committed) {
                        log.log(committed ? "COMMIT (the JTA transaction committed)"
                                : "ROLLBACK (the JTA transaction rolled back)");
                    }
                });
            }
        }
        onlyReads &= readOnly;
    }

    private void checkNotExternal(String operation, String instead) {
        if (external != null) {
            throw new InvalidRequestException("This Connection is part of a JTA transaction, which " + operation
                    + " it: do not call " + instead + " on it; let the @Transactional method return (or throw), or"
                    + " use UserTransaction.commit() / rollback() / setRollbackOnly()");
        }
    }

    @Override
    public void commit() {
        checkOpen();
        checkNotExternal("commits", "commit()");
        closeCursors();
        if (!inTransaction) {
            return;
        }
        log.log("COMMIT");
        endTransaction();
        try {
            jdbc.commit();
        } catch (SQLException e) {
            throw translate(e, "COMMIT", List.of());
        }
    }

    @Override
    public void rollback() {
        checkOpen();
        checkNotExternal("commits or rolls back", "rollback()");
        closeCursors();
        if (!inTransaction) {
            return;
        }
        log.log("ROLLBACK");
        endTransaction();
        try {
            jdbc.rollback();
        } catch (SQLException e) {
            throw translate(e, "ROLLBACK", List.of());
        }
    }

    private void endTransaction() {
        inTransaction = false;
        for (DefaultNestedTransaction savepoint : savepoints) {
            savepoint.deactivate();
        }
        savepoints.clear();
    }

    @Override
    public NestedTransaction beginNested() {
        checkOpen();
        if (external != null) {
            throw new InvalidRequestException("Savepoints are not available inside a JTA transaction (XA branches"
                    + " cannot have them); use @Transactional(REQUIRES_NEW) for work that must commit or roll back on"
                    + " its own");
        }
        if (autocommit) {
            throw new InvalidRequestException("Savepoints need a transaction, but this connection is in AUTOCOMMIT"
                    + " mode; set another isolation level to use beginNested()");
        }
        autobegin(false);
        String name = "retort_savepoint_" + (++savepointCounter);
        log.log("SAVEPOINT " + name);
        try {
            Savepoint savepoint = jdbc.setSavepoint(name);
            DefaultNestedTransaction nested = new DefaultNestedTransaction(this, savepoint, name);
            savepoints.push(nested);
            return nested;
        } catch (SQLException e) {
            throw translate(e, "SAVEPOINT " + name, List.of());
        }
    }

    /** Releases a savepoint and every savepoint begun after it. */
    void releaseSavepoint(DefaultNestedTransaction nested) {
        checkOpen();
        popThrough(nested);
        log.log("RELEASE SAVEPOINT " + nested.name());
        try {
            jdbc.releaseSavepoint(nested.savepoint());
        } catch (SQLException e) {
            throw translate(e, "RELEASE SAVEPOINT " + nested.name(), List.of());
        }
    }

    /** Rolls back to a savepoint; savepoints begun after it end with it. */
    void rollbackToSavepoint(DefaultNestedTransaction nested) {
        checkOpen();
        closeCursors();
        popThrough(nested);
        log.log("ROLLBACK TO SAVEPOINT " + nested.name());
        try {
            jdbc.rollback(nested.savepoint());
        } catch (SQLException e) {
            throw translate(e, "ROLLBACK TO SAVEPOINT " + nested.name(), List.of());
        }
    }

    private void popThrough(DefaultNestedTransaction nested) {
        while (!savepoints.isEmpty()) {
            DefaultNestedTransaction top = savepoints.pop();
            top.deactivate();
            if (top == nested) {
                return;
            }
        }
    }

    @Override
    public void nested(Consumer<Connection> work) {
        NestedTransaction nested = beginNested();
        try {
            work.accept(this);
        } catch (RuntimeException | Error e) {
            if (nested.isActive() && !closed) {
                try {
                    nested.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw e;
        }
        if (nested.isActive()) {
            nested.commit();
        }
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void setIsolationLevel(IsolationLevel level) {
        checkOpen();
        Objects.requireNonNull(level, "level");
        if (inTransaction) {
            throw new InvalidRequestException("Cannot change the isolation level to " + level + " while a"
                    + " transaction is in progress; set it before the first statement, or after commit() or"
                    + " rollback()");
        }
        dialect.checkIsolationLevel(level);
        try {
            if (level == IsolationLevel.AUTOCOMMIT) {
                jdbc.setAutoCommit(true);
                autocommit = true;
            } else {
                if (autocommit) {
                    jdbc.setAutoCommit(false);
                    autocommit = false;
                }
                jdbc.setTransactionIsolation(level.jdbcLevel());
            }
        } catch (SQLException e) {
            throw translate(e, "-- set isolation level " + level, List.of());
        }
    }

    @Override
    public IsolationLevel isolationLevel() {
        checkOpen();
        if (autocommit) {
            return IsolationLevel.AUTOCOMMIT;
        }
        try {
            int level = jdbc.getTransactionIsolation();
            for (IsolationLevel candidate : IsolationLevel.values()) {
                if (candidate.jdbcLevel() == level) {
                    return candidate;
                }
            }
            return IsolationLevel.SERIALIZABLE;
        } catch (SQLException e) {
            throw translate(e, "-- get isolation level", List.of());
        }
    }

    @Override
    public void createAll(MetaData metadata, boolean checkFirst) {
        checkOpen();
        Inspector inspector = inspector();
        DdlCompiler ddl = new DdlCompiler(dialect);
        for (String statement : ddl.createAll(metadata, checkFirst ? existing(inspector) : DdlCompiler.Existing.NOTHING)) {
            execute(new DdlStatement(statement));
        }
    }

    @Override
    public void dropAll(MetaData metadata, boolean checkFirst) {
        checkOpen();
        Inspector inspector = inspector();
        DdlCompiler ddl = new DdlCompiler(dialect);
        List<String> statements = ddl.dropAll(metadata, checkFirst ? existing(inspector)
                : DdlCompiler.Existing.EVERYTHING);
        if (!dialect.supportsAlterAddForeignKey() && !metadata.dependencyOrder().deferredForeignKeys().isEmpty()
                && !autocommit) {
            // SQLite: tables in a foreign-key cycle cannot be dropped in an order that satisfies every key while
            // they hold rows; check the keys when the transaction commits, when all of them are gone.
            execute(new DdlStatement("PRAGMA defer_foreign_keys = ON"));
        }
        for (String statement : statements) {
            execute(new DdlStatement(statement));
        }
    }

    private static DdlCompiler.Existing existing(Inspector inspector) {
        return new DdlCompiler.Existing(inspector::hasTable, inspector::hasSequence, inspector::hasEnumType);
    }

    @Override
    public Inspector inspector() {
        checkOpen();
        return new JdbcInspector(this, jdbc, dialect);
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public java.sql.Connection jdbcConnection() {
        checkOpen();
        return jdbc;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closeCursors();
        closed = true;
        try {
            if (inTransaction && external == null) {
                endTransaction();
                if (onlyReads && dialect.rollbackDiscardsParsedStatements()) {
                    // Nothing was written, so COMMIT ends the transaction as ROLLBACK would, and the database keeps
                    // the statements it parsed for the connection's next user.
                    log.log("COMMIT (the transaction only read)");
                    jdbc.commit();
                } else {
                    log.log("ROLLBACK");
                    jdbc.rollback();
                }
            }
            jdbc.close();
        } catch (SQLException e) {
            // A connection that cannot roll back is broken: discard it rather than return it to the pool.
            SqlLog.warn("Could not roll back and return a connection to the pool; discarding it", e);
            try {
                jdbc.abort(Runnable::run);
            } catch (SQLException | RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
        } finally {
            engine.connectionClosed(generation);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new ResourceClosedException("This Connection is closed; take a new one with engine.connect()");
        }
    }

    /** How many results still hold an open JDBC statement (for tests of deterministic closing). */
    int openCursorCount() {
        return openCursors.size();
    }

    void forget(RowCursor cursor) {
        openCursors.remove(cursor);
    }

    private void closeCursors() {
        for (RowCursor cursor : List.copyOf(openCursors)) {
            cursor.close();
        }
    }

    private static void closeQuietly(@Nullable Statement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException e) {
                SqlLog.warn("Could not close a statement", e);
            }
        }
    }
}
