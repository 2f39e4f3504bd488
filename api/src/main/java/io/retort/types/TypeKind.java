package io.retort.types;

/** The generic kinds of SQL type that dialects know how to render and convert. */
public enum TypeKind {
    /** 32-bit integer. */
    INTEGER,
    /** 16-bit integer. */
    SMALLINT,
    /** 64-bit integer. */
    BIGINT,
    /** True or false. */
    BOOLEAN,
    /** Variable-length text, with an optional maximum length. */
    VARCHAR,
    /** Unbounded text. */
    TEXT,
    /** Exact decimal with optional precision and scale. */
    NUMERIC,
    /** Single-precision floating point. */
    FLOAT,
    /** Double-precision floating point. */
    DOUBLE,
    /** A calendar date. */
    DATE,
    /** A time of day, to the microsecond. */
    TIME,
    /** A date and time without time zone, to the microsecond. */
    DATETIME,
    /** An instant, stored with (or normalized to) a time zone offset. */
    DATETIME_TZ,
    /** A duration; only on databases with an interval type (PostgreSQL, H2). */
    INTERVAL,
    /** Binary data. */
    BINARY,
    /** A UUID: native where the database has the type, else its 36-character text form. */
    UUID,
    /** One of a Java enum's constants: native enum types on PostgreSQL and MySQL/MariaDB, checked text elsewhere. */
    ENUM,
    /** A JSON document: jsonb on PostgreSQL, JSON on MySQL/MariaDB, text on SQLite and H2. */
    JSON,
    /**
     * An array of another type ({@link ArrayType}), read and bound as a {@code List}: PostgreSQL's {@code INTEGER[]},
     * H2's {@code INTEGER ARRAY}; SQLite, MySQL and MariaDB have none.
     */
    ARRAY,
    /**
     * Not declared, as SQLAlchemy's {@code NullType}: a function called without a result type, {@code SELECT *}.
     * Values are bound by their Java class and read as the driver gives them; no column or CAST can have it.
     */
    UNKNOWN
}
