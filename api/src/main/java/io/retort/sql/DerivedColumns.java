package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;

/** The columns of a table made from a SELECT (a derived table or a CTE): one per selected, named expression. */
final class DerivedColumns {
    private DerivedColumns() {
    }

    static List<DerivedColumn<?>> of(Select select, TableReference owner, String what) {
        List<DerivedColumn<?>> derived = new ArrayList<>();
        for (Expression<?> column : select.columns()) {
            String columnName = column instanceof Labeled<?> ? ((Labeled<?>) column).name()
                    : column instanceof ColumnReference<?> ? ((ColumnReference<?>) column).name() : null;
            if (columnName == null) {
                throw new InvalidArgumentException("Column " + (derived.size() + 1) + " of " + what + " "
                        + owner.name() + " has no name; label it, e.g. count().label(\"n\")");
            }
            derived.add(new DerivedColumn<>(columnName, column.type(), owner));
        }
        return List.copyOf(derived);
    }

    static DerivedColumn<?> find(List<DerivedColumn<?>> columns, String name, String what, String owner) {
        for (DerivedColumn<?> column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        throw new InvalidArgumentException(what + " " + owner + " has no column '" + name + "'; its columns are "
                + columns.stream().map(DerivedColumn::name).toList());
    }

    /** Whether two column lists of the same length have the same types, position by position. */
    static boolean typesEqual(List<DerivedColumn<?>> one, List<DerivedColumn<?>> other) {
        if (one.size() != other.size()) {
            return false;
        }
        for (int i = 0; i < one.size(); i++) {
            if (!one.get(i).type().equals(other.get(i).type())) {
                return false;
            }
        }
        return true;
    }
}
