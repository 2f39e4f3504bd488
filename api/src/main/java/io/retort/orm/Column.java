package io.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options of a mapped field's column, as SQLAlchemy's {@code mapped_column(...)}. A field without this annotation
 * is mapped with the defaults. Nullability is not set here: a field is NOT NULL when it is primitive or a reference
 * type without {@code @Nullable} (JSpecify's {@code org.jspecify.annotations.Nullable}, or any annotation named
 * {@code Nullable}).
 *
 * <pre>{@code
 * @Column(name = "email_address", length = 100, unique = true) String email;
 * @Column(precision = 12, scale = 2) BigDecimal balance;
 * @Column(serverDefault = "CURRENT_TIMESTAMP") @Nullable LocalDateTime created;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {
    /** The column's name; by default the field's name in snake_case. */
    String name() default "";

    /** The length of a {@code String} column ({@code VARCHAR(length)}); 255 when not given. */
    int length() default 0;

    /** Store a {@code String} as unbounded text ({@code TEXT}, {@code CLOB}, {@code LONGTEXT}) instead of VARCHAR. */
    boolean text() default false;

    /** Store a {@code String} as a JSON document ({@code JSONB} on PostgreSQL, {@code JSON} on MySQL/MariaDB). */
    boolean json() default false;

    /** The precision of a {@code BigDecimal} column ({@code NUMERIC(precision, scale)}); 0 for the database's default. */
    int precision() default 0;

    /** The scale of a {@code BigDecimal} column. */
    int scale() default 0;

    /** A single-column UNIQUE constraint. */
    boolean unique() default false;

    /** An index on the column, named {@code ix_<table>_<column>}. */
    boolean index() default false;

    /**
     * A server-side default as SQL text ({@code "CURRENT_TIMESTAMP"}, {@code "0"}); an object inserted with this
     * field null gets the database's value, read back after the INSERT.
     */
    String serverDefault() default "";

    /**
     * Deferred by the mapping, as SQLAlchemy's {@code mapped_column(deferred=True)}: queries leave the column out and
     * its field loads (one SELECT by primary key) when first read, unless a query asks for it with
     * {@link Load#undefer}. Not allowed on a primary key, version or foreign key column.
     */
    boolean deferred() default false;

    /**
     * Deferred in a named group, as SQLAlchemy's {@code deferred(..., group="name")}: the first read of one field of
     * the group loads every unloaded field of the group with one SELECT; {@link Load#undeferGroup} loads them with the
     * query. Implies {@link #deferred()}.
     */
    String deferGroup() default "";
}
