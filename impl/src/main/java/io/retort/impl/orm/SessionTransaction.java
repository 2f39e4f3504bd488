package io.retort.impl.orm;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.spi.TransactionCoordinator;
import org.jspecify.annotations.Nullable;

/**
 * A session's transaction with the database, as SQLAlchemy's {@code SessionTransaction}: the connection it began
 * (resource-local), or the external (JTA) transaction it joined, in which case the session flushes before the
 * transaction completes and settles its objects after it. Confined to the session's thread: a transaction manager
 * that completes the transaction on a thread of its own (Narayana's reaper, after a timeout) leaves the settling to
 * the session's thread ({@link JoinedTransaction#afterCompletion}).
 */
final class SessionTransaction {
    private final DefaultSession session;
    private final Engine engine;
    private final TransactionCoordinator coordinator;
    private @Nullable Connection connection;
    private TransactionCoordinator.@Nullable ExternalTransaction joined;
    /** Closed inside a JTA transaction: flush before it completes and detach after. Guarded by completionLock. */
    private boolean closeAfterCompletion;
    /**
     * The outcome of a JTA transaction that the transaction manager completed on another thread, kept for the
     * session's thread to settle; null when there is none. Guarded by {@link #completionLock}.
     */
    private volatile @Nullable Boolean deferredCompletion;
    private final Object completionLock = new Object();
    /** The savepoints begun by {@code Session.beginNested()}, innermost first; null until the first. */
    private java.util.@Nullable ArrayDeque<SessionSavepoint> savepoints;

    SessionTransaction(DefaultSession session, Engine engine) {
        this.session = session;
        this.engine = engine;
        this.coordinator = engine.options().transactionCoordinator();
    }

    /** Whether a transaction is in progress (the session holds a connection). */
    boolean isActive() {
        return connection != null;
    }

    /** The connection of the session's transaction, begun if needed (also while a closed session still flushes). */
    Connection connection() {
        joinExternal();
        Connection current = connection;
        if (current == null) {
            current = engine.connect();
            // Reads before the first write need no database transaction where each statement has its own snapshot
            // anyway: a session that only read then ends without a ROLLBACK round trip.
            current.deferBeginUntilWrite();
            connection = current;
        }
        return current;
    }

    /**
     * Joins the caller's external (JTA) transaction, if there is one and the session has not joined it yet: the
     * session then flushes before it completes. Called by every operation that changes what the session holds, so
     * that objects added inside a transaction are written by it even if nothing else touches the database.
     */
    void joinExternal() {
        if (joined == null && connection != null) {
            leaveLocalTransactionForExternal();
        }
        if (joined == null && connection == null) {
            TransactionCoordinator.ExternalTransaction external = coordinator.currentTransaction();
            if (external != null) {
                external.registerSynchronization(new JoinedTransaction());
                joined = external;
            }
        }
    }

    /**
     * A JTA transaction began on this thread after the session took a connection of its own (a query before
     * {@code tm.begin()}): a transaction that only read ends here, so that the session joins the JTA one; one that
     * wrote cannot become part of it, which is an error rather than work the JTA commit silently leaves out.
     */
    private void leaveLocalTransactionForExternal() {
        Connection local = connection;
        if (local == null || coordinator.currentTransaction() == null) {
            return;
        }
        if (local.wroteInTransaction() || session.objects().flushedInTransaction()) {
            throw new InvalidRequestException("This Session wrote in a transaction of its own, begun before the JTA"
                    + " transaction of this thread, so its work cannot become part of the JTA transaction: call"
                    + " session.commit() or session.rollback() before the JTA transaction begins, or use the Session"
                    + " only inside it");
        }
        connection = null;
        local.close(); // it only read: ending it loses nothing
    }

    /** Begins a savepoint ({@code Session.beginNested()}), with a mark of what the transaction has done so far. */
    io.retort.engine.NestedTransaction beginNested(TransactionLog.Mark mark) {
        SessionSavepoint savepoint = new SessionSavepoint(session, connection().beginNested(), mark);
        java.util.ArrayDeque<SessionSavepoint> begun = savepoints;
        if (begun == null) {
            begun = new java.util.ArrayDeque<>();
            savepoints = begun;
        }
        begun.push(savepoint);
        return savepoint;
    }

    /** The innermost savepoint still active, or null; ended ones are dropped as they are met. */
    @Nullable SessionSavepoint activeSavepoint() {
        java.util.ArrayDeque<SessionSavepoint> begun = savepoints;
        if (begun == null) {
            return null;
        }
        while (!begun.isEmpty() && !begun.peek().isActive()) {
            begun.pop();
        }
        return begun.peek();
    }

    /**
     * A flush failed inside a savepoint: the session rolls back to the innermost one, and its transaction goes on.
     * False, with nothing done, outside any savepoint (or where that rollback failed too, added to {@code e}).
     */
    boolean rollbackToSavepoint(RuntimeException e) {
        SessionSavepoint innermost = activeSavepoint();
        if (innermost == null) {
            return false;
        }
        try {
            innermost.rollback();
            return true;
        } catch (RuntimeException rollbackFailure) {
            e.addSuppressed(rollbackFailure);
            return false;
        }
    }

    /** A flush failed: its transaction is rolled back (or, inside JTA, marked rollback-only). */
    void rollbackAfterFailedFlush(RuntimeException e) {
        if (joined != null) {
            try {
                joined.setRollbackOnly();
            } catch (RuntimeException ended) {
                e.addSuppressed(ended); // the transaction ended meanwhile: it commits nothing either way
            }
        } else if (connection != null) {
            try {
                connection.rollback();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
        }
    }

    /** {@code Session.commit()}: flushes, commits the connection's transaction and settles the objects. */
    void commit() {
        joinExternal();
        if (joined != null) {
            throw new InvalidRequestException("This Session is part of a JTA transaction, which commits it: do not"
                    + " call session.commit(); let the @Transactional method return (or call"
                    + " UserTransaction.commit()), and the session flushes before the transaction completes");
        }
        session.flush();
        if (connection != null) {
            Connection current = connection;
            connection = null;
            try {
                current.commit();
            } catch (RuntimeException e) {
                // The transaction is gone: what it wrote is not in the database.
                current.close();
                session.afterRollback();
                throw e;
            }
            current.close();
        }
        session.afterCommit(true);
    }

    /** {@code Session.rollback()}; {@code join} is false after a failed flush (there is nothing to join then). */
    void rollback(boolean join) {
        if (join) {
            joinExternal();
        }
        if (joined != null) {
            throw new InvalidRequestException("This Session is part of a JTA transaction: do not call"
                    + " session.rollback(); throw from the @Transactional method, or call"
                    + " UserTransaction.setRollbackOnly() / rollback()");
        }
        Connection current = connection;
        connection = null;
        if (current != null) {
            current.close(); // rolls back
            session.afterRollback();
        } else {
            // No transaction began: nothing in the database to undo; objects added since are transient again.
            session.afterRollbackWithoutTransaction();
        }
    }

    /**
     * {@code Session.close()}: inside a JTA transaction, its work is still flushed before the transaction completes,
     * and the objects are detached after it (true is returned); else the transaction is rolled back, and what it
     * inserted never existed.
     */
    boolean close() {
        if (joined != null) {
            synchronized (completionLock) {
                closeAfterCompletion = true;
            }
            settleDeferredCompletion(); // one the transaction manager already left to this thread
            return true;
        }
        if (connection != null) {
            Connection current = connection;
            connection = null;
            current.close();
            session.afterRollbackOfClose();
        }
        return false;
    }

    /**
     * Whether the external transaction the session joined has ended under it: completed by the transaction manager
     * on another thread, or no longer active on this one.
     */
    boolean externalTransactionEnded() {
        if (joined == null) {
            return false;
        }
        if (deferredCompletion != null) {
            return true;
        }
        try {
            return coordinator.currentTransaction() == null;
        } catch (RuntimeException e) {
            return true; // rolled back, or rolling back: no work can join it
        }
    }

    /**
     * Settles, on the session's own thread, a completion the transaction manager ran on another one (see
     * {@link JoinedTransaction#afterCompletion}); does nothing when there is none.
     */
    void settleDeferredCompletion() {
        if (deferredCompletion == null) {
            return;
        }
        Boolean committed;
        synchronized (completionLock) {
            committed = deferredCompletion;
            deferredCompletion = null;
        }
        if (committed != null) {
            complete(committed);
        }
    }

    /** After the JTA transaction completed: its connection is closed, and the objects settle as it ended. */
    private void complete(boolean committed) {
        Connection current = connection;
        connection = null;
        joined = null;
        if (current != null) {
            current.close();
        }
        boolean detach;
        synchronized (completionLock) {
            detach = closeAfterCompletion;
            closeAfterCompletion = false;
        }
        if (committed) {
            session.afterCommit(!detach);
        } else {
            session.afterRollback();
        }
        if (detach) {
            session.objects().detachAll();
        }
    }

    /**
     * Flushes before a JTA transaction completes and settles the objects after it. The transaction manager may
     * complete the transaction on a thread of its own: Narayana's reaper rolls back a transaction whose timeout ran
     * out while the application's thread may be in the middle of a flush. Settling is then left to the session's
     * thread, as Hibernate does: at the session's next call, or at once if the session is closed already.
     */
    private final class JoinedTransaction implements TransactionCoordinator.Synchronization {
        private final Thread owner = Thread.currentThread();

        @Override
        public void beforeCompletion() {
            if (session.isActive() || closeAfterCompletion && session.failure() == null) {
                session.flushInternal();
            }
        }

        @Override
        public void afterCompletion(boolean committed) {
            if (Thread.currentThread() != owner) {
                synchronized (completionLock) {
                    if (!closeAfterCompletion) {
                        deferredCompletion = committed;
                        return;
                    }
                }
            }
            complete(committed);
        }
    }
}
