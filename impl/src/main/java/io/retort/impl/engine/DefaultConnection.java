package io.retort.impl.engine;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Inspector;
import io.retort.engine.IsolationLevel;
import io.retort.engine.NestedTransaction;
import io.retort.engine.Result;
import io.retort.exception.DatabaseException;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.PendingRollbackException;
import io.retort.exception.ResourceClosedException;
import io.retort.impl.compiler.DdlCompiler;
import io.retort.impl.compiler.DdlStatement;
import io.retort.impl.dialect.Dialect;
import io.retort.schema.MetaData;
import io.retort.sql.Executable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A pooled JDBC connection with SQLAlchemy's transaction behaviour: autobegin, commit as you go, roll back on
 * close. Not thread-safe. Statement execution is {@link StatementExecutor}'s job (with {@link InsertManyExecutor}
 * for insertmanyvalues), the transaction and its savepoints {@link ConnectionTransaction}'s.
 */
final class DefaultConnection implements Connection {
    private final DefaultEngine engine;
    /** The JDBC connection; null after {@link #invalidate()} until the next statement takes a new one. */
    private java.sql.@Nullable Connection jdbc;
    private DefaultEngine.@Nullable PoolGeneration generation;
    /** The isolation level set with {@link #setIsolationLevel}, set again on a JDBC connection taken anew. */
    private @Nullable IsolationLevel chosenLevel;
    private final Dialect dialect;
    private final SqlLog log;
    /** The results still holding an open JDBC statement; made at the first. */
    private @Nullable List<RowCursor> openCursors;
    private boolean autocommit;
    /**
     * {@link #deferBeginUntilWrite()} was called and no statement has yet needed a transaction: read-only
     * statements run in the driver's auto-commit, and the transaction begins with the first other statement.
     */
    private boolean deferBegin;
    /** The JDBC connection was put in auto-commit for the reads of {@link #deferBegin}. */
    private boolean readingInAutoCommit;
    /** {@link #jdbcConnection()} handed out the JDBC connection, whose auto-commit its caller may have changed. */
    private boolean handedOut;
    /** The external (JTA) transaction the connection is enlisted in, or null for a resource-local connection. */
    private final io.retort.spi.TransactionCoordinator.@Nullable ExternalTransaction external;
    private final StatementExecutor statements;
    private final ConnectionTransaction transaction;
    private boolean closed;
    /** The prepared statements kept for the JDBC connection, once looked up (null: none are kept). */
    private @Nullable PreparedStatementCache statementCache;
    private boolean statementCacheLooked;
    /** Gives the JDBC connection back if this Connection is dropped without close(). */
    private final ConnectionLease lease;

    DefaultConnection(DefaultEngine engine, java.sql.Connection jdbc, DefaultEngine.PoolGeneration generation) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.generation = generation;
        this.dialect = engine.dialect();
        this.log = engine.log();
        // The pool hands out connections in the engine's mode and resets a changed mode on return.
        this.autocommit = engine.options().isolationLevel() == IsolationLevel.AUTOCOMMIT;
        io.retort.spi.TransactionCoordinator coordinator = engine.options().transactionCoordinator();
        this.external = coordinator.currentTransaction();
        this.statements = new StatementExecutor(this, engine, external);
        this.transaction = new ConnectionTransaction(this, engine, external);
        this.lease = ConnectionLease.of(this, engine, jdbc, generation, external != null);
        prepare(jdbc, generation);
    }

    private void prepare(java.sql.Connection fresh, DefaultEngine.PoolGeneration from) {
        if (external == null && !autocommit && !from.configuredAutoCommit()) {
            // Outside a JTA transaction a JTA-aware pool, or a container's DataSource, hands out connections in
            // auto-commit; Retort's autobegin needs it off.
            try {
                if (fresh.getAutoCommit()) {
                    fresh.setAutoCommit(false);
                }
            } catch (SQLException e) {
                throw translate(e, "-- set auto-commit off", List.of());
            }
        }
    }

    /**
     * The JDBC connection for the next statement. After an invalidation, a new one from the pool (SQLAlchemy's
     * reconnect), once the invalid transaction was rolled back.
     *
     * @throws PendingRollbackException if the connection was invalidated inside a transaction not yet rolled back
     */
    java.sql.Connection jdbc() {
        java.sql.Connection current = jdbc;
        if (current != null) {
            return current;
        }
        transaction.checkNotPendingRollback();
        readingInAutoCommit = false; // the new connection comes as the pool hands them out
        DefaultEngine.Checkout checkout = engine.checkout();
        jdbc = checkout.jdbc();
        generation = checkout.generation();
        lease.hold(jdbc, generation);
        log.log("-- a new connection from the pool replaces the invalidated one");
        prepare(checkout.jdbc(), checkout.generation());
        if (chosenLevel != null) {
            IsolationLevel level = chosenLevel;
            setIsolationLevel(level);
        }
        return checkout.jdbc();
    }

    @Override
    public boolean isInvalidated() {
        return jdbc == null;
    }

    @Override
    public void invalidate() {
        checkOpen();
        if (jdbc == null) {
            return;
        }
        discard(null);
    }

    /**
     * Discards the JDBC connection after {@code disconnect} (a database error that says it is dead), or because
     * {@link #invalidate()} was called (null): its results are closed, it is closed and not returned to the pool,
     * and a transaction it had must be rolled back before the next statement takes a new connection.
     */
    void discard(@Nullable SQLException disconnect) {
        java.sql.Connection dead = jdbc;
        DefaultEngine.PoolGeneration from = generation;
        if (dead == null || from == null) {
            return;
        }
        jdbc = null;
        generation = null;
        statementCache = null;
        statementCacheLooked = false;
        lease.hold(null, null);
        closeCursors(disconnect != null ? "the connection to the database was lost, which" : "invalidate() closed it");
        transaction.invalidated();
        log.log(disconnect != null ? "-- the connection was lost; it is invalidated and discarded"
                : "-- invalidate(): the connection is discarded");
        try {
            if (disconnect == null && !dead.getAutoCommit()) {
                // A live connection: end its transaction on the server now, whatever abort() does with it (the
                // embedded drivers cannot abort, and a closed connection goes back to the pool).
                dead.rollback();
            }
            dead.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            try {
                dead.close();
            } catch (SQLException | RuntimeException ignored) {
                // A connection that can neither abort nor close is gone already.
            }
        } finally {
            engine.invalidated(from, disconnect != null);
        }
    }

    /**
     * The driver's own statement or result set behind the pool's wrapper, to bind or read values on, where the pool
     * allows it; else {@code wrapped} itself. Execute and close through the wrapper.
     */
    <T extends java.sql.Wrapper> T forValues(T wrapped, Class<T> type) {
        DefaultEngine.PoolGeneration current = generation;
        return current != null ? current.forValues(wrapped, type) : wrapped;
    }

    /**
     * A prepared statement for {@code sql}: one kept from an earlier execution on this JDBC connection where the
     * engine keeps them ({@link DefaultEngine#statementCache}), else a new one. Give it back with
     * {@link #releaseStatement} once its result is closed, or close it after a failure.
     */
    PreparedStatement prepareStatement(String sql) throws SQLException {
        java.sql.Connection current = jdbc();
        if (!statementCacheLooked) {
            DefaultEngine.PoolGeneration from = generation;
            statementCache = from == null ? null : engine.statementCache(current, from);
            statementCacheLooked = true;
        }
        PreparedStatementCache cache = statementCache;
        return cache != null ? cache.prepare(sql) : current.prepareStatement(sql);
    }

    /** Keeps a statement of {@link #prepareStatement} for the next execution of {@code sql}, or closes it. */
    void releaseStatement(String sql, PreparedStatement statement) {
        PreparedStatementCache cache = statementCache;
        if (cache != null && cache.owns(statement)) {
            cache.giveBack(sql, statement);
        } else {
            StatementExecutor.closeQuietly(statement);
        }
    }

    /** The external transaction this connection is part of, or null. */
    io.retort.spi.TransactionCoordinator.@Nullable ExternalTransaction external() {
        return external;
    }

    @Override
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result execute(Executable statement, Map<String, ? extends @Nullable Object> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        checkOpen();
        return statements.execute(statement, parameters, 0);
    }

    @Override
    public Result stream(Executable statement, Map<String, ? extends @Nullable Object> parameters, int batchSize) {
        if (batchSize < 1) {
            throw new InvalidArgumentException("stream() needs a batch size of at least 1, but was " + batchSize);
        }
        checkOpen();
        return statements.execute(statement, parameters, batchSize);
    }

    @Override
    public @Nullable Object scalar(Executable statement, Map<String, ? extends @Nullable Object> parameters) {
        return execute(statement, parameters).scalar();
    }

    @Override
    public Result execute(Executable statement,
            List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        checkOpen();
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(parameterSets, "parameterSets");
        return statements.executeMany(statement, parameterSets);
    }

    /** The database error as a Retort exception, with the statement and its parameters. */
    DatabaseException translate(SQLException e, String sql,
            List<? extends Map<String, ? extends @Nullable Object>> parameters) {
        return statements.translate(e, sql, parameters);
    }

    /** Invalidates the connection if {@code e} says the database connection is dead. */
    void checkDisconnect(SQLException e) {
        if (jdbc != null && dialect.isDisconnect(e)) {
            discard(e);
        }
    }

    /**
     * Begins the transaction before a statement, as SQLAlchemy's autobegin; after {@link #deferBeginUntilWrite()},
     * a read-only statement that does not stream runs in auto-commit instead while no transaction has begun.
     */
    void autobegin(boolean readOnly, boolean streams) {
        if (deferBegin) {
            if (readOnly && !streams) {
                readInAutoCommit();
                return;
            }
            endDeferredBegin();
        }
        transaction.autobegin(readOnly, autocommit);
    }

    /** Begins the transaction before a statement that writes (or may), as SQLAlchemy's autobegin. */
    void autobegin(boolean readOnly) {
        autobegin(readOnly, false);
    }

    @Override
    public void deferBeginUntilWrite() {
        checkOpen();
        if (external == null && !autocommit && !transaction.inTransaction()
                && readsNeedNoTransaction(chosenLevel)) {
            deferBegin = true;
        }
    }

    /**
     * Whether reads may run in auto-commit before a connection's transaction begins
     * ({@link #deferBeginUntilWrite()}): the isolation level in force ({@code chosen} on the
     * connection, else the engine's, else the database's default) gives every statement a snapshot of its own, so a
     * read sees the same rows in or out of a transaction, and the driver switches auto-commit without a round trip.
     */
    private boolean readsNeedNoTransaction(@Nullable IsolationLevel chosen) {
        IsolationLevel configured = chosen != null ? chosen : engine.options().isolationLevel();
        int level = configured != null ? configured.jdbcLevel() : dialect.defaultIsolation();
        return dialect.switchesAutoCommitLocally() && (level == java.sql.Connection.TRANSACTION_READ_COMMITTED
                || level == java.sql.Connection.TRANSACTION_READ_UNCOMMITTED);
    }

    private void readInAutoCommit() {
        if (!readingInAutoCommit) {
            java.sql.Connection current = jdbc();
            try {
                current.setAutoCommit(true);
            } catch (SQLException e) {
                throw translate(e, "-- set auto-commit on for a read before the transaction", List.of());
            }
            readingInAutoCommit = true;
        }
    }

    /**
     * Ends {@link #deferBeginUntilWrite()} for the rest of this connection's life: a statement that needs a
     * transaction comes (or the JDBC connection is handed out, or a savepoint or another isolation level is asked).
     */
    private void endDeferredBegin() {
        deferBegin = false;
        if (readingInAutoCommit) {
            readingInAutoCommit = false;
            java.sql.Connection current = jdbc;
            if (current != null) {
                try {
                    current.setAutoCommit(false);
                } catch (SQLException e) {
                    throw translate(e, "-- set auto-commit off to begin the transaction", List.of());
                }
            }
        }
    }

    /** Keeps a cursor until it is read to the end or closed, so that commit, rollback and close end it. */
    void register(RowCursor cursor) {
        List<RowCursor> open = openCursors;
        if (open == null) {
            open = new ArrayList<>(2);
            openCursors = open;
        }
        open.add(cursor);
    }

    @Override
    public void commit() {
        checkOpen();
        transaction.checkNotExternal("commits", "commit()");
        closeCursors("the Connection's commit() closed it");
        transaction.commit();
    }

    @Override
    public void rollback() {
        checkOpen();
        transaction.checkNotExternal("commits or rolls back", "rollback()");
        closeCursors("the Connection's rollback() closed it");
        transaction.rollback();
    }

    @Override
    public NestedTransaction beginNested() {
        checkOpen();
        endDeferredBegin();
        return transaction.beginNested(autocommit);
    }

    /** Releases a savepoint and every savepoint begun after it. */
    void releaseSavepoint(DefaultNestedTransaction nested) {
        checkOpen();
        transaction.releaseSavepoint(nested);
    }

    /** Rolls back to a savepoint; savepoints begun after it end with it. */
    void rollbackToSavepoint(DefaultNestedTransaction nested) {
        checkOpen();
        closeCursors("a rollback to savepoint " + nested.name() + " closed it");
        transaction.rollbackToSavepoint(nested);
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
    public boolean isInTransaction() {
        return transaction.inTransaction();
    }

    @Override
    public boolean wroteInTransaction() {
        return transaction.inTransaction() && !transaction.onlyReads();
    }

    @Override
    public void setIsolationLevel(IsolationLevel level) {
        checkOpen();
        Objects.requireNonNull(level, "level");
        if (transaction.inTransaction()) {
            throw new InvalidRequestException("Cannot change the isolation level to " + level + " while a"
                    + " transaction is in progress; set it before the first statement, or after commit() or"
                    + " rollback()");
        }
        dialect.checkIsolationLevel(level);
        if (deferBegin && (level == IsolationLevel.AUTOCOMMIT || !readsNeedNoTransaction(level))) {
            endDeferredBegin();
        }
        chosenLevel = level;
        java.sql.Connection jdbc = jdbc();
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
            int level = jdbc().getTransactionIsolation();
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
        jdbc(); // a connection now, as before: an error to report is reported here
        return new JdbcInspector(this, dialect);
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public java.sql.Connection jdbcConnection() {
        checkOpen();
        endDeferredBegin(); // what the caller runs on it must be in the transaction, as this connection's are
        java.sql.Connection current = jdbc();
        // What the caller runs on it may write: it belongs to a transaction that close() rolls back, not to one that
        // only read (which ends with COMMIT where ROLLBACK would drop the parsed statements).
        transaction.autobegin(false, autocommit);
        handedOut = true;
        return current;
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
        closeCursors("the Connection was closed");
        closed = true;
        java.sql.Connection open = jdbc;
        lease.release();
        if (open == null) {
            transaction.invalidated();
            transaction.rollback(); // the invalid transaction ends; nothing reaches the server
            engine.connectionClosed(null);
            return;
        }
        try {
            if (readingInAutoCommit) {
                readingInAutoCommit = false;
                open.setAutoCommit(false); // back as the pool handed it out
            }
            if (handedOut && open.getAutoCommit()) {
                transaction.endedByAutoCommit();
            } else {
                transaction.endOnClose(open);
            }
            open.close();
        } catch (SQLException e) {
            // A connection that cannot roll back is broken: discard it rather than return it to the pool.
            SqlLog.warn("Could not roll back and return a connection to the pool; discarding it", e);
            try {
                open.abort(Runnable::run);
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
        List<RowCursor> open = openCursors;
        return open == null ? 0 : open.size();
    }

    void forget(RowCursor cursor) {
        List<RowCursor> open = openCursors;
        if (open != null) {
            open.remove(cursor);
        }
    }

    private void closeCursors(String reason) {
        List<RowCursor> open = openCursors;
        if (open == null || open.isEmpty()) {
            return;
        }
        for (RowCursor cursor : List.copyOf(open)) {
            cursor.close(reason);
        }
    }
}
