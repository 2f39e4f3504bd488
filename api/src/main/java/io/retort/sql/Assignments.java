package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns a map of column names to values into assignments bound with each column's type. */
final class Assignments {
    private Assignments() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Assignment> of(TableReference table, Map<String, ? extends @Nullable Object> values) {
        if (values.isEmpty()) {
            throw new InvalidArgumentException("values() needs at least one column of " + table.name());
        }
        List<Assignment> assignments = new ArrayList<>();
        for (Map.Entry<String, ? extends @Nullable Object> entry : values.entrySet()) {
            ColumnReference<?> column = table.columnReference(entry.getKey());
            Object value = entry.getValue();
            Expression<?> expression = value instanceof Expression<?> ? (Expression<?>) value
                    : BindParameter.of((io.retort.types.SqlType) column.type(), value);
            assignments.add(new Assignment(column, expression));
        }
        return assignments;
    }
}
