package io.retort.impl.compiler;

import io.retort.exception.InvalidArgumentException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A statement compiled for one dialect: JDBC SQL with {@code ?} placeholders and, for each placeholder in order, the
 * name of the parameter that fills it. Immutable and shared through the engine's cache.
 *
 * @param sql the SQL with {@code ?} placeholders
 * @param parameterNames the parameter name of each placeholder, in order; a name may repeat
 * @param source the statement as the user wrote it, for error messages
 * @param placeholderOffsets the position of each placeholder in {@code sql}
 * @param expanding the parameters that expand into lists at execution
 * @param readOnly whether the statement only reads: a SELECT of the expression language that takes no locks and
 *     calls no function or SQL text (which might write); text statements and DDL never count as read-only
 * @param plain whether the statement has no common table expression and no derived table, so that gathering the
 *     values of another statement of its structure ({@link ExpressionCompiler#collect(io.retort.impl.dialect.Dialect,
 *     io.retort.sql.SqlNode, CompiledStatement)}) need not look for WITH clauses or work out correlation
 */
public record CompiledStatement(String sql, List<String> parameterNames, String source,
        List<Integer> placeholderOffsets, Set<String> expanding, boolean readOnly, boolean plain) {

    /** Creates the compiled form; the lists are copied. */
    public CompiledStatement {
        parameterNames = List.copyOf(parameterNames);
        placeholderOffsets = List.copyOf(placeholderOffsets);
        expanding = Set.copyOf(expanding);
    }

    /** A statement that may write (text, DDL). */
    public CompiledStatement(String sql, List<String> parameterNames, String source,
            List<Integer> placeholderOffsets, Set<String> expanding) {
        this(sql, parameterNames, source, placeholderOffsets, expanding, false, false);
    }

    /** A statement without expanding parameters that may write. */
    public CompiledStatement(String sql, List<String> parameterNames, String source) {
        this(sql, parameterNames, source, List.of(), Set.of(), false, false);
    }

    /**
     * The SQL and values to send for one execution: expanding parameters become {@code (?, ?, ...)} with their
     * elements as values, or {@code (emptySet)} for an empty collection.
     *
     * @param sql the SQL to send
     * @param values the values, one per placeholder
     * @param slots for each value, the index of the parameter (in {@link #parameterNames()}) it came from
     */
    public record Expanded(String sql, List<@Nullable Object> values, int[] slots) {
    }

    /**
     * The named-parameter positions of a statement being compiled: each placeholder's parameter name and offset in
     * the SQL, in order, which parameters expand, and the names given so far (an unnamed value takes a hint, made
     * unique: {@code name}, {@code name_1}, ...). Not thread-safe; filled by one compilation, then frozen into a
     * {@link CompiledStatement}.
     */
    public static final class Placeholders {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> offsets = new ArrayList<>();
        private final Set<String> expanding = new java.util.LinkedHashSet<>();
        private final Set<String> used = new java.util.HashSet<>();
        /**
         * For each hint, the suffix to try next: a multi-row VALUES of a thousand rows names a thousand values of one
         * column, and counting up from 1 each time made its compilation quadratic.
         */
        private final java.util.Map<String, Integer> nextSuffix = new java.util.HashMap<>();

        /** Records a placeholder of parameter {@code name} at {@code offset} of the SQL. */
        public void add(String name, int offset) {
            names.add(name);
            offsets.add(offset);
        }

        /** Records a placeholder of an unnamed value: a name made unique from {@code hint}, which it returns. */
        public String addUnnamed(String hint, int offset, boolean expands) {
            String name = hint;
            if (!used.add(name)) {
                int i = nextSuffix.getOrDefault(hint, 1);
                do {
                    name = hint + "_" + i++;
                } while (!used.add(name));
                nextSuffix.put(hint, i);
            }
            add(name, offset);
            if (expands) {
                expanding.add(name);
            }
            return name;
        }

        /** The compiled statement of {@code sql} with these placeholders. */
        public CompiledStatement toCompiled(String sql, boolean readOnly, boolean plain) {
            return new CompiledStatement(sql, names, sql, offsets, expanding, readOnly, plain);
        }
    }

    /** Whether some parameter expands at execution. */
    public boolean hasExpanding() {
        return !expanding.isEmpty();
    }

    /**
     * Expands the expanding parameters.
     *
     * @param values the values from {@link #values}, one per parameter slot
     * @param emptySet the dialect's subquery returning no row, for the parameter slot given
     * @throws InvalidArgumentException if an expanding parameter's value is not a collection or array
     */
    public Expanded expand(List<@Nullable Object> values, java.util.function.IntFunction<String> emptySet) {
        StringBuilder expanded = new StringBuilder(sql.length() + 16);
        List<@Nullable Object> flat = new ArrayList<>(values.size());
        List<Integer> slots = new ArrayList<>(values.size());
        int copied = 0;
        for (int slot = 0; slot < parameterNames.size(); slot++) {
            int offset = placeholderOffsets.get(slot);
            expanded.append(sql, copied, offset);
            copied = offset + 1;
            String name = parameterNames.get(slot);
            Object value = values.get(slot);
            if (!expanding.contains(name)) {
                expanded.append('?');
                flat.add(value);
                slots.add(slot);
                continue;
            }
            List<?> elements = elements(name, value);
            if (elements.isEmpty()) {
                expanded.append('(').append(emptySet.apply(slot)).append(')');
                continue;
            }
            expanded.append('(');
            for (int i = 0; i < elements.size(); i++) {
                expanded.append(i == 0 ? "?" : ", ?");
                flat.add(elements.get(i));
                slots.add(slot);
            }
            expanded.append(')');
        }
        expanded.append(sql, copied, sql.length());
        return new Expanded(expanded.toString(), flat, slots.stream().mapToInt(Integer::intValue).toArray());
    }

    private List<?> elements(String name, @Nullable Object value) {
        if (value instanceof Collection<?>) {
            return new ArrayList<>((Collection<?>) value);
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                elements.add(java.lang.reflect.Array.get(value, i));
            }
            return elements;
        }
        throw new InvalidArgumentException("Parameter '" + name + "' expands into a list and needs a collection or"
                + " an array, but was " + (value == null ? "null" : value.getClass().getName()) + "; pass e.g."
                + " Map.of(\"" + name + "\", List.of(1, 2, 3))");
    }

    /**
     * The values for the placeholders, in order.
     *
     * @param parameters the values given at execution
     * @param defaults values bound to the statement itself, used when {@code parameters} lacks a name
     * @param setNumber the position of this set in an executemany batch (from 1), or 0 for a single execution
     * @throws InvalidArgumentException naming the first parameter with no value
     */
    public List<@Nullable Object> values(Map<String, ? extends @Nullable Object> parameters,
            Map<String, ? extends @Nullable Object> defaults, int setNumber) {
        List<@Nullable Object> values = new ArrayList<>(parameterNames.size());
        for (String name : parameterNames) {
            if (parameters.containsKey(name)) {
                values.add(parameters.get(name));
            } else if (defaults.containsKey(name)) {
                values.add(defaults.get(name));
            } else {
                throw new InvalidArgumentException("A value is required for bind parameter '" + name + "'"
                        + (setNumber > 0 ? " in parameter set " + setNumber : "") + " of the statement: " + source
                        + "\nPass it in the parameters, e.g. Map.of(\"" + name + "\", value)"
                        + (parameters.isEmpty() ? "" : "; the parameters given were " + parameters.keySet()));
            }
        }
        return values;
    }

    /** The parameter values by name, for logs and error messages (the names this statement uses, in order). */
    public Map<String, @Nullable Object> namedValues(List<@Nullable Object> values) {
        Map<String, @Nullable Object> named = new LinkedHashMap<>();
        for (int i = 0; i < parameterNames.size(); i++) {
            named.put(parameterNames.get(i), values.get(i));
        }
        return named;
    }
}
