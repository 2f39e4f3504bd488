package io.retort.sql;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which collision an upsert handles: the columns of a unique index (optionally a partial one, with a WHERE), a named
 * constraint (PostgreSQL), or any unique key ({@link #any()}).
 *
 * <pre>{@code
 * ConflictTarget.columns("sku")                          // ON CONFLICT (sku)
 * ConflictTarget.columns("sku").where(sqlCondition("qty > 0"))  // ON CONFLICT (sku) WHERE qty > 0
 * ConflictTarget.constraint("stock_sku_key")             // ON CONFLICT ON CONSTRAINT stock_sku_key
 * ConflictTarget.any()                                   // ON CONFLICT DO NOTHING (no target)
 * }</pre>
 *
 * MySQL and MariaDB match any unique key whatever the target; H2's MERGE matches on the target's columns (the
 * primary key for {@link #any()}).
 *
 * @param columns the columns of the unique index, empty for a constraint or any key
 * @param constraint the constraint's name, or null
 * @param where the predicate of a partial unique index, or null
 */
public record ConflictTarget(List<String> columns, @Nullable String constraint, @Nullable Predicate where) {
    /** Copies the columns. */
    public ConflictTarget {
        columns = List.copyOf(columns);
    }

    /** The unique index on these columns: {@code ON CONFLICT (a, b)}. */
    public static ConflictTarget columns(String... columns) {
        if (columns.length == 0) {
            throw new io.retort.exception.InvalidArgumentException("ConflictTarget.columns() needs the columns of a"
                    + " unique index; use ConflictTarget.any() for a collision on any unique key");
        }
        return new ConflictTarget(List.of(columns), null, null);
    }

    /** The named unique or exclusion constraint: {@code ON CONFLICT ON CONSTRAINT name} (PostgreSQL). */
    public static ConflictTarget constraint(String name) {
        return new ConflictTarget(List.of(), Objects.requireNonNull(name, "name"), null);
    }

    /** A collision on any unique key: {@code ON CONFLICT DO NOTHING} without a target. */
    public static ConflictTarget any() {
        return new ConflictTarget(List.of(), null, null);
    }

    /**
     * The same columns, of a partial unique index with this predicate: {@code ON CONFLICT (a) WHERE ...}. The
     * database matches the predicate against the index's when it prepares the statement, before any parameter has a
     * value: give it without parameters, as in the index, e.g. {@code where(sqlCondition("qty > 0"))}.
     */
    public ConflictTarget where(Predicate predicate) {
        if (columns.isEmpty()) {
            throw new io.retort.exception.InvalidArgumentException("A WHERE on the conflict target needs the"
                    + " columns of a partial unique index: ConflictTarget.columns(...).where(...)");
        }
        return new ConflictTarget(columns, null, Objects.requireNonNull(predicate, "predicate"));
    }
}
