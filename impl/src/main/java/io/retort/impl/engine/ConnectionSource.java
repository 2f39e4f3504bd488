package io.retort.impl.engine;

import java.sql.SQLException;

/** Where an engine gets its JDBC connections from: a pool, in practice. Thread-safe. */
public interface ConnectionSource extends AutoCloseable {

    /**
     * Takes a connection, waiting up to the pool timeout.
     *
     * @throws PoolExhaustedException when the timeout passed with every connection in use
     * @throws SQLException when the database cannot be reached
     */
    java.sql.Connection acquire() throws SQLException;

    /** Opens a connection outside the pool (used to keep an in-memory database alive). */
    java.sql.Connection openUnpooled() throws SQLException;

    /** Reports creation and use times of the pool's connections to {@code events} from now on. */
    default void observe(PoolEvents events) {
    }

    /** How many connections the pool holds open (in use or idle), or -1 when the pool does not tell. */
    default int openConnections() {
        return -1;
    }

    /**
     * Whether values may be bound to and read from the driver's own statements and result sets behind the pool's
     * wrappers (JDBC's {@code unwrap}), skipping the wrappers' work on every call. Only where that work is not needed:
     * the statements are still executed and closed through the wrappers, and a disconnect seen on a bypassed call is
     * handled by Retort itself (the connection is invalidated and discarded). False by default.
     */
    default boolean valuesBypassWrappers() {
        return false;
    }

    /**
     * Whether every connection handed out is in the auto-commit mode the engine's options ask for (off, unless the
     * isolation level is AUTOCOMMIT), so that a new Connection need not ask the driver: true only for a pool that
     * opens its connections in that mode and puts a changed mode back when one is returned, outside any JTA
     * integration. False by default: a container's DataSource, or a JTA-aware pool, may hand out connections in
     * auto-commit.
     */
    default boolean handsOutConfiguredAutoCommit() {
        return false;
    }

    /** Closes every pooled connection; connections in use are closed when returned. */
    @Override
    void close();

    /**
     * Closes the pool's idle connections after one was found disconnected: a server restart leaves them all dead
     * (SQLAlchemy invalidates the whole pool then). Nothing by default, for a source that keeps no connections.
     */
    default void discardIdle() {
    }

    /** Thrown by {@link #acquire()} when the pool timeout passed. */
    final class PoolExhaustedException extends SQLException {
        private static final long serialVersionUID = 1L;

        /** Wraps the pool's own exception. */
        public PoolExhaustedException(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
        }
    }
}
