package io.retort.sql;

import java.util.List;

/**
 * What an upsert does when the inserted row collides with an existing one on {@code conflictColumns}: nothing, or
 * update {@code updateColumns} to the values it tried to insert.
 *
 * <p>Rendered as {@code ON CONFLICT (...) DO NOTHING | DO UPDATE SET c = excluded.c} on PostgreSQL and SQLite,
 * {@code ON DUPLICATE KEY UPDATE c = VALUES(c)} on MySQL and MariaDB (which match any unique key, not only the
 * conflict columns), and {@code MERGE INTO ... USING (VALUES ...)} on H2.
 *
 * @param conflictColumns the columns of the unique key or primary key that detects the collision
 * @param updateColumns the columns updated on collision; empty means do nothing
 */
public record OnConflict(List<String> conflictColumns, List<String> updateColumns) {
    /** Copies the lists and checks there is a conflict column. */
    public OnConflict {
        conflictColumns = List.copyOf(conflictColumns);
        updateColumns = List.copyOf(updateColumns);
        if (conflictColumns.isEmpty()) {
            throw new io.retort.exception.InvalidArgumentException("An upsert needs the columns of the unique or"
                    + " primary key on which rows collide");
        }
    }
}
