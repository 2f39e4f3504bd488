package io.retort.sql;

import java.util.List;

/**
 * A foreign key as the expression language sees it, for joins whose ON clause is inferred.
 *
 * @param columns the referring columns
 * @param referredTable the referred table's name
 * @param referredColumns the referred columns, in the same order
 */
public record ForeignKeyReference(List<String> columns, String referredTable, List<String> referredColumns) {
    /** Copies the lists. */
    public ForeignKeyReference {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
    }
}
