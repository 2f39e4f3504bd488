package io.retort.engine;

/**
 * Transaction isolation levels, set for a whole engine with {@link EngineOptions.Builder#isolationLevel} or for one
 * connection with {@link Connection#setIsolationLevel}.
 *
 * <p>Not every database has every level: SQLite has {@code SERIALIZABLE} (its default) and
 * {@code READ_UNCOMMITTED}; the others have all four. Asking for a level the database lacks is a
 * {@link io.retort.exception.ConfigurationException} that lists the levels it has.
 */
public enum IsolationLevel {
    /** Dirty reads allowed. */
    READ_UNCOMMITTED(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED),
    /** The default of PostgreSQL and H2. */
    READ_COMMITTED(java.sql.Connection.TRANSACTION_READ_COMMITTED),
    /** The default of MariaDB and MySQL (InnoDB). */
    REPEATABLE_READ(java.sql.Connection.TRANSACTION_REPEATABLE_READ),
    /** The strictest level; SQLite's only real level. */
    SERIALIZABLE(java.sql.Connection.TRANSACTION_SERIALIZABLE),
    /**
     * No transaction: every statement commits as it runs (JDBC auto-commit), as SQLAlchemy's {@code "AUTOCOMMIT"}
     * level. {@link Connection#commit()} and {@link Connection#rollback()} then do nothing.
     */
    AUTOCOMMIT(-1);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@code java.sql.Connection.TRANSACTION_*} constant, or -1 for {@link #AUTOCOMMIT}. */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
