package io.retort.engine;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a {@link Result}: values by column name or position (from 0), optionally converted to a Java type.
 *
 * <pre>{@code
 * Integer id = row.get("id", Integer.class);
 * String name = row.get(1, String.class);
 * }</pre>
 *
 * <p>Name lookup is exact first, then case-insensitive, so {@code row.get("x")} works whether the database reports
 * the column as {@code x} or {@code X}. Conversions widen and narrow numbers when the value fits, read booleans
 * stored as numbers, and turn JDBC date-time classes into {@code java.time}. Rows are immutable.
 */
public interface Row {

    /** The value of the named column (no conversion). */
    @Nullable Object get(String column);

    /** The value at a position, counting from 0. */
    @Nullable Object get(int index);

    /**
     * The value of the named column converted to {@code type}.
     *
     * @throws io.retort.exception.InvalidArgumentException if there is no such column (the message lists the
     *         columns) or the value cannot be converted
     */
    <T> @Nullable T get(String column, Class<T> type);

    /** The value at a position converted to {@code type}. */
    <T> @Nullable T get(int index, Class<T> type);

    /** The number of columns. */
    int size();

    /** The column names, in order. */
    List<String> keys();

    /** The values, in column order. */
    List<@Nullable Object> values();

    /** The row as an unmodifiable map from column name to value, in column order. */
    Map<String, @Nullable Object> asMap();
}
