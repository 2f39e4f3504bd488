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
    protected JdbcTypes createJdbcTypes() {
        return new MySqlJdbcTypes();
    }

    @Override
    protected TypeCompiler createTypeCompiler() {
        return new MySqlTypeCompiler(this);
    }

    @Override
    protected ReflectionQueries createReflectionQueries() {
        return new MySqlReflectionQueries(this);
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

    @Override
    protected IdentifierPreparer createIdentifierPreparer() {
        return new IdentifierPreparer('`', IdentifierPreparer.COMMON_RESERVED);
    }

    @Override
    public String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** MariaDB has sequences (10.3 and later); MySQL has none. */
    @Override
    public boolean supportsSequences() {
        return isMariaDb();
    }

    @Override
    public boolean inlineColumnComments() {
        return true;
    }

    /** MySQL compares an untyped NULL with any column, and CAST knows few of the column types. */
    @Override
    public String emptySetSubquery(io.retort.types.@org.jspecify.annotations.Nullable SqlType<?> elementType) {
        return "SELECT NULL FROM DUAL WHERE 1 = 0";
    }

    @Override
    public UpsertStyle upsertStyle() {
        return UpsertStyle.ON_DUPLICATE_KEY;
    }

    /** SKIP LOCKED came with MariaDB 10.6 and MySQL 8.0. */
    @Override
    public String rowLockClause(io.retort.sql.RowLock lock) {
        if (lock.waitMode() == io.retort.sql.Select.ForUpdate.SKIP_LOCKED && isMariaDb()
                && !versionUnknownOrAtLeast(10, 6)) {
            throw new io.retort.exception.CompileException("FOR UPDATE SKIP LOCKED is not supported by " + this
                    + "; it needs MariaDB 10.6");
        }
        io.retort.sql.RowLock.Strength strength = lock.strength();
        if (strength == io.retort.sql.RowLock.Strength.NO_KEY_UPDATE
                || strength == io.retort.sql.RowLock.Strength.KEY_SHARE) {
            throw unsupportedLock("FOR " + strength.sql(), "use RowLock.forUpdate() or RowLock.forShare()");
        }
        if (isMariaDb() && !lock.of().isEmpty()) {
            throw unsupportedLock("FOR " + strength.sql() + " OF (a table)", "MariaDB locks the rows of every table"
                    + " read: leave of(...) out");
        }
        if (isMariaDb() && strength == io.retort.sql.RowLock.Strength.SHARE) {
            // MariaDB's spelling of FOR SHARE.
            String clause = " LOCK IN SHARE MODE";
            switch (lock.waitMode()) {
                case NOWAIT: return clause + " NOWAIT";
                case SKIP_LOCKED: return clause + " SKIP LOCKED";
                default: return clause;
            }
        }
        return super.rowLockClause(lock);
    }

    /** No function in FROM but JSON_TABLE, whose column definitions are another shape. */
    @Override
    public boolean supportsTableValuedFunctions() {
        return false;
    }

    /** MySQL 8.0.14 has LATERAL; MariaDB has none. */
    @Override
    public boolean supportsLateral() {
        return !isMariaDb() && versionUnknownOrAtLeast(8, 0);
    }

    @Override
    public UpdateFromStyle updateFromStyle() {
        return UpdateFromStyle.MULTI_TABLE;
    }

    @Override
    public boolean supportsAggregateFilter() {
        return false;
    }

    @Override
    public boolean supportsNullsOrdering() {
        return false;
    }

    @Override
    public boolean concatOperator() {
        return false;
    }

    @Override
    public String integerDivision() {
        return "DIV";
    }

    @Override
    public boolean supportsIsDistinctFrom() {
        return false;
    }

    @Override
    public boolean supportsFullJoin() {
        return false;
    }

    /** MariaDB 10.5+ has INSERT ... RETURNING and DELETE ... RETURNING; MySQL has none, and neither has UPDATE's. */
    @Override
    public boolean supportsReturning(String statement) {
        return isMariaDb() && !statement.equals("UPDATE") && versionUnknownOrAtLeast(10, 5);
    }

    /** MySQL needs a LIMIT before OFFSET; the largest unsigned BIGINT means no limit. */
    @Override
    public String limitClause(boolean hasLimit, boolean hasOffset) {
        return hasLimit ? super.limitClause(hasLimit, hasOffset) : " LIMIT 18446744073709551615 OFFSET {offset}";
    }

    /** MariaDB (10.11 here) takes WITH only before SELECT, whichever dialect name the URL used; MySQL 8 takes it. */
    @Override
    public boolean supportsCteOnDml() {
        return !isMariaDb();
    }

    /** Whether the server is MariaDB rather than MySQL (known once connected). */
    public boolean isMariaDb() {
        return mariaDb;
    }

    /** Whether the server's version string, read at first connect, names MariaDB. */
    protected final boolean serverReportsMariaDb() {
        return mariaDb;
    }

    /**
     * Not with MariaDB Connector/J's {@code useBulkStmts} or MySQL Connector/J's {@code rewriteBatchedStatements}
     * (as a connection property or in the JDBC URL): a batch then answers {@code SUCCESS_NO_INFO} for its rows.
     */
    @Override
    public boolean supportsSaneMultiRowcount(JdbcTarget target) {
        for (String option : new String[] {"useBulkStmts", "rewriteBatchedStatements"}) {
            if ("true".equalsIgnoreCase(target.properties().getProperty(option))
                    || target.jdbcUrl().toLowerCase(java.util.Locale.ROOT).contains(
                            option.toLowerCase(java.util.Locale.ROOT) + "=true")) {
                return false;
            }
        }
        return true;
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

    @Override
    public int maxBindParameters() {
        return 65535;
    }

    @Override
    public DeleteUsingStyle deleteUsingStyle() {
        return DeleteUsingStyle.MULTI_TABLE;
    }

    /** MySQL has no DEFAULT VALUES: an empty column list and row. */
    @Override
    public String defaultValuesClause() {
        return " () VALUES ()";
    }

    @Override
    public JsonStyle jsonStyle() {
        return JsonStyle.FUNCTIONS;
    }

    @Override
    public SchemaLookup schemaLookup() {
        return SchemaLookup.CATALOG;
    }

    /** MySQL 8 and MariaDB frames are ROWS or RANGE, without EXCLUDE. */
    @Override
    public boolean supportsGroupsFrames() {
        return false;
    }

    @Override
    public @org.jspecify.annotations.Nullable String regexpOperator(boolean negated) {
        return negated ? "NOT REGEXP" : "REGEXP";
    }

    /** MariaDB 10.6 and later has FETCH FIRST ... WITH TIES; MySQL has not. */
    @Override
    public boolean supportsFetchWithTies() {
        return isMariaDb() && versionUnknownOrAtLeast(10, 6);
    }
}
