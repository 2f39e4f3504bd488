package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import java.util.Map;

/**
 * Static factories of the SQL Expression Language; import them statically:
 *
 * <pre>{@code
 * import static io.retort.sql.Sql.text;
 *
 * conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), Map.of("x", 1, "y", 1));
 * }</pre>
 */
public final class Sql {
    private Sql() {
    }

    /**
     * A literal SQL statement with {@code :name} bind parameters; see {@link TextClause} for the parameter syntax.
     *
     * <pre>{@code
     * text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y")
     * }</pre>
     *
     * @param sql the statement text
     * @return an immutable clause that can be executed on a connection
     * @throws InvalidArgumentException if {@code sql} is null or blank
     */
    public static TextClause text(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidArgumentException("text() needs a SQL statement, but was given "
                    + (sql == null ? "null" : "a blank string") + "; pass the statement text, e.g. text(\"SELECT 1\")");
        }
        return new TextClause(sql, Map.of());
    }
}
