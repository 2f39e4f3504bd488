package io.retort.impl.engine;

import io.retort.engine.Connection;
import io.retort.engine.DatabaseUrl;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.PoolStatus;
import io.retort.exception.ConfigurationException;
import io.retort.exception.OperationalException;
import io.retort.exception.PoolTimeoutException;
import io.retort.exception.ResourceClosedException;
import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.StatementCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.Drivers;
import io.retort.impl.dialect.JdbcTarget;
import io.retort.sql.Executable;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The engine: a dialect, a pool and a compiled-statement cache. Thread-safe.
 *
 * <p>An in-memory database (SQLite, H2) is kept alive by one extra connection held outside the pool from the first
 * {@link #connect()} until {@link #close()}, so that it survives the pool closing idle connections and
 * {@link #dispose()}.
 */
public final class DefaultEngine implements Engine {
    private final DatabaseUrl url;
    private final EngineOptions options;
    private final Dialect dialect;
    private final PoolSettings poolSettings;
    private final Function<PoolSettings, ConnectionSource> poolFactory;
    private final StatementCompiler compiler;
    /** {@code compiler::compile}, made once rather than at every execution. */
    private final Function<Executable, CompiledStatement> compileText;
    private final StatementCache cache;
    private final ConnectionChecker checker = new ConnectionChecker(this);
    private final SqlLog log;
    /** Checked out now (adders: every checkout of every thread counts; a sum read meanwhile is clamped at 0). */
    private final java.util.concurrent.atomic.LongAdder checkedOut = new java.util.concurrent.atomic.LongAdder(),
            waiting = new java.util.concurrent.atomic.LongAdder(); // and callers of connect() waiting for the pool
    private final Operations operations;
    private final Object lock = new Object();
    /** What the insert executemanys learned of this engine's tables (SQLite). */
    final RowidKeys rowidKeys = new RowidKeys();
    private volatile @Nullable PoolGeneration pool;
    private volatile boolean initialized;
    private volatile boolean closed;
    private java.sql.@Nullable Connection keepAlive;

    /**
     * One pool, and how many of its connections are checked out. {@link #dispose()} retires the current generation:
     * it is closed at once if none of its connections is in use, otherwise when the last one is returned, so that
     * disposing never breaks a connection someone is using (as SQLAlchemy's {@code dispose()}).
     */
    static final class PoolGeneration {
        private final ConnectionSource source;
        private final AtomicInteger inUse = new AtomicInteger();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean retired;

        PoolGeneration(ConnectionSource source) {
            this.source = source;
            this.valuesBypassWrappers = source.valuesBypassWrappers();
            this.configuredAutoCommit = source.handsOutConfiguredAutoCommit();
        }

        /** Whether the pool's connections come in the engine's auto-commit mode (no need to ask each one). */
        boolean configuredAutoCommit() {
            return configuredAutoCommit;
        }

        /** The driver's connection behind the pool's wrapper, where Retort may keep its statements open; else null. */
        java.sql.@Nullable Connection physical(java.sql.Connection wrapped) {
            if (!valuesBypassWrappers) {
                return null;
            }
            try {
                return wrapped.unwrap(java.sql.Connection.class);
            } catch (SQLException | RuntimeException e) {
                return null;
            }
        }

        /** Whether values are bound and read on the driver's objects behind the pool's wrappers. */
        private final boolean valuesBypassWrappers;
        private final boolean configuredAutoCommit;

        /**
         * The driver's own statement or result set behind the pool's wrapper, where the pool allows binding and
         * reading values on it ({@link ConnectionSource#valuesBypassWrappers()}); else {@code wrapped} itself.
         */
        <T extends java.sql.Wrapper> T forValues(T wrapped, Class<T> type) {
            if (!valuesBypassWrappers) {
                return wrapped;
            }
            try {
                T inner = wrapped.unwrap(type);
                return inner != null ? inner : wrapped;
            } catch (SQLException | RuntimeException e) {
                return wrapped; // a driver that cannot unwrap: the wrapper works all the same
            }
        }

        /**
         * Counts a connection about to be taken from this pool, unless {@link #retire()} came first (the caller then
         * takes the engine's next pool). A retire that comes after sees the count and leaves the pool open.
         */
        boolean enter() {
            inUse.incrementAndGet();
            if (retired) {
                returned();
                return false;
            }
            return true;
        }

        void returned() {
            if (inUse.decrementAndGet() == 0 && retired) {
                closeOnce();
            }
        }

        void retire() {
            retired = true;
            if (inUse.get() == 0) {
                closeOnce();
            }
        }

        private void closeOnce() {
            if (closed.compareAndSet(false, true)) {
                source.close();
            }
        }
    }

    /**
     * A compiled statement, whether it came from the cache, and its cache entry (null for a statement compiled outside
     * the cache), which keeps what executions of the same statement can share.
     */
    record Compiled(CompiledStatement statement, boolean cached, StatementCache.@Nullable Entry entry,
            io.retort.impl.compiler.ExpressionCompiler.@Nullable Bound values, @Nullable StatementShape shape) {
        Compiled(CompiledStatement statement, boolean cached) {
            this(statement, cached, null, null, null);
        }

        /** The values and types an execution of {@code node} (the statement compiled) binds. */
        io.retort.impl.compiler.ExpressionCompiler.Bound bound(io.retort.impl.dialect.Dialect dialect,
                io.retort.sql.SqlNode node) {
            return values != null ? values
                    : io.retort.impl.compiler.ExpressionCompiler.collect(dialect, node, statement);
        }
    }

    /**
     * Creates an engine; no connection is opened until {@link #connect()}.
     *
     * @param url the URL
     * @param options the options
     * @param poolFactory makes the pool (Agroal's, normally)
     */
    public DefaultEngine(DatabaseUrl url, EngineOptions options, Function<PoolSettings, ConnectionSource> poolFactory) {
        this(url, options, poolFactory, Drivers.resolve(url, options.connectArgs()));
    }

    private DefaultEngine(DatabaseUrl url, EngineOptions options, Function<PoolSettings, ConnectionSource> poolFactory,
            Drivers.Resolved resolved) {
        this.url = Objects.requireNonNull(url, "url");
        this.options = Objects.requireNonNull(options, "options");
        this.dialect = resolved.dialect();
        if (options.isolationLevel() != null) {
            dialect.checkIsolationLevel(options.isolationLevel());
        }
        this.poolSettings = new PoolSettings(resolved.target(), options.poolSize(), options.maxOverflow(),
                options.poolTimeout(), options.poolRecycle(), options.poolPrePing(), options.isolationLevel(),
                dialect::isDisconnect, options.transactionCoordinator().poolIntegration(url.render(true)),
                options.transactionCoordinator().xa()
                        ? Drivers.xaDataSourceClassName(dialect, resolved.target().driverClassName()) : null,
                options.poolIdleTimeout());
        this.poolFactory = poolFactory;
        this.compiler = new StatementCompiler(dialect);
        this.compileText = compiler::compile;
        this.cache = new StatementCache(options.compiledCacheSize());
        this.statementCacheSize = dialect.driverCachesStatements() ? 0
                : PreparedStatementCache.configuredSize(url, options);
        this.log = new SqlLog(options.echo());
        this.operations = Operations.create(options, dialect.name(), poolName(url), this::poolStatus);
    }

    /** The pool's name in metrics: the URL without user and password. */
    private static String poolName(DatabaseUrl url) {
        return url.withCredentials(null, null).toString();
    }

    /**
     * An engine on a DataSource someone else owns and pools: connections come from it and go back to it; the
     * engine neither pools nor closes it.
     *
     * @throws ConfigurationException if the dialect is unknown or cannot be told from the database
     */
    public static DefaultEngine onDataSource(javax.sql.DataSource dataSource, @Nullable String dialectName,
            EngineOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        String name = dialectName != null ? dialectName : DataSourceConnectionSource.detectDialect(dataSource);
        Dialect dialect = Drivers.dialect(name);
        JdbcTarget target = new JdbcTarget("datasource:" + dataSource.getClass().getName(),
                dataSource.getClass().getName(), new java.util.Properties(), false);
        return new DefaultEngine(DatabaseUrl.parse(name + "://datasource"), options,
                settings -> new DataSourceConnectionSource(dataSource), new Drivers.Resolved(dialect, target));
    }

    Dialect dialect() {
        return dialect;
    }

    SqlLog log() {
        return log;
    }

    /** The engine's features: its listeners, and whether each connection has an N+1 detector. */
    Operations operations() {
        return operations;
    }

    @Override
    public List<io.retort.engine.ExecutionListener> listeners() {
        return operations.engineListeners();
    }

    /** The JDBC target this engine connects to (for tests and diagnostics). */
    public JdbcTarget jdbcTarget() {
        return poolSettings.target();
    }

    Compiled compile(Executable statement) {
        return cache.get(statement, dialect, compileText);
    }

    /** Multi-row INSERT ... VALUES statements of an insert executemany with RETURNING, per statement and row count. */
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, CompiledStatement> multiRow =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The multi-row form of {@code bare} for {@code rows} rows shaped like {@code firstRow}: building and hashing a
     * statement of a thousand rows for every page would cost more than binding them, so full pages are compiled once
     * (a last, shorter page is compiled for itself, so the cache holds one entry per statement and page size).
     */
    Compiled compileMultiRow(io.retort.sql.Insert bare, java.util.Map<String, ?> firstRow, int rows, boolean fullPage) {
        if (!fullPage) {
            return new Compiled(compiler.compile(bare.values(java.util.Collections.nCopies(rows, firstRow))), false);
        }
        List<Object> key = List.of(bare, List.copyOf(firstRow.keySet()), rows);
        boolean[] compiledNow = new boolean[1];
        CompiledStatement compiled = multiRow.computeIfAbsent(key, k -> {
            compiledNow[0] = true;
            return compiler.compile(bare.values(java.util.Collections.nCopies(rows, firstRow)));
        });
        return new Compiled(compiled, !compiledNow[0]);
    }

    /** How many prepared statements are kept per JDBC connection; 0 when none are (see {@link #statementCache}). */
    private final int statementCacheSize;
    /** The prepared statements kept per driver connection, by identity; guarded by itself. */
    private final Map<java.sql.Connection, PreparedStatementCache> preparedStatements = new java.util.IdentityHashMap<>();

    /**
     * The prepared statements kept for a JDBC connection of {@code generation}, or null where none are kept: the
     * option is 0, the driver caches statements itself, or the pool does not let Retort hold the driver's statements.
     * The caches of connections the pool has closed are dropped when a cache is made for a new one.
     */
    @Nullable PreparedStatementCache statementCache(java.sql.Connection jdbc, PoolGeneration generation) {
        if (statementCacheSize == 0) {
            return null;
        }
        java.sql.Connection physical = generation.physical(jdbc);
        if (physical == null) {
            return null;
        }
        synchronized (preparedStatements) {
            PreparedStatementCache cache = preparedStatements.get(physical);
            if (cache == null) {
                preparedStatements.values().removeIf(PreparedStatementCache::isClosed);
                cache = new PreparedStatementCache(physical, statementCacheSize);
                preparedStatements.put(physical, cache);
            }
            return cache;
        }
    }

    /** How many prepared statements are kept open, idle, over all JDBC connections (for tests). */
    int keptStatements() {
        synchronized (preparedStatements) {
            return preparedStatements.values().stream().mapToInt(PreparedStatementCache::size).sum();
        }
    }

    /** How many statements the cache holds. */
    public int cacheSize() {
        return cache.size();
    }

    /** How many compilations the cache saved, and how many it could not. */
    public long[] cacheHitsAndMisses() {
        return new long[] {cache.hits(), cache.misses()};
    }

    private PoolGeneration pool() {
        PoolGeneration current = pool;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            checkNotClosed();
            if (pool == null) {
                ConnectionSource source = poolFactory.apply(poolSettings);
                source.observe(operations.poolEvents());
                pool = new PoolGeneration(source);
            }
            return pool;
        }
    }

    @Override
    public Connection connect() {
        checkNotClosed();
        Checkout checkout = checkout();
        checkedOut.increment();
        try {
            return new DefaultConnection(this, checkout.jdbc(), checkout.generation());
        } catch (RuntimeException | Error e) {
            // No Connection owns the JDBC connection (a rolled-back JTA transaction refused it, say): it goes back now,
            // not when the garbage collector finds it, and the pool's count stays true.
            try {
                checkout.jdbc().close();
            } catch (SQLException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            connectionClosed(checkout.generation());
            throw e;
        }
    }

    /** A JDBC connection taken from a pool, and the pool it goes back to. */
    record Checkout(java.sql.Connection jdbc, PoolGeneration generation) {
    }

    /**
     * Takes a JDBC connection from the current pool: for a new Connection, or for one whose JDBC connection was
     * invalidated and that runs its next statement.
     *
     * @throws PoolTimeoutException if none becomes free within the pool timeout
     */
    Checkout checkout() {
        checkNotClosed();
        PoolGeneration generation = pool();
        // dispose() may retire the pool between pool() and here: take the next one rather than a closed one. Entered,
        // the pool stays open until returned(), so initialize() does not ask a pool dispose() closed for a connection.
        while (!generation.enter()) {
            generation = pool();
        }
        if (!initialized) {
            try {
                initialize(generation.source);
            } catch (RuntimeException | Error e) {
                generation.returned();
                throw e;
            }
        }
        PoolEvents events = operations.poolEvents();
        waiting.increment();
        events.waitStarted();
        long waitStart = events != PoolEvents.NONE ? System.nanoTime() : 0;
        boolean timedOut = false;
        try {
            return new Checkout(generation.source.acquire(), generation);
        } catch (ConnectionSource.PoolExhaustedException e) {
            timedOut = true;
            generation.returned();
            throw new PoolTimeoutException("No connection became free within the pool timeout of "
                    + describe(options.poolTimeout()) + ": all " + (options.poolSize() + options.maxOverflow())
                    + " connections (pool size " + options.poolSize() + ", overflow " + options.maxOverflow()
                    + ") are checked out. Close connections when done (try-with-resources), or raise poolSize,"
                    + " maxOverflow or poolTimeout", e);
        } catch (SQLException | RuntimeException e) {
            generation.returned();
            throw e instanceof SQLException ? connectFailure((SQLException) e) : (RuntimeException) e;
        } finally {
            waiting.decrement();
            if (events != PoolEvents.NONE) {
                events.waitEnded(System.nanoTime() - waitStart, timedOut);
            }
        }
    }

    /**
     * A Connection's JDBC connection was discarded (invalidated); after a disconnect the pool's idle connections
     * are closed too, since a server restart or failover leaves them as dead.
     */
    void invalidated(PoolGeneration generation, boolean disconnect) {
        if (disconnect) {
            generation.source.discardIdle();
        }
        generation.returned();
    }

    private OperationalException connectFailure(SQLException e) {
        return new OperationalException("-- connect to " + url, List.of(), e);
    }

    private static String describe(java.time.Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    /** Reads the server's version once, and opens the connection that keeps an in-memory database alive. */
    private void initialize(ConnectionSource source) {
        synchronized (lock) {
            if (initialized) {
                return;
            }
            try {
                if (poolSettings.target().inMemory()) {
                    keepAlive = source.openUnpooled();
                    dialect.initialize(keepAlive);
                } else if (poolSettings.transactionIntegration() != null) {
                    // A pooled connection could be enlisted in the caller's JTA transaction: ask one of our own.
                    try (java.sql.Connection first = source.openUnpooled()) {
                        dialect.initialize(first);
                    }
                } else {
                    try (java.sql.Connection first = source.acquire()) {
                        dialect.initialize(first);
                        if (!first.getAutoCommit()) {
                            try {
                                first.rollback();
                            } catch (SQLException enlisted) {
                                // A container's connection enlisted in the caller's transaction: leave it be.
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw connectFailure(e);
            }
            initialized = true;
        }
    }

    /** A Connection was closed; its JDBC connection, if it still had one, went back to {@code generation}. */
    void connectionClosed(@Nullable PoolGeneration generation) {
        checkedOut.decrement();
        if (generation != null) {
            generation.returned();
        }
    }

    @Override
    public void begin(Consumer<Connection> work) {
        inTransaction(new Begin(work));
    }

    /** {@link #begin}'s work as a function: a class, since a capturing lambda not inlined allocates reflectively. */
    private record Begin(Consumer<Connection> work) implements Function<Connection, @Nullable Object> {
        @Override
        public @Nullable Object apply(Connection connection) {
            work.accept(connection);
            return null;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Inside an external (JTA) transaction the work joins it: it is not committed here, and an exception marks the
     * transaction rollback-only.
     */
    @Override
    public <T extends @Nullable Object> T inTransaction(Function<Connection, T> work) {
        try (DefaultConnection connection = (DefaultConnection) connect()) {
            T value;
            try {
                value = work.apply(connection);
            } catch (RuntimeException | Error e) {
                try {
                    if (connection.external() != null) {
                        connection.external().setRollbackOnly();
                    } else if (!connection.isClosed()) {
                        connection.rollback();
                    }
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
            if (connection.external() == null) {
                connection.commit();
            }
            return value;
        }
    }

    @Override
    public DatabaseUrl url() {
        return url;
    }

    @Override
    public boolean supports(io.retort.engine.Capability capability) {
        switch (capability) {
            case INSERT_RETURNING:
                return dialect.supportsReturning("INSERT");
            case UPDATE_RETURNING:
                return dialect.supportsReturning("UPDATE");
            case DELETE_RETURNING:
                return dialect.supportsReturning("DELETE");
            case SEQUENCES:
                return dialect.supportsSequences();
            case BATCH_ROW_COUNTS:
                return dialect.supportsSaneMultiRowcount(poolSettings.target());
            default:
                throw new IllegalArgumentException("Unknown capability " + capability);
        }
    }

    @Override
    public String dialectName() {
        return dialect.name();
    }

    @Override
    public EngineOptions options() {
        return options;
    }

    @Override
    public io.retort.engine.ConnectionCheck check(java.time.Duration timeout) {
        return checker.check(timeout);
    }

    @Override
    public PoolStatus poolStatus() {
        PoolGeneration current = pool;
        int open = current == null ? 0 : current.source.openConnections();
        return new PoolStatus(options.poolSize(), options.maxOverflow(), (int) Math.max(0, checkedOut.sum()), open,
                (int) Math.max(0, waiting.sum()));
    }

    @Override
    public void dispose() {
        PoolGeneration old;
        synchronized (lock) {
            old = pool;
            pool = null;
        }
        if (old != null) {
            old.retire();
        }
    }

    @Override
    public void close() {
        java.sql.Connection anchor;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            anchor = keepAlive;
            keepAlive = null;
        }
        dispose();
        operations.poolEvents().close();
        if (anchor != null) {
            try {
                anchor.close();
            } catch (SQLException e) {
                SqlLog.warn("Could not close the connection holding the in-memory database", e);
            }
        }
    }

    private void checkNotClosed() {
        if (closed) {
            throw new ResourceClosedException("This Engine (" + url + ") is closed; create a new one");
        }
    }

    @Override
    public String toString() {
        return "Engine(" + url + ")";
    }
}
