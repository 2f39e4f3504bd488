package io.retort.impl.engine;

import io.retort.engine.ExecutionListener;
import io.retort.engine.Result;
import io.retort.engine.StatementEvent;
import io.retort.exception.DatabaseException;
import io.retort.exception.InvalidArgumentException;
import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.ParameterBinder;
import io.retort.sql.Executable;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.sql.Select;
import io.retort.sql.SqlNode;
import io.retort.sql.TextClause;
import io.retort.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link DefaultConnection}'s statements: compiles, prepares and binds them, opens the cursor, tells the
 * execution listeners and writes the SQL log. Not thread-safe; one per connection.
 */
final class StatementExecutor {
    private final DefaultConnection connection;
    private final DefaultEngine engine;
    private final Dialect dialect;
    private final SqlLog log;
    /** The engine's listeners (the user's and the engine's own features), shared by its connections. */
    private final List<ExecutionListener> listeners;
    /**
     * Whether the connection counts statements for N+1 detection (the default). The detector counts only statements
     * run inside a {@link io.retort.engine.StatementOrigin}: the others need no event when there is no other listener,
     * and allocate none.
     */
    private final boolean nPlusOne;
    /** The connection's N+1 detector, made for the first statement run inside an origin. */
    private @Nullable NPlusOneDetector detector;
    private final io.retort.spi.TransactionCoordinator.@Nullable ExternalTransaction external;
    /** The insertmanyvalues executor, made for the first insert executemany with RETURNING. */
    private @Nullable InsertManyExecutor insertMany;
    /** The query timeout (seconds) of the statement running now, from the JTA transaction's time left; 0 for none. */
    private int queryTimeout;
    private long queryStarted;

    StatementExecutor(DefaultConnection connection, DefaultEngine engine,
            io.retort.spi.TransactionCoordinator.@Nullable ExternalTransaction external) {
        this.connection = connection;
        this.engine = engine;
        this.dialect = engine.dialect();
        this.log = engine.log();
        this.listeners = engine.operations().engineListeners();
        this.nPlusOne = engine.operations().nPlusOne();
        this.external = external;
    }

    /**
     * Inside an external transaction with a timeout, the statement may run only as long as the transaction has left:
     * the driver cancels it then.
     */
    void applyTimeout(Statement statement) throws SQLException {
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


    /** As SQLAlchemy's error for {@code inserted_primary_key} after an executemany. */
    private static final String EXECUTEMANY_KEY = "insertedPrimaryKey() applies to a single-row insert; this was"
            + " an executemany of several parameter sets: use insert(table).returning(<key columns>) to read each"
            + " row's key";

    /** Runs a statement once; a positive fetch size streams its rows in batches of that size. */
    Result execute(Executable statement, Map<String, ? extends @Nullable Object> parameters, int fetchSize) {
        Objects.requireNonNull(statement, "statement");
        if (statement instanceof Insert && !((Insert) statement).hasValues() && !parameters.isEmpty()) {
            // insert(table) with one parameter map inserts that row, as the list form inserts one row per map.
            return execute(((Insert) statement).values(parameters), Map.of(), fetchSize);
        }
        if (statement instanceof Insert) {
            return InsertedKeys.execute(this, dialect, (Insert) statement, parameters, fetchSize);
        }
        DefaultResult result = executeOnce(statement, parameters, fetchSize, null);
        engine.rowidKeys.forgetOnSchemaChange(statement);
        return result;
    }

    /**
     * Runs a statement once; with {@code keyColumns}, an INSERT whose generated values of those columns come back as
     * the driver's generated keys, in {@link DefaultResult#insertedPrimaryKey()}.
     */
    DefaultResult executeOnce(Executable statement, Map<String, ? extends @Nullable Object> parameters, int fetchSize,
            String @Nullable [] keyColumns) {
        DefaultEngine.Compiled compiled = engine.compile(statement);
        CompiledStatement plan = compiled.statement();
        List<@Nullable Object> values;
        @Nullable SqlType<?>[] types;
        @Nullable SqlType<?> @Nullable [] resultTypes = null;
        boolean labelsFixed = false;
        if (statement instanceof SqlNode) {
            ExpressionCompiler.Bound bound = compiled.bound(dialect, (SqlNode) statement);
            StatementShape shape = compiled.shape() != null ? compiled.shape() : StatementShape.of(statement, bound);
            values = shape.named().resolve(bound, parameters, plan, 0);
            types = shape.types(); // read-only: the expansion below makes a new array
            resultTypes = shape.resultTypes();
            labelsFixed = shape.labelsFixed();
        } else {
            values = plan.values(parameters, defaults(statement), 0);
            types = parameterTypes(statement, plan);
        }
        List<Map<String, @Nullable Object>> logged = List.of(new LazyNamedValues(plan, values));
        String sql = plan.sql();
        if (plan.hasExpanding()) {
            @Nullable SqlType<?>[] slotTypes = types;
            CompiledStatement.Expanded expanded = plan.expand(values,
                    slot -> dialect.emptySetSubquery(slotTypes[slot]));
            sql = expanded.sql();
            values = expanded.values();
            types = new SqlType<?>[values.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = slotTypes[expanded.slots()[i]];
            }
        }
        connection.autobegin(plan.readOnly(), fetchSize > 0);
        log.statement(sql, logged, false, compiled.cached());
        StatementEvent event = event(sql, logged, false);
        PreparedStatement prepared = null;
        SQLException failure = null;
        long rowCount = -1;
        fireBefore(event);
        long start = startTime(event);
        try {
            // A statement whose fetch size is set is not kept: the next execution would stream too. Nor is one
            // asked for generated keys (its SQL differs on PostgreSQL).
            prepared = keyColumns != null ? connection.jdbc().prepareStatement(sql, keyColumns)
                    : fetchSize > 0 ? connection.jdbc().prepareStatement(sql) : connection.prepareStatement(sql);
            applyTimeout(prepared);
            if (fetchSize > 0) {
                prepared.setFetchSize(fetchSize);
            }
            bindAll(prepared, values, types);
            boolean hasResultSet = prepared.execute();
            if (hasResultSet) {
                RowCursor cursor = new RowCursor(connection, prepared, prepared.getResultSet(), dialect, sql, logged,
                        statement instanceof TextClause ? ((TextClause) statement).columnTypes() : Map.of(),
                        resultTypes, compiled.entry(), labelsFixed);
                if (fetchSize <= 0) {
                    cursor.keepStatementOnClose();
                }
                connection.register(cursor);
                return new DefaultResult(cursor);
            }
            long count = prepared.getLargeUpdateCount();
            rowCount = count;
            DefaultResult result = new DefaultResult(count);
            if (keyColumns != null) {
                try (java.sql.ResultSet keys = prepared.getGeneratedKeys()) {
                    result.withInsertedPrimaryKey(new DefaultRow(new Columns(List.of(keyColumns)),
                            InsertedKeys.read(keys, InsertedKeys.types((io.retort.schema.Table)
                                    ((Insert) statement).table(), keyColumns), dialect, sql)));
                }
            }
            if (fetchSize > 0 || keyColumns != null) {
                prepared.close();
            } else {
                connection.releaseStatement(sql, prepared);
            }
            return result;
        } catch (SQLException e) {
            failure = e;
            closeQuietly(prepared);
            throw translate(e, sql, logged);
        } catch (RuntimeException e) {
            closeQuietly(prepared); // a value that could not be bound, say
            throw e;
        } finally {
            fireAfter(event, elapsedSince(event, start), failure, rowCount);
        }
    }

    /** Runs a statement once per parameter set, as one JDBC batch (or through the insertmanyvalues executor). */
    Result executeMany(Executable statement, List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(parameterSets, "parameterSets");
        if (parameterSets.isEmpty()) {
            return new DefaultResult(0, new long[0]).withoutPrimaryKey(EXECUTEMANY_KEY);
        }
        if (statement instanceof Insert && !((Insert) statement).hasValues()
                && !((Insert) statement).returningClause().isEmpty()) {
            return ((DefaultResult) insertMany().execute((Insert) statement, parameterSets))
                    .withoutPrimaryKey(EXECUTEMANY_KEY);
        }
        DefaultEngine.Compiled compiled;
        CompiledStatement plan;
        List<List<@Nullable Object>> rows;
        @Nullable SqlType<?>[] types;
        /** Set when the rows are bound straight from their maps as the batch is built. */
        InsertRows direct = null;
        if (statement instanceof Insert && !((Insert) statement).hasValues()) {
            // insert(table) with rows as parameter maps: one statement for the first row's columns, one batch.
            Insert bare = (Insert) statement;
            if (dialect.insertManyValuesWithoutReturning() && InsertManyExecutor.pageable(bare, parameterSets)) {
                Result paged = insertMany().executePages(bare, parameterSets);
                if (paged != null) {
                    return ((DefaultResult) paged).withoutPrimaryKey(EXECUTEMANY_KEY);
                }
            }
            InsertRows layout = InsertRows.of(bare, parameterSets.get(0));
            boolean expressions = false;
            for (int i = 0; i < parameterSets.size(); i++) {
                // a row naming other columns fails before any runs
                expressions |= !layout.plainValues(parameterSets.get(i), i);
            }
            if (expressions) {
                return executeRowByRow(bare, parameterSets).withoutPrimaryKey(EXECUTEMANY_KEY);
            }
            compiled = engine.compile(bare.values(parameterSets.get(0)));
            plan = compiled.statement();
            types = layout.types();
            // Each row's values, computed when the log asks for them (no row holds an expression: see above).
            rows = new java.util.AbstractList<>() {
                @Override
                public List<@Nullable Object> get(int index) {
                    List<@Nullable Object> values = layout.values(parameterSets.get(index), index);
                    if (values == null) {
                        throw new IllegalStateException("Parameter set " + (index + 1) + " holds an expression");
                    }
                    return values;
                }

                @Override
                public int size() {
                    return parameterSets.size();
                }
            };
            if (layout.computesDefaults()) {
                rows = new ArrayList<>(rows); // computed once, so that the log shows the values bound
            } else {
                direct = layout;
            }
        } else {
            rows = new ArrayList<>(parameterSets.size());
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
            types = bound != null ? bound.types().toArray(new @Nullable SqlType<?>[0])
                    : parameterTypes(statement, plan);
        }
        List<Map<String, @Nullable Object>> logged = LazyNamedValues.ofRows(plan, rows);
        ParameterBinder[] binders = binders(types);
        InsertRows directRows = direct;
        List<List<@Nullable Object>> rowValues = rows;
        long[] counts = runBatch(compiled, logged, rows.size(), (binding, i) -> {
            if (directRows != null) {
                if (!directRows.bind(binding, parameterSets.get(i), i, binders, 0)) {
                    throw new IllegalStateException("Parameter set " + (i + 1) + " holds an expression");
                }
            } else {
                bindAll(binding, rowValues.get(i), binders);
            }
        });
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                counts[i] = -1; // Statement.SUCCESS_NO_INFO: the driver does not know
                total = -1;
            } else if (total >= 0) {
                total += counts[i];
            }
        }
        return new DefaultResult(total, counts).withoutPrimaryKey(EXECUTEMANY_KEY);
    }

    /**
     * An insert executemany whose rows give an expression for a column (a SQL function of a value, say): each row is
     * its own statement, in the order of the rows, since the placeholders of one statement cannot take an
     * expression's SQL (bound into the first row's statement, {@code lower(?)} would go in as its argument, or the
     * first row's expression would apply to every row). Every row is checked before the first runs.
     */
    private DefaultResult executeRowByRow(Insert bare,
            List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        InsertRows layout = InsertRows.of(bare, parameterSets.get(0));
        for (int i = 0; i < parameterSets.size(); i++) {
            layout.checkColumns(parameterSets.get(i), i);
        }
        long[] counts = new long[parameterSets.size()];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = executeOnce(bare.values(parameterSets.get(i)), Map.of(), 0, null).rowCount();
            total = counts[i] < 0 || total < 0 ? -1 : total + counts[i];
        }
        return new DefaultResult(total, counts);
    }

    /** The connection's insertmanyvalues executor, made on first use. */
    private InsertManyExecutor insertMany() {
        InsertManyExecutor many = insertMany;
        if (many == null) {
            many = new InsertManyExecutor(connection, this, engine);
            insertMany = many;
        }
        return many;
    }

    /** Binds the parameters of one entry of a JDBC batch. */
    interface BatchEntry {
        void bind(PreparedStatement binding, int entry) throws SQLException;
    }

    /**
     * Runs {@code compiled} as one JDBC batch of {@code entries} entries, each bound by {@code binder}, and gives the
     * driver's count of each entry. The statement is logged and its listeners told once, as one executemany.
     */
    long[] runBatch(DefaultEngine.Compiled compiled, List<Map<String, @Nullable Object>> logged, int entries,
            BatchEntry binder) {
        CompiledStatement plan = compiled.statement();
        connection.autobegin(false);
        log.statement(plan.sql(), logged, true, compiled.cached());
        StatementEvent event = event(plan.sql(), logged, true);
        SQLException failure = null;
        long rowCount = -1;
        fireBefore(event);
        long start = startTime(event);
        PreparedStatement prepared = null;
        try {
            prepared = connection.prepareStatement(plan.sql());
            applyTimeout(prepared);
            PreparedStatement binding = connection.forValues(prepared, PreparedStatement.class);
            for (int i = 0; i < entries; i++) {
                binder.bind(binding, i);
                binding.addBatch();
            }
            long[] counts = prepared.executeLargeBatch();
            long total = 0;
            for (long count : counts) {
                if (count < 0) {
                    total = -1;
                    break;
                }
                total += count;
            }
            rowCount = total;
            connection.releaseStatement(plan.sql(), prepared);
            return counts;
        } catch (SQLException e) {
            failure = e;
            closeQuietly(prepared);
            throw translate(e, plan.sql(), logged);
        } catch (RuntimeException e) {
            closeQuietly(prepared); // a row that could not be bound: its batch is not run
            throw e;
        } finally {
            fireAfter(event, elapsedSince(event, start), failure, rowCount);
        }
    }

    /** The SQL type of each placeholder where the statement declares one (text().bindTypes), else null. */
    private static @Nullable SqlType<?>[] parameterTypes(Executable statement, CompiledStatement plan) {
        @Nullable SqlType<?>[] types = new @Nullable SqlType<?>[plan.parameterNames().size()];
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

    /** One binder per placeholder, for a statement that binds many rows. */
    ParameterBinder[] binders(@Nullable SqlType<?>[] types) {
        ParameterBinder[] binders = new ParameterBinder[types.length];
        for (int i = 0; i < types.length; i++) {
            binders[i] = dialect.jdbcTypes().binder(types[i]);
        }
        return binders;
    }

    private static void bindAll(PreparedStatement prepared, List<@Nullable Object> values, ParameterBinder[] binders)
            throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            binders[i].bind(prepared, i + 1, values.get(i));
        }
    }

    void bindAll(PreparedStatement prepared, List<@Nullable Object> values, @Nullable SqlType<?>[] types)
            throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            if (types[i] != null) {
                dialect.jdbcTypes().bind(prepared, i + 1, values.get(i), types[i]);
            } else {
                dialect.jdbcTypes().bind(prepared, i + 1, values.get(i));
            }
        }
    }

    private static Map<String, @Nullable Object> defaults(Executable statement) {
        return statement instanceof TextClause ? ((TextClause) statement).boundValues() : Map.of();
    }

    /** The event listeners are told of, or null when there are none (nothing to allocate). */
    @Nullable StatementEvent event(String sql, List<Map<String, @Nullable Object>> logged, boolean batch) {
        if (listeners.isEmpty() && (!nPlusOne || io.retort.engine.StatementOrigin.current() == null)) {
            return null;
        }
        return new StatementEvent(sql, logged, batch);
    }

    /**
     * Tells the listeners a statement is about to run, the N+1 detector first. Called before the {@code try} whose
     * {@code finally} calls {@link #fireAfter}: when a listener refuses the statement (the N+1 detector in raise mode
     * throws), the statement does not run, and the listeners told before it are told it ended, so that what they
     * began (a trace span) ends.
     */
    void fireBefore(@Nullable StatementEvent event) {
        if (event == null) {
            return;
        }
        if (nPlusOne && io.retort.engine.StatementOrigin.current() != null) {
            NPlusOneDetector counting = detector;
            if (counting == null) {
                counting = engine.operations().newDetector();
                detector = counting;
            }
            counting.beforeExecute(event); // first, so that no other listener has begun anything when it throws
        }
        for (int i = 0; i < listeners.size(); i++) {
            try {
                listeners.get(i).beforeExecute(event);
            } catch (RuntimeException | Error e) {
                // The statement never ran: the listeners before it hear a failure, not a success with no rows (a
                // span would end as OK, a write tracker would count a write).
                SQLException refused = new SQLException("The statement did not run: an ExecutionListener refused it ("
                        + e + ")", e);
                for (int j = 0; j < i; j++) {
                    try {
                        listeners.get(j).afterExecute(event, 0, refused, -1);
                    } catch (RuntimeException | Error also) {
                        e.addSuppressed(also);
                    }
                }
                throw e;
            }
        }
    }

    /** When a statement began, for its listeners: 0 without an event (nobody is told, so no clock is read). */
    static long startTime(@Nullable StatementEvent event) {
        return event == null ? 0L : System.nanoTime();
    }

    /** The nanoseconds since {@link #startTime}; 0 without an event. */
    static long elapsedSince(@Nullable StatementEvent event, long start) {
        return event == null ? 0L : System.nanoTime() - start;
    }

    void fireAfter(@Nullable StatementEvent event, long nanos, @Nullable SQLException failure, long rowCount) {
        if (event == null) {
            return;
        }
        for (ExecutionListener listener : listeners) {
            listener.afterExecute(event, nanos, failure, rowCount);
        }
    }

    /**
     * The database error as a Retort exception, with a note when the JTA transaction's time ran out; an error that
     * says the connection is dead invalidates it.
     */
    DatabaseException translate(SQLException e, String sql,
            List<? extends Map<String, ? extends @Nullable Object>> parameters) {
        DatabaseException translated = ExceptionTranslator.translate(dialect, e, sql, parameters);
        if (queryTimeout > 0 && System.nanoTime() - queryStarted >= queryTimeout * 1_000_000_000L - 500_000_000L) {
            translated.addNote("[The statement was cancelled: it ran past the " + queryTimeout + "s left before the"
                    + " JTA transaction's timeout, which rolls the transaction back]");
        }
        connection.checkDisconnect(e);
        return translated;
    }

    static void closeQuietly(@Nullable Statement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException e) {
                SqlLog.warn("Could not close a statement", e);
            }
        }
    }
}
