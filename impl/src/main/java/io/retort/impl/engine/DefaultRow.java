package io.retort.impl.engine;

import io.retort.engine.Row;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A row: the result's columns and this row's values. Immutable. */
final class DefaultRow implements Row {
    private final Columns columns;
    private final @Nullable Object[] values;

    DefaultRow(Columns columns, @Nullable Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public @Nullable Object get(String column) {
        return values[columns.indexOf(column)];
    }

    @Override
    public @Nullable Object get(int index) {
        if (index < 0 || index >= values.length) {
            columns.checkIndex(index); // throws, naming the columns
        }
        return values[index];
    }

    @Override
    public <T> @Nullable T get(String column, Class<T> type) {
        int index = columns.indexOf(column);
        return ValueConverter.convert(values[index], type, columns.names().get(index));
    }

    @Override
    public <T> @Nullable T get(int index, Class<T> type) {
        if (index < 0 || index >= values.length) {
            columns.checkIndex(index); // throws, naming the columns
        }
        Object value = values[index];
        if (type.isInstance(value)) {
            return type.cast(value); // the common case: already of the class asked for
        }
        return ValueConverter.convert(value, type, columns.names().get(index));
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public List<String> keys() {
        return columns.names();
    }

    @Override
    public List<@Nullable Object> values() {
        return Collections.<@Nullable Object>unmodifiableList(Arrays.<@Nullable Object>asList(values));
    }

    @Override
    public Map<String, @Nullable Object> asMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.putIfAbsent(columns.names().get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DefaultRow && Arrays.equals(values, ((DefaultRow) other).values)
                && columns.names().equals(((DefaultRow) other).columns.names());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** {@code (1, 'spongebob')}, as a tuple. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(values[i] instanceof String ? "'" + values[i] + "'" : String.valueOf(values[i]));
        }
        return text.append(')').toString();
    }
}
