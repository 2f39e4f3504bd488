package io.retort.orm;

/** How a primary-key value is generated; see {@link Id#generation()}. */
public enum Generation {
    /**
     * Chosen from the field's type: {@link #IDENTITY} for a single {@code Integer}, {@code Long} or {@code Short}
     * key that is not also a {@link ForeignKey} (a key that refers to another row takes that row's key, as
     * SQLAlchemy's {@code autoincrement="auto"} leaves such a column alone), {@link #UUID} for a
     * {@link java.util.UUID} key, {@link #ASSIGNED} otherwise.
     */
    AUTO,
    /** The database generates it: an identity column (AUTO_INCREMENT on MySQL and MariaDB, the rowid on SQLite). */
    IDENTITY,
    /** The database generates it from a sequence (PostgreSQL, H2, MariaDB); see {@link Id#sequence()}. */
    SEQUENCE,
    /** Retort generates a random {@link java.util.UUID} when an object without one is flushed. */
    UUID,
    /** The application sets it before the object is flushed; flushing without one is an error. */
    ASSIGNED
}
