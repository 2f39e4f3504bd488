package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.IsolationLevel;
import io.retort.exception.ConfigurationException;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What Retort needs to know about one kind of database. Each engine has its own instance, because the capability
 * flags are read from the server at first connect ({@link #initialize}). Subclasses override only what differs.
 *
 * <p>Thread-safe after {@link #initialize} has run (the engine runs it once, before handing out connections).
 */
public abstract class Dialect {
    private volatile @Nullable String serverVersion;
    private volatile int serverMajorVersion;
    private volatile int serverMinorVersion;

    /** The dialect's name as used in URLs: {@code sqlite}, {@code h2}, {@code postgresql}, {@code mysql}, ... */
    public abstract String name();

    /** The JDBC URL for a SQLAlchemy-style URL of this dialect (not called for {@code jdbc:} URLs). */
    public abstract String jdbcUrl(DatabaseUrl url);

    /** Whether the JDBC URL names a database that lives only in memory, and so must be kept open. */
    public boolean isInMemory(String jdbcUrl) {
        return false;
    }

    /** Connection properties every connection of this dialect gets unless the URL or connect args override them. */
    public void addDefaultProperties(java.util.Properties properties) {
    }

    /**
     * Reads the server's version and capabilities from a first connection.
     *
     * @throws ConfigurationException if the server is not what the URL said (e.g. {@code mariadb://} on MySQL)
     */
    public void initialize(java.sql.Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        serverVersion = metaData.getDatabaseProductVersion();
        serverMajorVersion = metaData.getDatabaseMajorVersion();
        serverMinorVersion = metaData.getDatabaseMinorVersion();
    }

    /** The server's version string, once {@link #initialize} has run. */
    public @Nullable String serverVersion() {
        return serverVersion;
    }

    /** Whether the server is at least {@code major.minor}. */
    public boolean serverVersionAtLeast(int major, int minor) {
        return serverMajorVersion > major || serverMajorVersion == major && serverMinorVersion >= minor;
    }

    /** Classifies a driver exception; the default reads the SQLSTATE class. */
    public ErrorCategory classify(SQLException exception) {
        return ErrorCategory.ofSqlState(exception.getSQLState());
    }

    /**
     * Whether an exception means the connection is gone (the server closed or killed it, the network failed), so
     * that the pool must discard the connection rather than hand it out again. The default reads SQLSTATE class 08
     * and PostgreSQL's administrator-shutdown states.
     */
    public boolean isDisconnect(SQLException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The column name to show for a result column label. Databases that fold unquoted names to upper case
     * (H2) report {@code X} for {@code SELECT x}; their dialect lower-cases all-upper-case labels, as SQLAlchemy
     * normalizes names.
     */
    public String normalizeColumnLabel(String label) {
        return label;
    }

    /** The isolation levels this database has. */
    public Set<IsolationLevel> isolationLevels() {
        return EnumSet.allOf(IsolationLevel.class);
    }

    /**
     * Checks that the database has an isolation level.
     *
     * @throws ConfigurationException naming the levels it has
     */
    public void checkIsolationLevel(IsolationLevel level) {
        if (!isolationLevels().contains(level)) {
            throw new ConfigurationException("The " + name() + " dialect does not support isolation level " + level
                    + "; supported levels: " + isolationLevels());
        }
    }

    /** Whether a backslash escapes the next character inside string literals (MySQL's default). */
    public boolean backslashEscapesInStrings() {
        return false;
    }

    /** Whether {@code $tag$ ... $tag$} is a string literal (PostgreSQL). */
    public boolean dollarQuotedStrings() {
        return false;
    }

    /** Binds a Java value to a statement parameter. */
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Enum<?>) {
            statement.setString(index, ((Enum<?>) value).name());
        } else if (value instanceof UUID) {
            bindUuid(statement, index, (UUID) value);
        } else if (value instanceof Character) {
            statement.setString(index, value.toString());
        } else {
            statement.setObject(index, value);
        }
    }

    /** Binds a UUID; the default binds its text form, PostgreSQL binds a native uuid. */
    protected void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setString(index, value.toString());
    }

    @Override
    public String toString() {
        return name() + (serverVersion == null ? "" : " " + serverVersion);
    }
}
