package io.retort.impl.engine;

import io.retort.exception.InvalidRequestException;
import io.retort.exception.PendingRollbackException;
import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.dialect.Dialect;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The transaction state of a {@link DefaultConnection}: autobegin, commit, rollback and the stack of savepoints.
 * Not thread-safe; one per connection.
 */
final class ConnectionTransaction {
    private final DefaultConnection connection;
    private final Dialect dialect;
    private final SqlLog log;
    private final io.retort.spi.TransactionCoordinator.@Nullable ExternalTransaction external;
    /** The savepoints begun and not yet ended, the newest first; made at the first. */
    private @Nullable Deque<DefaultNestedTransaction> savepoints;
    private boolean inTransaction;
    /** The current transaction has run only read-only statements ({@link CompiledStatement#readOnly()}). */
    private boolean onlyReads;
    private int savepointCounter;

    /** The connection was invalidated in this transaction, which must be rolled back before anything else. */
    private boolean pendingRollback;

    ConnectionTransaction(DefaultConnection connection, DefaultEngine engine,
            io.retort.spi.TransactionCoordinator.@Nullable ExternalTransaction external) {
        this.connection = connection;
        this.dialect = engine.dialect();
        this.log = engine.log();
        this.external = external;
    }

    /** Begins a transaction before the first statement unless one is open or the connection is in autocommit. */
    void autobegin(boolean readOnly, boolean autocommit) {
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

    /** Whether a transaction has begun and not yet ended. */
    boolean inTransaction() {
        return inTransaction;
    }

    /** Whether the transaction has run only read-only statements. */
    boolean onlyReads() {
        return onlyReads;
    }

    /** Refuses an operation the JTA transaction, not the connection, decides. */
    void checkNotExternal(String operation, String instead) {
        if (external != null) {
            throw new InvalidRequestException("This Connection is part of a JTA transaction, which " + operation
                    + " it: do not call " + instead + " on it; let the @Transactional method return (or throw), or"
                    + " use UserTransaction.commit() / rollback() / setRollbackOnly()");
        }
    }

    /**
     * The JDBC connection was discarded (SQLAlchemy's invalidation): a transaction it had is gone on the server, and
     * must be rolled back here before the next statement, which takes a new connection.
     */
    void invalidated() {
        if (inTransaction) {
            pendingRollback = true; // its savepoints stay, so that rolling one back passes (see rollbackToSavepoint)
        }
    }

    /** Refuses work while an invalidated transaction waits for its rollback. */
    void checkNotPendingRollback() {
        if (pendingRollback && external != null) {
            // Connection.rollback() is refused inside a JTA transaction: the JTA transaction must end instead.
            throw new PendingRollbackException("Can't reconnect inside this JTA transaction: the connection to the"
                    + " database was lost (or invalidate() was called) during it, and its uncommitted work is gone."
                    + " Let the JTA transaction roll back (throw from the @Transactional method, or call"
                    + " UserTransaction.rollback() or setRollbackOnly()), then do the work again in a new one", null);
        }
        if (pendingRollback) {
            throw new PendingRollbackException("Can't reconnect until invalid transaction is rolled back. Please"
                    + " rollback() fully before proceeding: the connection to the database was lost (or invalidate()"
                    + " was called) during a transaction, whose uncommitted work is gone", null);
        }
    }

    /** Commits the transaction, if one is open. */
    void commit() {
        checkNotPendingRollback();
        if (!inTransaction) {
            return;
        }
        log.log("COMMIT");
        endTransaction();
        try {
            connection.jdbc().commit();
        } catch (SQLException e) {
            io.retort.exception.DatabaseException failure = connection.translate(e, "COMMIT", List.of());
            if (!connection.isInvalidated()) {
                // The database refused the COMMIT (a deferred constraint, say) and may keep the transaction open, as
                // SQLite does: it is still this Connection's, so rollback() or close() ends it before the connection
                // goes back to the pool; otherwise the next user would inherit its writes.
                inTransaction = true;
            } else {
                inTransaction = true;
                pendingRollback = true;
                failure.addNote("[The connection was lost during COMMIT, so whether the transaction was committed is"
                        + " unknown: check the data before doing its work again. The Connection is invalidated:"
                        + " call rollback(), and the next statement takes a new connection]");
            }
            throw failure;
        }
    }

    /** Rolls the transaction back, if one is open. */
    void rollback() {
        if (!inTransaction) {
            return;
        }
        if (pendingRollback) {
            pendingRollback = false;
            log.log("ROLLBACK (the connection was invalidated: the transaction ended with it)");
            endTransaction();
            return;
        }
        log.log("ROLLBACK");
        endTransaction();
        try {
            connection.jdbc().rollback();
        } catch (SQLException e) {
            io.retort.exception.DatabaseException failure = connection.translate(e, "ROLLBACK", List.of());
            if (!connection.isInvalidated()) {
                throw failure;
            }
            // The connection is dead, and the transaction died with it: the rollback is done.
            pendingRollback = false;
        }
    }

    /** Marks the transaction ended and its savepoints inactive (the JDBC work is the caller's). */
    void endTransaction() {
        inTransaction = false;
        Deque<DefaultNestedTransaction> begun = savepoints;
        if (begun != null && !begun.isEmpty()) {
            for (DefaultNestedTransaction savepoint : begun) {
                savepoint.deactivate();
            }
            begun.clear();
        }
    }

    /** Begins a savepoint. */
    DefaultNestedTransaction beginNested(boolean autocommit) {
        checkNotPendingRollback();
        if (external != null) {
            throw new InvalidRequestException("Savepoints are not available inside a JTA transaction (XA branches"
                    + " cannot have them); use @Transactional(REQUIRES_NEW) for work that must commit or roll back on"
                    + " its own");
        }
        if (autocommit) {
            throw new InvalidRequestException("Savepoints need a transaction, but this connection is in AUTOCOMMIT"
                    + " mode; set another isolation level to use beginNested()");
        }
        autobegin(false, false);
        String name = "retort_savepoint_" + (++savepointCounter);
        log.log("SAVEPOINT " + name);
        try {
            Savepoint savepoint = connection.jdbc().setSavepoint(name);
            DefaultNestedTransaction nested = new DefaultNestedTransaction(connection, savepoint, name);
            Deque<DefaultNestedTransaction> begun = savepoints;
            if (begun == null) {
                begun = new ArrayDeque<>();
                savepoints = begun;
            }
            begun.push(nested);
            return nested;
        } catch (SQLException e) {
            throw connection.translate(e, "SAVEPOINT " + name, List.of());
        }
    }

    /** Releases a savepoint and every savepoint begun after it. */
    void releaseSavepoint(DefaultNestedTransaction nested) {
        checkNotPendingRollback();
        popThrough(nested);
        log.log("RELEASE SAVEPOINT " + nested.name());
        try {
            connection.jdbc().releaseSavepoint(nested.savepoint());
        } catch (SQLException e) {
            throw connection.translate(e, "RELEASE SAVEPOINT " + nested.name(), List.of());
        }
    }

    /** Rolls back to a savepoint; savepoints begun after it end with it. */
    void rollbackToSavepoint(DefaultNestedTransaction nested) {
        popThrough(nested);
        if (pendingRollback) {
            return; // as SQLAlchemy: passes, for error handlers; the transaction still needs its rollback()
        }
        log.log("ROLLBACK TO SAVEPOINT " + nested.name());
        try {
            connection.jdbc().rollback(nested.savepoint());
        } catch (SQLException e) {
            throw connection.translate(e, "ROLLBACK TO SAVEPOINT " + nested.name(), List.of());
        }
    }

    private void popThrough(DefaultNestedTransaction nested) {
        Deque<DefaultNestedTransaction> begun = savepoints;
        while (begun != null && !begun.isEmpty()) {
            DefaultNestedTransaction top = begun.pop();
            top.deactivate();
            if (top == nested) {
                return;
            }
        }
    }

    /**
     * The caller of {@code jdbcConnection()} switched auto-commit on, which committed the transaction: it ended there,
     * and there is nothing to roll back.
     */
    void endedByAutoCommit() {
        if (inTransaction) {
            log.log("COMMIT (auto-commit was switched on through jdbcConnection())");
            endTransaction();
        }
    }

    /**
     * Ends the transaction of a connection being closed: a COMMIT when it only read and the database would
     * discard its parsed statements on ROLLBACK, else a ROLLBACK. Nothing inside a JTA transaction.
     */
    void endOnClose(java.sql.Connection jdbc) throws SQLException {
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
    }
}
