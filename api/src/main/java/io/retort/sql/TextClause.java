package io.retort.sql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
 * SQL text only, so values given to {@link #bindParams(Map)} do not change the cache key.
 */
public final class TextClause implements Executable {
    private final String text;
    private final Map<String, @Nullable Object> boundValues;

    TextClause(String text, Map<String, @Nullable Object> boundValues) {
        this.text = text;
        this.boundValues = boundValues;
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
        return new TextClause(text, Collections.unmodifiableMap(merged));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TextClause && ((TextClause) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The SQL text, with its {@code :name} parameters. */
    @Override
    public String toString() {
        return text;
    }
}
