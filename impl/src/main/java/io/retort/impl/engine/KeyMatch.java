package io.retort.impl.engine;

import io.retort.exception.InvalidRequestException;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the database returns the rows of RETURNING in any order and no autoincrement key sorts them
 * ({@code InsertManyExecutor.sortKey}): the table's primary key, when every parameter set gives a value for each of
 * its columns, so that each returned row is matched to the set that gave its key. RETURNING names the key, or the
 * executor adds the key columns it lacks to the statement ({@link #widened}) and drops them from the rows it hands
 * back. Without a key in every set, the rows go one per statement (SQLAlchemy's downgrade of an insertmanyvalues
 * batch that has no sentinel), never matched by a guess at their order.
 *
 * @param names the key's column names, as the sets name them
 * @param positions the key columns' positions in RETURNING
 */
record KeyMatch(String[] names, int[] positions) {
    static @Nullable KeyMatch of(Insert bare, List<? extends Map<String, ? extends @Nullable Object>> sets,
            List<Expression<?>> returning) {
        if (!(bare.table() instanceof io.retort.schema.Table table) || table.primaryKeyColumns().isEmpty()
                || bare.onConflict() != null || !bare.prefixes().isEmpty()) {
            // An upsert returns the existing row's key where a set conflicts on another column, and INSERT OR IGNORE
            // returns no row for a set it skips: neither can be matched by the keys the sets give.
            return null;
        }
        List<io.retort.schema.Column<?>> key = table.primaryKeyColumns();
        String[] names = new String[key.size()];
        int[] positions = new int[key.size()];
        for (int k = 0; k < names.length; k++) {
            names[k] = key.get(k).name();
            positions[k] = InsertManyExecutor.positionOf(returning, key.get(k));
            if (positions[k] < 0) {
                return null;
            }
        }
        for (Map<String, ? extends @Nullable Object> set : sets) {
            for (int k = 0; k < names.length; k++) {
                Object value = set.get(names[k]);
                if (value == null || value instanceof Expression || value instanceof byte[]
                        || !comparesAs(value, key.get(k).type().javaType())) {
                    // A key the database computes, an array (unequal to its copy), or a value of another type than
                    // the column's, which the row returned may not equal.
                    return null;
                }
            }
        }
        return new KeyMatch(names, positions);
    }

    /**
     * {@code bare} with the key columns its RETURNING lacks added after the others, where every set gives the whole
     * key so that the rows can then be matched by it; null where RETURNING names the key already or a set lacks a
     * value of it (the rows are then matched as they are, or go one per statement).
     */
    static @Nullable Insert widened(Insert bare, List<? extends Map<String, ? extends @Nullable Object>> sets) {
        if (!(bare.table() instanceof io.retort.schema.Table table) || table.primaryKeyColumns().isEmpty()) {
            return null;
        }
        List<Expression<?>> returning = new ArrayList<>(bare.returningClause());
        int shown = returning.size();
        for (io.retort.schema.Column<?> column : table.primaryKeyColumns()) {
            if (InsertManyExecutor.positionOf(returning, column) < 0) {
                returning.add(column);
            }
        }
        if (returning.size() == shown) {
            return null;
        }
        Insert wide = bare.returning(returning.toArray(new Expression<?>[0]));
        return of(wide, sets, returning) != null ? wide : null;
    }

    /** Puts the RETURNING rows of one page, those from {@code from}, in the order of the page's sets. */
    void order(List<@Nullable Object[]> rows, int from,
            List<? extends Map<String, ? extends @Nullable Object>> page, String sql) {
        Map<Object, Integer> setAt = new java.util.HashMap<>(page.size() * 2);
        for (int r = 0; r < page.size(); r++) {
            Map<String, ? extends @Nullable Object> set = page.get(r);
            Object[] key = new Object[names.length];
            for (int k = 0; k < key.length; k++) {
                key[k] = comparable(set.get(names[k]));
            }
            setAt.put(List.of(key), r);
        }
        @Nullable Object[][] ordered = new Object[page.size()][];
        for (int i = from; i < rows.size(); i++) {
            @Nullable Object[] row = rows.get(i);
            Object[] key = new Object[positions.length];
            for (int k = 0; k < key.length; k++) {
                key[k] = comparable(row[positions[k]]);
            }
            Integer r = java.util.Arrays.asList(key).contains(null) ? null : setAt.get(List.of(key));
            if (r == null || ordered[r] != null) {
                throw new InvalidRequestException("The database returned a row of INSERT ... RETURNING whose"
                        + " primary key " + java.util.Arrays.toString(key) + " is not the key of exactly one"
                        + " parameter set of its statement, so the rows cannot be matched to the sets; give each"
                        + " set its key as a value of the column's Java type\n[SQL: " + sql + "]");
            }
            ordered[r] = row;
        }
        for (int r = 0; r < ordered.length; r++) {
            rows.set(from + r, ordered[r]);
        }
    }

    /** Whether a set's key value compares with what the database returns for a column of {@code javaType}. */
    private static boolean comparesAs(Object value, Class<?> javaType) {
        return javaType.isInstance(value) || comparable(value) instanceof Long && (javaType == Integer.class
                || javaType == Long.class || javaType == Short.class || javaType == Byte.class);
    }

    /**
     * A key value as it compares: an integer of any width as a {@code long} (a set's {@code Integer} finds a
     * returned {@code Long}), a decimal without trailing zeros ({@code 1.0} finds {@code 1}).
     */
    private static @Nullable Object comparable(@Nullable Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.signum() == 0 ? java.math.BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                ? (Object) ((Number) value).longValue() : value;
    }
}
