package io.retort.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A (possibly composite) primary key, given at table level with {@link Schema#primaryKey(String...)} or made from
 * the columns marked {@link Column#primaryKey()}.
 *
 * @param name the constraint name, or null
 * @param columns the key's column names, in key order
 */
public record PrimaryKeyConstraint(@Nullable String name, List<String> columns) implements Constraint {
    /** Copies the column list. */
    public PrimaryKeyConstraint {
        columns = List.copyOf(columns);
    }
}
