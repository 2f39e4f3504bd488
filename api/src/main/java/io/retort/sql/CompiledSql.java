package io.retort.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A statement compiled for a dialect without a database: the SQL with {@code ?} placeholders and the values bound to
 * them, in order (an expanding IN list stays one list until execution).
 *
 * @param sql the SQL
 * @param parameters the bound values
 */
public record CompiledSql(String sql, List<@Nullable Object> parameters) {
    /**
     * Copies the parameters. Written out rather than compact: javac drops the type annotations of a compact
     * constructor's parameters from the class file, and NullAway reads them there.
     *
     * @param sql the SQL
     * @param parameters the bound values
     */
    public CompiledSql(String sql, List<@Nullable Object> parameters) {
        this.sql = sql;
        this.parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }
}
