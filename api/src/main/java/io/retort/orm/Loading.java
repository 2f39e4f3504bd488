package io.retort.orm;

/**
 * How a {@link Relationship} loads, as SQLAlchemy's loader strategies; the default of the relationship, or of one
 * query with {@link LoadOption}s.
 */
public enum Loading {
    /** {@link #LAZY}, for collections and single-object references alike (as SQLAlchemy). */
    DEFAULT,
    /**
     * Loads on first access while its object is in a session (a collection on first use, a reference on the first
     * read of its field), for that object and every other object the same query loaded: one
     * {@code SELECT ... WHERE key IN (...)} for the lot, so a loop over them is not N+1. A many-to-one whose target
     * the session holds already loads with no statement. On a detached object, access raises
     * {@link io.retort.exception.DetachedInstanceException}.
     */
    LAZY,
    /** Loaded right after the query with {@code SELECT ... WHERE key IN (...)}, up to 500 keys a statement. */
    SELECTIN,
    /**
     * Loaded by the same query with a LEFT OUTER JOIN; a LIMIT applies to the objects, not the joined rows (the
     * query becomes a subquery).
     */
    JOINED,
    /** Accessing the collection, or reading the reference, is an error (a query that forgot to load it fails loudly). */
    RAISE,
    /**
     * As {@link #RAISE}, but only where loading would send SQL: a many-to-one reference whose target the session
     * holds already (found by its foreign key in the identity map) is read without error, as SQLAlchemy's
     * {@code raiseload(..., sql_only=True)}.
     */
    RAISE_ON_SQL,
    /** Not loaded: the collection is empty and the reference null. */
    NOLOAD
}
