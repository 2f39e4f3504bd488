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
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();

    Columns(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = names.size() - 1; i >= 0; i--) {
            String name = names.get(i);
            exact.put(name, i);
        }
        for (int i = 0; i < names.size(); i++) {
            String key = names.get(i).toLowerCase(Locale.ROOT);
            // -1 marks a case-insensitive name shared by two columns: only an exact lookup can pick one.
            folded.merge(key, i, (a, b) -> -1);
        }
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    int indexOf(String name) {
        Integer index = exact.get(name);
        if (index != null) {
            return index;
        }
        index = folded.get(name.toLowerCase(Locale.ROOT));
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
