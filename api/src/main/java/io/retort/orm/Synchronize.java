package io.retort.orm;

/**
 * How an ORM-enabled UPDATE or DELETE ({@link OrmUpdate}, {@link OrmDelete}) brings the objects the Session already
 * holds in line with what it changed, as SQLAlchemy's {@code synchronize_session}.
 */
public enum Synchronize {
    /** {@link #EVALUATE} when the WHERE criteria and new values can be evaluated in Java, else {@link #FETCH}. */
    AUTO,
    /**
     * Evaluate the WHERE criteria against the held objects in Java (comparisons, IS NULL, IN, BETWEEN, AND, OR, NOT
     * of their fields and literal values); matching objects get the new values (an UPDATE) or leave the Session (a
     * DELETE). Criteria it cannot evaluate are refused before any SQL runs.
     */
    EVALUATE,
    /**
     * Fetch the primary keys of the affected rows (with RETURNING where the database has it, else a SELECT of them
     * first), then update or remove the held objects with those keys; new values are taken from RETURNING where
     * available.
     */
    FETCH,
    /** Leave the held objects as they are: they show stale values until expired or refreshed. */
    NONE
}
