package io.retort.sql;

import io.retort.types.SqlType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A literal SQL statement with {@code :name} bind parameters, made by {@link Sql#text(String)}.
 *
 * <p>Parameters are written {@code :name} (a letter or underscore, then letters, digits or underscores) and receive
 * their values from the parameter map given at execution:
 *
 * <pre>{@code
 * conn.execute(text("SELECT x, y FROM some_table WHERE y > :y"), Map.of("y", 6));
 * // SELECT x, y FROM some_table WHERE y > ?      -- with [6]
 * }</pre>
 *
 * <ul>
 *   <li>A name used twice is bound twice from the same value.</li>
 *   <li>{@code \:} stands for a literal colon: {@code text("SELECT '10\\:30'")}.</li>
 *   <li>PostgreSQL's {@code ::} cast is not a parameter: {@code :id::text} binds {@code id} and keeps the cast.</li>
 *   <li>Colons inside quoted strings, quoted identifiers and comments are left alone.</li>
 *   <li>A parameter with no value in the map (nor from {@link #bindParams(Map)}) is an error that names it.</li>
 * </ul>
 *
 * <p>Values are always bound through the driver, never spliced into the SQL. Instances are immutable; equality is by
 * SQL text and expanding parameters only, so values and types given to {@link #bindParams(Map)} and
 * {@link #bindTypes(Map)} do not change the cache key.
 */
public final class TextClause implements Executable {
    private final String text;
    private final Map<String, @Nullable Object> boundValues;
    private final Map<String, SqlType<?>> parameterTypes;
    private final Map<String, SqlType<?>> columnTypes;
    private final Set<String> expanding;

    TextClause(String text, Map<String, @Nullable Object> boundValues) {
        this(text, boundValues, Map.of(), Map.of(), Set.of());
    }

    private TextClause(String text, Map<String, @Nullable Object> boundValues,
            Map<String, SqlType<?>> parameterTypes, Map<String, SqlType<?>> columnTypes, Set<String> expanding) {
        this.text = text;
        this.boundValues = boundValues;
        this.parameterTypes = parameterTypes;
        this.columnTypes = columnTypes;
        this.expanding = expanding;
    }

    /** The SQL text as written, with its {@code :name} parameters. */
    public String text() {
        return text;
    }

    /** Values bound with {@link #bindParams(Map)}; parameters given at execution take precedence over them. */
    public Map<String, @Nullable Object> boundValues() {
        return boundValues;
    }

    /**
     * Returns a copy of this clause with default values for some of its parameters, as SQLAlchemy's
     * {@code text(...).bindparams(...)} does. Values passed at execution override them.
     *
     * @param values parameter name to value; a null value binds SQL NULL
     * @return a new clause; this one is unchanged
     */
    public TextClause bindParams(Map<String, ? extends @Nullable Object> values) {
        Objects.requireNonNull(values, "values");
        Map<String, @Nullable Object> merged = new LinkedHashMap<>(boundValues);
        merged.putAll(values);
        return new TextClause(text, Collections.unmodifiableMap(merged), parameterTypes, columnTypes, expanding);
    }

    /**
     * Returns a copy that binds the named parameters as the given SQL types, as SQLAlchemy's
     * {@code bindparam(name, type_=...)}: the value is converted the way a column of that type needs
     * (a JSON document, an enum, a UUID, a time zone, an interval...).
     *
     * <pre>{@code
     * text("INSERT INTO doc (body) VALUES (:body)").bindTypes(Map.of("body", JSON))
     * }</pre>
     */
    public TextClause bindTypes(Map<String, ? extends SqlType<?>> types) {
        Map<String, SqlType<?>> merged = new LinkedHashMap<>(parameterTypes);
        merged.putAll(types);
        return new TextClause(text, boundValues, Collections.unmodifiableMap(merged), columnTypes, expanding);
    }

    /**
     * Returns a copy whose result columns, by name, are read as the given SQL types, as SQLAlchemy's
     * {@code text(...).columns(...)}: rows then hold that type's Java values ({@code OffsetDateTime},
     * {@code Duration}, an enum constant, ...).
     */
    public TextClause columnTypes(Map<String, ? extends SqlType<?>> types) {
        Map<String, SqlType<?>> merged = new LinkedHashMap<>(columnTypes);
        merged.putAll(types);
        return new TextClause(text, boundValues, parameterTypes, Collections.unmodifiableMap(merged), expanding);
    }

    /**
     * Returns a copy in which the named parameters take a collection and expand at execution into a parenthesized
     * list of placeholders, as SQLAlchemy's {@code bindparam(name, expanding=True)}. An empty collection becomes an
     * empty subquery, so {@code IN} matches nothing and {@code NOT IN} everything; on PostgreSQL declare the
     * element type with {@link #bindTypes} (e.g. {@code Map.of("ids", INTEGER)}) so that the empty subquery has the
     * column's type. Lists of any length share one compiled statement.
     *
     * <pre>{@code
     * text("SELECT * FROM t WHERE id IN :ids").expanding("ids")   // with Map.of("ids", List.of(1, 2, 3))
     * // SELECT * FROM t WHERE id IN (?, ?, ?)
     * }</pre>
     */
    public TextClause expanding(String... names) {
        Set<String> merged = new java.util.LinkedHashSet<>(expanding);
        merged.addAll(java.util.Arrays.asList(names));
        return new TextClause(text, boundValues, parameterTypes, columnTypes, Collections.unmodifiableSet(merged));
    }

    /** The parameters that expand into lists ({@link #expanding}). */
    public Set<String> expandingParameters() {
        return expanding;
    }

    /** The SQL types of parameters given by {@link #bindTypes}. */
    public Map<String, SqlType<?>> parameterTypes() {
        return parameterTypes;
    }

    /** The SQL types of result columns given by {@link #columnTypes}. */
    public Map<String, SqlType<?>> columnTypes() {
        return columnTypes;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TextClause && ((TextClause) other).text.equals(text)
                && ((TextClause) other).expanding.equals(expanding);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + expanding.hashCode();
    }

    /** The SQL text, with its {@code :name} parameters. */
    @Override
    public String toString() {
        return text;
    }
}
