package io.retort.impl.orm;

import io.retort.engine.ExecutionListener;
import io.retort.exception.DatabaseException;
import io.retort.exception.InvalidRequestException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One session's flush, as SQLAlchemy's {@code Session._flush}: the before-flush events, the cascades, the unit of work
 * ({@link FlushWork}) on the session's connection, and what a failure leaves behind (the work undone in memory, the
 * transaction rolled back, the session refusing work until {@code rollback()}).
 */
final class SessionFlush {
    private final DefaultSession session;
    private final SessionObjects objects;
    private final Cascades cascades;
    private final SessionTransaction transaction;
    private boolean running;

    SessionFlush(DefaultSession session, SessionObjects objects, Cascades cascades, SessionTransaction transaction) {
        this.session = session;
        this.objects = objects;
        this.cascades = cascades;
        this.transaction = transaction;
    }

    /** How many {@code Session.noAutoflush()} blocks are open: autoflush waits until the last one closes. */
    private int autoflushPaused;

    /**
     * The autoflush before a query or a lazy load, unless {@code enabled} is false (the factory's autoflush option),
     * a flush is running or autoflush is paused. A database error it raises says it came from an autoflush, and how
     * to query without one (SQLAlchemy's note for Query-invoked autoflush).
     */
    void autoflush(boolean enabled) {
        if (!enabled || running || autoflushPaused > 0) {
            return;
        }
        try {
            session.flush();
        } catch (DatabaseException e) {
            e.addNote("[This flush was an autoflush, run before a query or a lazy load of the session read the"
                    + " database; if it came too early (an object not complete yet), query inside"
                    + " try (Session.NoAutoflush paused = session.noAutoflush()) { ... }]");
            throw e;
        }
    }

    /** {@code Session.noAutoflush()}: autoflush waits until the returned block closes. */
    io.retort.orm.Session.NoAutoflush pauseAutoflush() {
        autoflushPaused++;
        boolean[] closed = new boolean[1];
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                autoflushPaused--;
            }
        };
    }

    /** Whether a flush is running (a lazy load or a query it causes must not start another). */
    boolean running() {
        return running;
    }

    void run() {
        if (running) {
            throw new InvalidRequestException("Session is already flushing; flush() cannot be called from inside"
                    + " a flush");
        }
        running = true;
        FlushWork work = null;
        List<ExecutionListener> observed = List.of();
        try {
            session.events.beforeFlush(); // objects it adds or changes are part of this flush
            work = objects.unitOfWork(cascades.beforeFlush(objects.flushCandidates()));
            if (work.isEmpty()) {
                objects.clearModified();
                return;
            }
            observed = session.engine().listeners();
            for (ExecutionListener listener : observed) {
                listener.beforeFlush(); // a trace span for the flush, current while its statements run
            }
            work.execute(session.currentConnection());
            objects.flushed(work);
            afterFlush(observed, work.objectsWritten(), null);
        } catch (RuntimeException e) {
            if (work != null) {
                afterFlush(observed, work.objectsWritten(), e);
                work.undo();
            }
            if (transaction.externalTransactionEnded()) {
                // The transaction manager rolled the transaction back under this flush (a timeout, on its own
                // thread): nothing of it is kept, and there is nothing for the session to roll back.
                transaction.settleDeferredCompletion();
                throw new InvalidRequestException("The JTA transaction was rolled back by the transaction manager"
                        + " while this Session flushed (its timeout ran out, and its thread rolled it back): nothing"
                        + " the transaction wrote is kept. Begin a new transaction and do the work again, or give the"
                        + " transaction a longer timeout", e);
            }
            String culprit = work == null ? null : work.culprit();
            if (e instanceof DatabaseException) {
                ((DatabaseException) e).addNote("[Flush failed" + (culprit != null ? " while writing " + culprit : "")
                        + (transaction.activeSavepoint() != null ? "; the session has rolled back to the savepoint of"
                                + " session.beginNested(), and its transaction goes on]"
                                : "; the session's transaction has been rolled back. Call session.rollback() before"
                                + " using the session again]"));
            }
            session.failed(e);
            throw e;
        } finally {
            running = false;
        }
    }

    /** Tells the engine's listeners (metrics, tracing) that a flush that had work ended. */
    private static void afterFlush(List<ExecutionListener> observed, int objects, @Nullable RuntimeException failure) {
        for (int i = observed.size() - 1; i >= 0; i--) {
            observed.get(i).afterFlush(objects, failure);
        }
    }
}
