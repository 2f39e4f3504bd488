package io.retort.impl.orm.flush;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row of parameters of a flush's executemany: values by name, with the names shared by every row of the batch
 * (one {@link Keys}), so that a batch of 100,000 rows holds 100,000 value arrays, not 100,000 hash maps, and
 * Core sees at once that every row names the same columns (they share one key set). Read-only.
 */
final class ColumnValues extends AbstractMap<String, @Nullable Object> {
    private final Keys names;
    private final @Nullable Object[] values;

    /** The row; {@code values} in the order of {@code names}, kept (not copied). */
    ColumnValues(Keys names, @Nullable Object[] values) {
        if (values.length != names.keys.length) {
            throw new IllegalArgumentException(values.length + " values for " + names.keys.length + " names");
        }
        this.names = names;
        this.values = values;
    }

    /** The parameter names of a batch, in order. Immutable. */
    static final class Keys {
        private final String[] keys;
        private final Map<String, Integer> index;
        private final Set<String> keySet;

        Keys(List<String> keys) {
            this.keys = keys.toArray(new String[0]);
            this.index = new HashMap<>(keys.size() * 2);
            for (int i = 0; i < this.keys.length; i++) {
                if (index.put(this.keys[i], i) != null) {
                    throw new IllegalArgumentException("Parameter name " + this.keys[i] + " is repeated");
                }
            }
            this.keySet = Collections.unmodifiableSet(new LinkedHashSet<>(keys));
        }

        int size() {
            return keys.length;
        }
    }

    /** Rows at most this wide are searched for a name by identity before the name index. */
    private static final int SCAN_WIDTH = 8;

    @Override
    public @Nullable Object get(@Nullable Object key) {
        String[] keys = names.keys;
        if (keys.length <= SCAN_WIDTH) {
            // Core binds a batch by the column names of the statement, the same String objects as these keys.
            for (int k = 0; k < keys.length; k++) {
                if (keys[k] == key) {
                    return values[k];
                }
            }
        }
        Integer i = names.index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return names.index.containsKey(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<String> keySet() {
        return names.keySet;
    }

    @Override
    public Set<Entry<String, @Nullable Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, @Nullable Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, @Nullable Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names.keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
