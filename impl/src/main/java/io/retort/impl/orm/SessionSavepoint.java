package io.retort.impl.orm;

import io.retort.engine.NestedTransaction;
import io.retort.exception.InvalidRequestException;

/**
 * A savepoint of a session ({@code Session.beginNested()}), as SQLAlchemy's nested {@code SessionTransaction}: the
 * connection's savepoint, and a mark of what the session's transaction had done when it began, so that rolling back
 * to it undoes in memory what the flushes did since (objects inserted since transient again, deleted since persistent
 * again, keys changed since restored), besides expiring every object. Confined to the session's thread.
 */
final class SessionSavepoint implements NestedTransaction {
    private final DefaultSession session;
    private final NestedTransaction savepoint;
    private final TransactionLog.Mark mark;

    SessionSavepoint(DefaultSession session, NestedTransaction savepoint, TransactionLog.Mark mark) {
        this.session = session;
        this.savepoint = savepoint;
        this.mark = mark;
    }

    /** Flushes, then releases the savepoint: its work becomes part of the enclosing transaction. */
    @Override
    public void commit() {
        checkActive("commit");
        session.flush(); // a failure rolls back to the innermost savepoint, this one or one begun inside it
        if (savepoint.isActive()) {
            savepoint.commit();
        }
    }

    /** Rolls back to the savepoint: the database's work since it began and the session's objects with it. */
    @Override
    public void rollback() {
        checkActive("roll back");
        savepoint.rollback();
        session.afterRollbackTo(mark);
    }

    private void checkActive(String action) {
        if (!savepoint.isActive()) {
            throw new InvalidRequestException("Cannot " + action + " this savepoint of the Session: it has already"
                    + " ended (committed, rolled back, rolled back by a failed flush, or ended with an enclosing"
                    + " savepoint or the transaction)");
        }
    }

    @Override
    public boolean isActive() {
        return savepoint.isActive();
    }

    /** Rolls back to the savepoint if it is still active (a try-with-resources block left without commit). */
    @Override
    public void close() {
        if (savepoint.isActive() && !session.isClosed()) {
            rollback();
        }
    }
}
