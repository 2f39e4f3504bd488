package io.retort.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code FOREIGN KEY (columns) REFERENCES referredTable (referredColumns)}, possibly composite. The referred table
 * is named, and found in the same {@link MetaData} when needed, so tables may be added in any order.
 *
 * @param name the constraint name, or null
 * @param columns the referencing column names
 * @param referredTable the referred table's name
 * @param referredColumns the referred column names, matching {@code columns} in order
 * @param onDelete the ON DELETE action
 * @param onUpdate the ON UPDATE action
 */
public record ForeignKeyConstraint(@Nullable String name, List<String> columns, String referredTable,
        List<String> referredColumns, ReferentialAction onDelete, ReferentialAction onUpdate) implements Constraint {

    /** Validates that both column lists have the same size. */
    public ForeignKeyConstraint {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
        if (columns.isEmpty() || columns.size() != referredColumns.size()) {
            throw new io.retort.exception.InvalidArgumentException("A foreign key needs as many referring columns "
                    + columns + " as referred columns " + referredColumns + " of " + referredTable);
        }
    }

    /** A copy with a name. */
    public ForeignKeyConstraint named(String newName) {
        return new ForeignKeyConstraint(newName, columns, referredTable, referredColumns, onDelete, onUpdate);
    }

    /** A copy with ON DELETE and ON UPDATE actions. */
    public ForeignKeyConstraint actions(ReferentialAction newOnDelete, ReferentialAction newOnUpdate) {
        return new ForeignKeyConstraint(name, columns, referredTable, referredColumns, newOnDelete, newOnUpdate);
    }
}
