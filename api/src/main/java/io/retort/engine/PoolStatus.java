package io.retort.engine;

/**
 * A snapshot of an engine's connection pool.
 *
 * @param poolSize the configured pool size
 * @param maxOverflow how many connections may be opened beyond the pool size
 * @param checkedOut connections currently handed out by {@link Engine#connect()} and not yet closed
 * @param open connections the pool holds open (in use or idle), or -1 when the pool is not Retort's own (a container
 *        DataSource)
 * @param waiting callers of {@link Engine#connect()} waiting for a free connection now
 */
public record PoolStatus(int poolSize, int maxOverflow, int checkedOut, int open, int waiting) {

    /** A status without the open and waiting figures (-1 and 0). */
    public PoolStatus(int poolSize, int maxOverflow, int checkedOut) {
        this(poolSize, maxOverflow, checkedOut, -1, 0);
    }

    /** Open connections not handed out now, or -1 when the open count is not known. */
    public int idle() {
        return open < 0 ? -1 : Math.max(0, open - checkedOut);
    }
}
