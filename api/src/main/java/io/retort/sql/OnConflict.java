package io.retort.sql;

import java.util.List;

/**
 * What an upsert does when the inserted row collides with an existing one on its {@link ConflictTarget}: nothing
 * (an empty {@code set}), or update the existing row with the assignments of {@code set}, whose values may use
 * {@link Insert#excluded(String)}, the value the INSERT proposed.
 *
 * <p>Rendered as {@code ON CONFLICT (...) DO NOTHING | DO UPDATE SET c = excluded.c} on PostgreSQL and SQLite,
 * {@code ON DUPLICATE KEY UPDATE c = VALUES(c)} on MySQL and MariaDB (which match any unique key, not only the
 * target), and {@code MERGE INTO ... USING (VALUES ...) AS excluded} on H2.
 *
 * @param target the unique index, constraint or any key on which rows collide
 * @param set the assignments made to the existing row; empty means do nothing
 */
public record OnConflict(ConflictTarget target, List<Assignment> set) {
    /** Copies the assignments. */
    public OnConflict {
        set = List.copyOf(set);
    }

    /** The columns of the conflict target (empty for a constraint or any key). */
    public List<String> conflictColumns() {
        return target.columns();
    }

    /** Whether a collision keeps the existing row unchanged. */
    public boolean doNothing() {
        return set.isEmpty();
    }
}
