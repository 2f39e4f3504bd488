package io.retort.schema;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX name ON table (columns...)}.
 *
 * @param name the index name
 * @param unique whether the index is unique
 * @param columns the indexed column names, in order
 */
public record Index(String name, boolean unique, List<String> columns) implements TableElement {
    /** Copies the column list and checks it is not empty. */
    public Index {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new io.retort.exception.InvalidArgumentException("Index " + name + " needs at least one column");
        }
    }

    /** A unique copy. */
    public Index asUnique() {
        return new Index(name, true, columns);
    }
}
