package io.retort.impl.dialect;

/** How the database returns the rows an INSERT wrote, where it can ({@link Dialect#supportsReturning}). */
public enum InsertReturningStyle {
    /** {@code INSERT INTO t (...) VALUES (...) RETURNING a, b}, rows in VALUES order (PostgreSQL, MariaDB). */
    RETURNING_CLAUSE,
    /** As {@link #RETURNING_CLAUSE}, but the database documents the rows' order as arbitrary (SQLite). */
    RETURNING_CLAUSE_ANY_ORDER,
    /** {@code SELECT a, b FROM FINAL TABLE (INSERT ...)}: the insert's delta table, in VALUES order (H2). */
    FINAL_TABLE
}
