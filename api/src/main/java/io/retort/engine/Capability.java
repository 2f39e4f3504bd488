package io.retort.engine;

/**
 * A feature a database may or may not have, as {@link Engine#supports(Capability)} reports it from the server
 * version (known once the engine has connected; before that, assumed from the newest version). The ORM chooses its
 * SQL by these, never by the database's name.
 */
public enum Capability {
    /** {@code INSERT ... RETURNING} (PostgreSQL, SQLite 3.35+, MariaDB 10.5+; H2 as a query of the FINAL TABLE). */
    INSERT_RETURNING,
    /** {@code UPDATE ... RETURNING} (PostgreSQL, SQLite 3.35+). */
    UPDATE_RETURNING,
    /** {@code DELETE ... RETURNING} (PostgreSQL, SQLite 3.35+, MariaDB 10.0+). */
    DELETE_RETURNING,
    /** Sequences ({@code CREATE SEQUENCE}; PostgreSQL, H2, MariaDB 10.3+). */
    SEQUENCES,
    /**
     * A JDBC batch reports how many rows each of its statements matched (SQLAlchemy's
     * {@code supports_sane_multi_rowcount}). Not where the driver may answer {@code SUCCESS_NO_INFO}: MariaDB
     * Connector/J with {@code useBulkStmts}, MySQL Connector/J with {@code rewriteBatchedStatements}. The ORM then
     * writes versioned rows one statement per row, so that optimistic locking is still checked.
     */
    BATCH_ROW_COUNTS
}
