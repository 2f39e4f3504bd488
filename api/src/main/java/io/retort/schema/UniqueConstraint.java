package io.retort.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code UNIQUE (columns...)}.
 *
 * @param name the constraint name, or null
 * @param columns the column names
 */
public record UniqueConstraint(@Nullable String name, List<String> columns) implements Constraint {
    /** Copies the column list. */
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
