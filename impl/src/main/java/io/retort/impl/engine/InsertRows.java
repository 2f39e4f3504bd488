package io.retort.impl.engine;

import io.retort.sql.Assignment;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How the rows of an {@code insert(table)} executemany bind, read once from the statement compiled for the first
 * row: the parameters are the row's values by column name, then the columns' client-side defaults, each with its
 * column's type. Binding a row is then a lookup per column, with no statement built for it. Immutable.
 */
final class InsertRows {
    private final String[] names;
    private final @Nullable Supplier<?>[] defaults;
    private final SqlType<?>[] types;

    private InsertRows(String[] names, @Nullable Supplier<?>[] defaults, SqlType<?>[] types) {
        this.names = names;
        this.defaults = defaults;
        this.types = types;
    }

    /** The layout of {@code bare} for rows naming {@code given} columns. */
    static InsertRows of(Insert bare, Map<String, ? extends @Nullable Object> firstRow) {
        List<Assignment> assignments = bare.values(firstRow).rows().get(0);
        int size = assignments.size();
        String[] names = new String[size];
        Supplier<?>[] defaults = new Supplier<?>[size];
        SqlType<?>[] types = new SqlType<?>[size];
        for (int i = 0; i < size; i++) {
            Assignment assignment = assignments.get(i);
            names[i] = assignment.column().name();
            types[i] = assignment.column().type();
            if (!firstRow.containsKey(names[i])) {
                defaults[i] = assignment.column().clientDefault();
            }
        }
        return new InsertRows(names, defaults, types);
    }

    /** The parameter types, in placeholder order. */
    SqlType<?>[] types() {
        return types;
    }

    /**
     * Appends a row's parameter values in placeholder order; false (nothing appended) when a value is an expression,
     * which only a statement built for the row can render.
     */
    boolean append(Map<String, ? extends @Nullable Object> row, List<@Nullable Object> out) {
        int start = out.size();
        for (int i = 0; i < names.length; i++) {
            Object value;
            if (defaults[i] != null) {
                value = defaults[i].get();
            } else {
                value = row.get(names[i]);
                if (value instanceof Expression) {
                    while (out.size() > start) {
                        out.remove(out.size() - 1);
                    }
                    return false;
                }
            }
            out.add(value);
        }
        return true;
    }

    /** One row's values, or null when a value is an expression. */
    @Nullable List<@Nullable Object> values(Map<String, ? extends @Nullable Object> row) {
        List<@Nullable Object> values = new ArrayList<>(names.length);
        return append(row, values) ? values : null;
    }
}
