package io.retort.engine;

/**
 * A savepoint begun by {@link Connection#beginNested()}.
 *
 * <pre>{@code
 * try (NestedTransaction savepoint = conn.beginNested()) {
 *     conn.execute(text("INSERT INTO t (x) VALUES (2)"));
 *     savepoint.rollback();          // undoes only the insert of 2; the outer transaction goes on
 * }
 * }</pre>
 */
public interface NestedTransaction extends AutoCloseable {

    /** Releases the savepoint, keeping its work in the enclosing transaction. */
    void commit();

    /** Rolls back to the savepoint, discarding the work done since it began. */
    void rollback();

    /** Whether neither {@link #commit()} nor {@link #rollback()} has been called yet. */
    boolean isActive();

    /** Rolls back to the savepoint if it is still active. */
    @Override
    void close();
}
