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
}
