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
import io.retort.exception.ResourceClosedException;
import io.retort.impl.compiler.DdlCompiler;
import io.retort.impl.compiler.DdlStatement;
import io.retort.impl.dialect.Dialect;
import io.retort.schema.MetaData;
import io.retort.sql.Executable;
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
    private final java.sql.Connection jdbc;
    private final DefaultEngine.PoolGeneration generation;
    private final Dialect dialect;
    private final SqlLog log;
    private final List<RowCursor> openCursors = new ArrayList<>(2);
    private boolean autocommit;
    /** The external (JTA) transaction the connection is enlisted in, or null for a resource-local connection. */
    private final io.retort.spi.TransactionCoordinator.@Nullable ExternalTransaction external;
    private final StatementExecutor statements;
    private final ConnectionTransaction transaction;
    private boolean closed;

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
        this.statements = new StatementExecutor(this, engine, jdbc, external);
        this.transaction = new ConnectionTransaction(this, engine, jdbc, external);
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

    /** Begins the transaction before a statement, as SQLAlchemy's autobegin. */
    void autobegin(boolean readOnly) {
        transaction.autobegin(readOnly, autocommit);
    }

    /** Keeps a cursor until it is read to the end or closed, so that commit, rollback and close end it. */
    void register(RowCursor cursor) {
        openCursors.add(cursor);
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
    public boolean inTransaction() {
        return transaction.inTransaction();
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
        closeCursors("the Connection was closed");
        closed = true;
        try {
            transaction.endOnClose();
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

    private void closeCursors(String reason) {
        for (RowCursor cursor : List.copyOf(openCursors)) {
            cursor.close(reason);
        }
    }
}
