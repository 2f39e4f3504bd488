package io.retort.impl.engine;

import io.retort.exception.InvalidArgumentException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column names of a result and their lookup: exact name first, then case-insensitive (when that is
 * unambiguous). Shared by every row of the result. Immutable.
 */
final class Columns {
    private final List<String> names;
    /** The name lookups, built on the first lookup by name (most results are read by position only). */
    private @org.jspecify.annotations.Nullable Lookup lookup;

    Columns(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** Exact names and lower-cased ones; final fields, so a lookup published by a race is whole. */
    private static final class Lookup {
        final Map<String, Integer> exact = new HashMap<>();
        final Map<String, Integer> folded = new HashMap<>();

        Lookup(List<String> names) {
            for (int i = names.size() - 1; i >= 0; i--) {
                exact.put(names.get(i), i);
            }
            for (int i = 0; i < names.size(); i++) {
                String key = names.get(i).toLowerCase(Locale.ROOT);
                // -1 marks a case-insensitive name shared by two columns: only an exact lookup can pick one.
                folded.merge(key, i, (a, b) -> -1);
            }
        }
    }

    private Lookup lookup() {
        Lookup current = lookup;
        if (current == null) {
            current = new Lookup(names);
            lookup = current;
        }
        return current;
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    int indexOf(String name) {
        Lookup byName = lookup();
        Integer index = byName.exact.get(name);
        if (index != null) {
            return index;
        }
        index = byName.folded.get(name.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw new InvalidArgumentException("No column named '" + name + "' in this row; its columns are "
                    + names);
        }
        if (index < 0) {
            throw new InvalidArgumentException("The column name '" + name + "' is ambiguous in this row (columns "
                    + names + "); give its exact case, or label the columns in the query");
        }
        return index;
    }

    void checkIndex(int index) {
        if (index < 0 || index >= names.size()) {
            throw new InvalidArgumentException("Column index " + index + " is out of range: this row has "
                    + names.size() + " columns " + names + ", indexed from 0");
        }
    }
}
