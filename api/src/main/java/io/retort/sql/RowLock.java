package io.retort.sql;

import java.util.List;
import java.util.Objects;

/**
 * The row lock a SELECT takes, given with {@link Select#lock(RowLock)}:
 *
 * <pre>{@code
 * select(jobs.c("id")).where(jobs.c("state").eq("new")).limit(10)
 *         .lock(RowLock.forUpdate().of(jobs).skipLocked())
 * // ... FOR UPDATE OF jobs SKIP LOCKED                      (PostgreSQL, MySQL 8)
 * select(accounts).lock(RowLock.forShare())                // ... FOR SHARE (LOCK IN SHARE MODE on MariaDB)
 * }</pre>
 *
 * Databases differ: SQLite locks the whole database (only a plain FOR UPDATE is taken, as nothing); H2 has FOR
 * UPDATE alone; MariaDB has no {@code OF}; {@code FOR NO KEY UPDATE} and {@code FOR KEY SHARE} are PostgreSQL's.
 * A lock a database cannot take is a compile error naming it.
 *
 * @param strength what the lock prevents
 * @param of the tables whose rows are locked; empty for all the FROM clause's
 * @param waitMode whether to wait for rows another transaction has locked
 */
public record RowLock(Strength strength, List<TableReference> of, Select.ForUpdate waitMode) {
    /** Lock strengths, strongest first. */
    public enum Strength {
        /** {@code FOR UPDATE}: the rows will be changed or deleted. */ UPDATE("UPDATE"),
        /** {@code FOR NO KEY UPDATE}: changed, but not their keys (PostgreSQL). */ NO_KEY_UPDATE("NO KEY UPDATE"),
        /** {@code FOR SHARE}: the rows must not change. */ SHARE("SHARE"),
        /** {@code FOR KEY SHARE}: their keys must not change (PostgreSQL). */ KEY_SHARE("KEY SHARE");

        private final String sql;

        Strength(String sql) {
            this.sql = sql;
        }

        /** The keywords after {@code FOR}. */
        public String sql() {
            return sql;
        }
    }

    /** Copies the tables. */
    public RowLock {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(waitMode, "waitMode");
        of = List.copyOf(of);
    }

    /** {@code FOR UPDATE}. */
    public static RowLock forUpdate() {
        return new RowLock(Strength.UPDATE, List.of(), Select.ForUpdate.WAIT);
    }

    /** {@code FOR NO KEY UPDATE} (PostgreSQL). */
    public static RowLock forNoKeyUpdate() {
        return new RowLock(Strength.NO_KEY_UPDATE, List.of(), Select.ForUpdate.WAIT);
    }

    /** {@code FOR SHARE}. */
    public static RowLock forShare() {
        return new RowLock(Strength.SHARE, List.of(), Select.ForUpdate.WAIT);
    }

    /** {@code FOR KEY SHARE} (PostgreSQL). */
    public static RowLock forKeyShare() {
        return new RowLock(Strength.KEY_SHARE, List.of(), Select.ForUpdate.WAIT);
    }

    /** Locks only the rows of these tables: {@code FOR UPDATE OF t}. */
    public RowLock of(TableReference... tables) {
        return new RowLock(strength, List.of(tables), waitMode);
    }

    /** Fails at once if a row is locked: {@code NOWAIT}. */
    public RowLock nowait() {
        return new RowLock(strength, of, Select.ForUpdate.NOWAIT);
    }

    /** Leaves out rows another transaction has locked: {@code SKIP LOCKED}. */
    public RowLock skipLocked() {
        return new RowLock(strength, of, Select.ForUpdate.SKIP_LOCKED);
    }
}
