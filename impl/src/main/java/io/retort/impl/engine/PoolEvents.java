package io.retort.impl.engine;

/**
 * What an engine and its pool report for pool metrics: waits for a connection, timeouts, and how long connections take
 * to open and stay in use. Implemented by the metrics of {@code io.retort.impl.telemetry}; the pool package reports
 * the figures only it can see (creation and use times) without knowing who listens. Thread-safe.
 */
public interface PoolEvents {
    /** Reports nothing. */
    PoolEvents NONE = new PoolEvents() {
    };

    /** A caller began to wait for a connection. */
    default void waitStarted() {
    }

    /**
     * A caller's wait ended.
     *
     * @param nanos how long it waited
     * @param timedOut whether it gave up at the pool timeout
     */
    default void waitEnded(long nanos, boolean timedOut) {
    }

    /** The pool opened a new connection, which took {@code nanos}. */
    default void connectionCreated(long nanos) {
    }

    /** A connection went back to the pool after being checked out for {@code nanos}. */
    default void connectionUsed(long nanos) {
    }

    /**
     * The engine closed: stop reporting, and let go of whatever reads the pool (an OpenTelemetry callback, say), so
     * that a closed engine is neither reported nor kept reachable by the application's metrics.
     */
    default void close() {
    }
}
