package io.retort.engine;

/**
 * A feature a database may or may not have, as {@link Engine#supports(Capability)} reports it from the server
 * version (known once the engine has connected; before that, assumed from the newest version). The ORM chooses its
 * SQL by these, never by the database's name.
 */
public enum Capability {
    /** {@code INSERT ... RETURNING} (PostgreSQL, SQLite 3.35+, MariaDB 10.5+). */
    INSERT_RETURNING,
    /** {@code UPDATE ... RETURNING} (PostgreSQL, SQLite 3.35+). */
    UPDATE_RETURNING,
    /** {@code DELETE ... RETURNING} (PostgreSQL, SQLite 3.35+, MariaDB 10.0+). */
    DELETE_RETURNING,
    /** Sequences ({@code CREATE SEQUENCE}; PostgreSQL, H2, MariaDB 10.3+). */
    SEQUENCES
}
