package io.retort.orm;

/**
 * How a {@link Relationship} loads, as SQLAlchemy's loader strategies; the default of the relationship, or of one
 * query with {@link LoadOption}s.
 */
public enum Loading {
    /**
     * {@link #LAZY} for a collection; for a single-object reference, which Java cannot load on the read of a plain
     * field and so loads with its object, {@link #SELECTIN} for a many-to-one (the identity map first) and
     * {@link #JOINED} for a one-to-one.
     */
    DEFAULT,
    /**
     * A collection loads on first access while its object is in a session, for that object and every other object the
     * same query loaded (one {@code SELECT ... WHERE key IN (...)} for the lot, so a loop over them is not N+1).
     */
    LAZY,
    /** Loaded right after the query with {@code SELECT ... WHERE key IN (...)}, up to 500 keys a statement. */
    SELECTIN,
    /**
     * Loaded by the same query with a LEFT OUTER JOIN; a LIMIT applies to the objects, not the joined rows (the
     * query becomes a subquery).
     */
    JOINED,
    /** Accessing the collection is an error (a query that forgot to load it fails loudly). Collections only. */
    RAISE,
    /** Not loaded: the collection is empty and the reference null. */
    NOLOAD
}
