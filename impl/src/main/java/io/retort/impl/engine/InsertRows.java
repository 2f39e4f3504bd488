package io.retort.impl.engine;

import io.retort.exception.InvalidArgumentException;
import io.retort.sql.Assignment;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.types.SqlType;
import io.retort.impl.dialect.ParameterBinder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** The columns the first row names; every row must name the same. */
    private final Set<String> given;

    private InsertRows(String[] names, @Nullable Supplier<?>[] defaults, SqlType<?>[] types, Set<String> given) {
        this.names = names;
        this.defaults = defaults;
        this.types = types;
        this.given = given;
    }

    /** The layout of {@code bare} for rows naming {@code given} columns. */
    static InsertRows of(Insert bare, Map<String, ? extends @Nullable Object> firstRow) {
        List<Assignment> assignments = bare.values(firstRow).rows().get(0);
        int size = assignments.size();
        String[] names = new String[size];
        @Nullable Supplier<?>[] defaults = new Supplier<?>[size];
        SqlType<?>[] types = new SqlType<?>[size];
        for (int i = 0; i < size; i++) {
            Assignment assignment = assignments.get(i);
            names[i] = assignment.column().name();
            types[i] = assignment.column().type();
            if (!firstRow.containsKey(names[i])) {
                defaults[i] = assignment.column().clientDefault();
            }
        }
        return new InsertRows(names, defaults, types, firstRow.keySet());
    }

    /** The parameter types, in placeholder order. */
    SqlType<?>[] types() {
        return types;
    }

    /**
     * Fails unless row {@code index} (from 0) names the columns the first row names. Only the key sets are compared
     * here; rows of one caller-built layout (the ORM's) share the first row's key set and pass at once.
     */
    void checkColumns(@Nullable Map<String, ? extends @Nullable Object> row, int index) {
        if (row == null || (row.keySet() != given && !row.keySet().equals(given))) {
            throw differentColumns(row, index);
        }
    }

    /**
     * Fails unless row {@code index} names as many columns as the first row; {@link #append} then finds a missing
     * one. For callers that bind every row before anything runs, so that a bad row fails before any is written.
     */
    void checkColumnCount(@Nullable Map<String, ? extends @Nullable Object> row, int index) {
        if (row == null || (row.keySet() != given && row.size() != given.size())) {
            throw differentColumns(row, index);
        }
    }

    /**
     * Whether row {@code index} gives a value, not an expression, for every column it names; fails unless it names as
     * many columns as the first row ({@link #checkColumnCount}).
     */
    boolean plainValues(@Nullable Map<String, ? extends @Nullable Object> row, int index) {
        if (row == null) {
            throw differentColumns(null, index);
        }
        checkColumnCount(row, index);
        for (String name : names) {
            if (isExpression(row.get(name))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a row's value is an expression to render rather than a value to bind. The common values, text and
     * numbers, are told apart by class first: a test against the {@code Expression} interface scans the value class's
     * interfaces, which for 100,000 rows costs more than binding them.
     */
    static boolean isExpression(@Nullable Object value) {
        return !(value == null || value instanceof String || value instanceof Number || value instanceof Boolean)
                && value instanceof Expression;
    }

    private InvalidArgumentException differentColumns(@Nullable Map<String, ? extends @Nullable Object> row,
            int index) {
        return new InvalidArgumentException("Parameter set " + (index + 1) + " of the executemany names "
                + (row == null ? "nothing" : row.keySet()) + ", but the first names " + given
                + "; every row of an insert() executemany must name the same columns");
    }

    /**
     * Appends row {@code index}'s parameter values in placeholder order; false (nothing appended) when a value is an
     * expression, which only a statement built for the row can render. A row that lacks one of the first row's
     * columns fails (with {@link #checkColumnCount} first, that is every row naming other columns).
     */
    boolean append(Map<String, ? extends @Nullable Object> row, List<@Nullable Object> out, int index) {
        int start = out.size();
        for (int i = 0; i < names.length; i++) {
            Object value;
            if (defaults[i] != null) {
                value = defaults[i].get();
            } else {
                value = row.get(names[i]);
                if (value == null && !row.containsKey(names[i])) {
                    throw differentColumns(row, index);
                }
                if (isExpression(value)) {
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

    /**
     * Whether a column's client-side default is computed for each row: the rows' values must then be computed once
     * and kept, so that the log shows what was bound.
     */
    boolean computesDefaults() {
        for (Supplier<?> supplier : defaults) {
            if (supplier != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Binds row {@code index}'s values straight from its map, with one binder per placeholder, to the placeholders
     * after the first {@code offset}, and no list made for the row; false, with the values before it bound, where a
     * value is an expression. Only for a layout that {@link #computesDefaults() computes no defaults}.
     */
    boolean bind(PreparedStatement statement, Map<String, ? extends @Nullable Object> row, int index,
            ParameterBinder[] binders, int offset) throws SQLException {
        for (int i = 0; i < names.length; i++) {
            Object value = row.get(names[i]);
            if (value == null && !row.containsKey(names[i])) {
                throw differentColumns(row, index);
            }
            if (isExpression(value)) {
                return false;
            }
            binders[i].bind(statement, offset + i + 1, value);
        }
        return true;
    }

    /**
     * The values of {@code rows} in placeholder order, read from the maps when asked (a log or listener reads a page
     * this way): only for a layout that {@link #computesDefaults() computes no defaults}, whose rows'
     * {@link #plainValues values are plain}. A view: nothing is copied.
     */
    List<@Nullable Object> pageValues(List<? extends Map<String, ? extends @Nullable Object>> rows) {
        return new java.util.AbstractList<>() {
            @Override
            public @Nullable Object get(int index) {
                return rows.get(index / names.length).get(names[index % names.length]);
            }

            @Override
            public int size() {
                return rows.size() * names.length;
            }
        };
    }

    /** Row {@code index}'s values, or null when a value is an expression. */
    @Nullable List<@Nullable Object> values(Map<String, ? extends @Nullable Object> row, int index) {
        List<@Nullable Object> values = new ArrayList<>(names.length);
        return append(row, values, index) ? values : null;
    }
}
