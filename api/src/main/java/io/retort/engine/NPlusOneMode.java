package io.retort.engine;

/**
 * What an engine does when one statement shape runs more than {@link EngineOptions#nPlusOneThreshold()} times inside
 * one connection's use by a Session (a Session transaction, or a JTA transaction) from one
 * {@link StatementOrigin}: the signature of an N+1 query pattern, such as a lazy load in a loop.
 */
public enum NPlusOneMode {
    /** Nothing is counted. */
    OFF,
    /** One WARN per statement shape and connection, naming the statement, the count, the origin and the fix. */
    WARN,
    /** The statement that crosses the threshold fails with an {@code InvalidRequestException} (for tests). */
    RAISE
}
