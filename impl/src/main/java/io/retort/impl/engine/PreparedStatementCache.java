package io.retort.impl.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The idle prepared statements of one JDBC connection, by SQL, for drivers that parse a statement at every
 * {@code prepareStatement} (SQLite): at most {@code maxSize}, the least recently used closed first. A statement in use
 * is not in the cache: it is taken out for an execution and given back when its result is closed, so that two open
 * results of the same SQL never share a statement. Not thread-safe: a JDBC connection serves one Retort Connection at
 * a time.
 */
final class PreparedStatementCache {
    private final java.sql.Connection physical;
    private final Map<String, PreparedStatement> idle;

    PreparedStatementCache(java.sql.Connection physical, int maxSize) {
        this.physical = physical;
        this.idle = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= maxSize) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
    }

    /** The driver's connection the statements belong to. */
    java.sql.Connection physical() {
        return physical;
    }

    /** A statement for {@code sql}: an idle one, taken out of the cache, or one prepared now. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement kept = idle.remove(sql);
        return kept != null ? kept : physical.prepareStatement(sql);
    }

    /**
     * Gives a statement back after its execution, its result closed, for the next execution of {@code sql}; closes it
     * instead when its parameters cannot be cleared, or when another statement of that SQL is idle already.
     */
    void giveBack(String sql, PreparedStatement statement) {
        try {
            statement.clearParameters();
        } catch (SQLException e) {
            closeQuietly(statement);
            return;
        }
        PreparedStatement other = idle.put(sql, statement);
        if (other != null && other != statement) {
            closeQuietly(other);
        }
    }

    /** Whether a statement was prepared on this cache's connection (not on one the Connection had before). */
    boolean owns(PreparedStatement statement) {
        try {
            return statement.getConnection() == physical;
        } catch (SQLException e) {
            return false;
        }
    }

    /** How many statements are idle. */
    int size() {
        return idle.size();
    }

    /** Whether the connection was closed (by the pool): its statements are gone with it. */
    boolean isClosed() {
        try {
            return physical.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(@Nullable PreparedStatement statement) {
        StatementExecutor.closeQuietly(statement);
    }

    /** The statement cache size: the URL's {@code ?statement_cache_size=N}, else the option. */
    static int configuredSize(io.retort.engine.DatabaseUrl url, io.retort.engine.EngineOptions options) {
        List<String> given = url.jdbcUrl() == null ? url.query().get("statement_cache_size") : null;
        if (given == null || given.isEmpty()) {
            return options.statementCacheSize();
        }
        String text = given.get(given.size() - 1);
        try {
            int size = Integer.parseInt(text.trim());
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new io.retort.exception.ConfigurationException("statement_cache_size in the URL must be a number, 0 or"
                + " more (0 keeps no prepared statements), but was '" + text + "'");
    }
}
