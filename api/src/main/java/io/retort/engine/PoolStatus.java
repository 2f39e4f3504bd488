package io.retort.engine;

/**
 * A snapshot of an engine's connection pool.
 *
 * @param poolSize the configured pool size
 * @param maxOverflow how many connections may be opened beyond the pool size
 * @param checkedOut connections currently handed out by {@link Engine#connect()} and not yet closed
 */
public record PoolStatus(int poolSize, int maxOverflow, int checkedOut) {
}
