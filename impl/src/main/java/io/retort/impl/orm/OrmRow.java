package io.retort.impl.orm;

import io.retort.engine.Row;
import io.retort.exception.InvalidArgumentException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A row of an ORM query: per element of the select list, an identity-mapped object or a value. Values of expression
 * elements convert as a Core row's do. Immutable (the objects in it are not).
 */
final class OrmRow implements Row {
    private final List<String> keys;
    private final @Nullable Object[] elements;
    /** The database row, for converting expression values; null when every element is an entity. */
    private final @Nullable Row core;
    /** Per element, its column in {@link #core}. */
    private final int[] coreIndex;

    OrmRow(List<String> keys, @Nullable Object[] elements, @Nullable Row core, int[] coreIndex) {
        this.keys = keys;
        this.elements = elements;
        this.core = core;
        this.coreIndex = coreIndex;
    }

    private int indexOf(String key) {
        int index = keys.indexOf(key);
        if (index < 0) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
            throw new InvalidArgumentException("This row has no element " + key + "; its elements are " + keys);
        }
        return index;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= elements.length) {
            throw new InvalidArgumentException("Element " + index + " is out of range: this row has " + elements.length
                    + " elements " + keys);
        }
    }

    @Override
    public @Nullable Object get(String key) {
        return elements[indexOf(key)];
    }

    @Override
    public @Nullable Object get(int index) {
        checkIndex(index);
        return elements[index];
    }

    @Override
    public <T> @Nullable T get(String key, Class<T> type) {
        return get(indexOf(key), type);
    }

    @Override
    public <T> @Nullable T get(int index, Class<T> type) {
        checkIndex(index);
        Object value = elements[index];
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        Row database = core;
        if (database != null && InstanceState.of(value) == null) {
            return database.get(coreIndex[index], type);
        }
        throw new InvalidArgumentException("Element " + index + " (" + keys.get(index) + ") of this row is a "
                + value.getClass().getName() + ", not a " + type.getName());
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public List<@Nullable Object> values() {
        return Collections.unmodifiableList(Arrays.<@Nullable Object>asList(elements));
    }

    @Override
    public Map<String, @Nullable Object> asMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < elements.length; i++) {
            map.putIfAbsent(keys.get(i), elements[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof OrmRow && Arrays.equals(elements, ((OrmRow) other).elements)
                && keys.equals(((OrmRow) other).keys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements);
    }

    /** {@code (User(id=1), 'x')}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < elements.length; i++) {
            text.append(i > 0 ? ", " : "").append(elements[i]);
        }
        return text.append(')').toString();
    }
}
