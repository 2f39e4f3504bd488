package io.retort.engine;

import io.retort.types.SqlType;
import org.jspecify.annotations.Nullable;

/**
 * A column as the database describes it.
 *
 * @param name the column's name
 * @param type the generic type that matches the database's type
 * @param databaseType the database's own type name, e.g. {@code int4} or {@code VARCHAR}
 * @param nullable whether it accepts NULL
 * @param serverDefault the default's SQL text, or null
 * @param autoincrement whether the database generates its values (identity, serial, AUTO_INCREMENT)
 * @param comment the column comment, or null
 */
public record ReflectedColumn(String name, SqlType<?> type, String databaseType, boolean nullable,
        @Nullable String serverDefault, boolean autoincrement, @Nullable String comment) {
}
