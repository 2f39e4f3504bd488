package io.retort.engine;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Observes every statement an engine sends to the database, as SQLAlchemy's {@code before_cursor_execute} and
 * {@code after_cursor_execute} events do. Register it with {@link EngineOptions.Builder#addListener}.
 *
 * <p>Listeners run on the thread that executes the statement and must be quick and thread-safe. An exception thrown
 * by a listener propagates to the caller and the statement is not run.
 */
public interface ExecutionListener {
    /** Called just before the driver is asked to run the statement (or send the batch). */
    default void beforeExecute(StatementEvent event) {
    }

    /**
     * Called after the driver returned, whether it succeeded or failed.
     *
     * @param event the statement
     * @param elapsedNanos the time spent in the driver call
     * @param failure the driver's exception, or {@code null} on success
     */
    default void afterExecute(StatementEvent event, long elapsedNanos, @Nullable SQLException failure) {
    }

    /**
     * Called after the driver returned, with the number of rows the statement changed where the driver tells it; the
     * engine calls this one, which calls {@link #afterExecute(StatementEvent, long, SQLException)} unless overridden.
     *
     * @param event the statement
     * @param elapsedNanos the time spent in the driver call
     * @param failure the driver's exception, or {@code null} on success
     * @param rowCount the rows inserted, updated or deleted (the sum over a batch), or -1 when not known (a query,
     *        whose rows are read later, or a failure)
     */
    default void afterExecute(StatementEvent event, long elapsedNanos, @Nullable SQLException failure, long rowCount) {
        afterExecute(event, elapsedNanos, failure);
    }

    /** Called when a Session's flush begins, before its first statement, on the flushing thread. */
    default void beforeFlush() {
    }

    /**
     * Called when a Session's flush ends, on the flushing thread.
     *
     * @param objectsWritten the objects the flush inserted, updated or deleted
     * @param failure what failed the flush, or {@code null} when it succeeded
     */
    default void afterFlush(int objectsWritten, @Nullable RuntimeException failure) {
    }
}
