package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import java.sql.SQLException;
import java.util.Locale;

/**
 * MySQL, through MariaDB Connector/J by default ({@code jdbc:mariadb:}) or MySQL Connector/J when the URL asks for it
 * ({@code mysql+mysqlconnector://}). Whether the server is really MariaDB is read at first connect
 * ({@link #isMariaDb()}), as SQLAlchemy's {@code is_mariadb}.
 */
public class MySqlDialect extends Dialect {
    private volatile boolean mariaDb;
    private final String jdbcScheme;

    /** A dialect whose driver takes {@code jdbc:<jdbcScheme>://} URLs. */
    public MySqlDialect(String jdbcScheme) {
        this.jdbcScheme = jdbcScheme;
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String jdbcUrl(DatabaseUrl url) {
        return "jdbc:" + jdbcScheme + "://" + Drivers.hostAndPort(url, "localhost") + "/"
                + (url.database() == null ? "" : url.database());
    }

    @Override
    public void initialize(java.sql.Connection connection) throws SQLException {
        super.initialize(connection);
        String version = serverVersion();
        mariaDb = version != null && version.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /** Whether the server is MariaDB rather than MySQL. */
    public boolean isMariaDb() {
        return mariaDb;
    }

    /** MySQL and MariaDB treat a backslash in a string literal as an escape (unless NO_BACKSLASH_ESCAPES is set). */
    @Override
    public boolean backslashEscapesInStrings() {
        return true;
    }

    @Override
    public boolean isDisconnect(SQLException exception) {
        switch (exception.getErrorCode()) {
            case 1927: // connection was killed
            case 2006: // server has gone away
            case 2013: // lost connection during query
            case 4031: // disconnected by the server because of inactivity
                return true;
            default:
                return super.isDisconnect(exception);
        }
    }

    @Override
    public ErrorCategory classify(SQLException exception) {
        switch (exception.getErrorCode()) {
            case 1927: // connection was killed (SQLSTATE 70100)
            case 2006: // server has gone away
            case 2013: // lost connection during query
            case 1205: // lock wait timeout exceeded (SQLSTATE HY000)
            case 1969: // query execution was interrupted, max_statement_time exceeded
            case 3024: // MySQL: maximum statement execution time exceeded
                return ErrorCategory.OPERATIONAL;
            case 1213: // deadlock found (SQLSTATE 40001)
                return ErrorCategory.TRANSACTION_ROLLBACK;
            default:
                return super.classify(exception);
        }
    }
}
