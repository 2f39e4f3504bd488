package io.retort.schema;

import org.jspecify.annotations.Nullable;

/**
 * {@code CHECK (condition)}, the condition given as SQL text, e.g. {@code "price >= 0"}.
 *
 * @param name the constraint name, or null
 * @param condition the SQL condition
 */
public record CheckConstraint(@Nullable String name, String condition) implements Constraint {
}
