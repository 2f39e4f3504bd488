package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.IsolationLevel;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * SQLite through the xerial {@code sqlite-jdbc} driver.
 *
 * <ul>
 *   <li>{@code sqlite://} and {@code sqlite:///:memory:} open a private in-memory database per engine, shared by
 *       that engine's connections (a named shared-cache database) and kept until the engine is closed.</li>
 *   <li>Foreign keys are enforced ({@code PRAGMA foreign_keys=ON}) unless the URL says {@code ?foreign_keys=false}.
 *   </li>
 *   <li>SQLite reports no SQLSTATE; errors are classified by its result code.</li>
 * </ul>
 */
public class SqliteDialect extends Dialect {
    private static final AtomicLong MEMORY_DATABASES = new AtomicLong();

    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private static final int SQLITE_ERROR = 1;
    private static final int SQLITE_INTERNAL = 2;
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_ABORT = 4;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_NOMEM = 7;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_INTERRUPT = 9;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_SCHEMA = 17;
    private static final int SQLITE_TOOBIG = 18;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_MISMATCH = 20;
    private static final int SQLITE_MISUSE = 21;
    private static final int SQLITE_RANGE = 25;

    @Override
    public String name() {
        return "sqlite";
    }

    /** RETURNING writes each row to a temporary table first: 100,000 rows read back by rowid take about 0.6 of it. */
    @Override
    public boolean readsInsertedRowsByRowid() {
        return true;
    }

    /** sqlite-jdbc steps a batch one row at a time; 1,000-row pages take about 0.85 of its time. */
    @Override
    public boolean insertManyValuesWithoutReturning() {
        return true;
    }

    @Override
    protected JdbcTypes createJdbcTypes() {
        return new SqliteJdbcTypes();
    }

    @Override
    protected TypeCompiler createTypeCompiler() {
        return new SqliteTypeCompiler(this);
    }

    @Override
    protected ReflectionQueries createReflectionQueries() {
        return new SqliteReflectionQueries(this);
    }

    @Override
    public String jdbcUrl(DatabaseUrl url) {
        String database = url.database();
        if (database == null || database.isEmpty() || database.equals(":memory:")) {
            return "jdbc:sqlite:file:retort-memory-" + MEMORY_DATABASES.incrementAndGet()
                    + "?mode=memory&cache=shared";
        }
        return "jdbc:sqlite:" + database;
    }

    @Override
    public boolean isInMemory(String jdbcUrl) {
        return jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory");
    }

    @Override
    public void addDefaultProperties(Properties properties) {
        properties.setProperty("foreign_keys", "true");
    }

    @Override
    public ErrorCategory classify(SQLException exception) {
        if (exception.getSQLState() != null && exception.getSQLState().length() == 5) {
            return super.classify(exception);
        }
        switch (exception.getErrorCode() & 0xff) {
            case SQLITE_CONSTRAINT:
                return ErrorCategory.INTEGRITY;
            case SQLITE_MISMATCH: case SQLITE_TOOBIG:
                return ErrorCategory.DATA;
            case SQLITE_ERROR: case SQLITE_MISUSE: case SQLITE_RANGE: case SQLITE_PERM: case SQLITE_SCHEMA:
                return ErrorCategory.PROGRAMMING;
            case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_NOMEM: case SQLITE_READONLY: case SQLITE_INTERRUPT:
            case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN: case SQLITE_ABORT:
                return ErrorCategory.OPERATIONAL;
            case SQLITE_INTERNAL: case SQLITE_CORRUPT:
                return ErrorCategory.INTERNAL;
            default:
                return ErrorCategory.UNKNOWN;
        }
    }

    @Override
    public Set<IsolationLevel> isolationLevels() {
        return EnumSet.of(IsolationLevel.SERIALIZABLE, IsolationLevel.READ_UNCOMMITTED, IsolationLevel.AUTOCOMMIT);
    }

    /**
     * SQLite has no row locks: a writing transaction locks the whole database, so FOR UPDATE is left out (as
     * SQLAlchemy does); NOWAIT, SKIP LOCKED, OF and the other strengths cannot be honoured and are compile errors.
     */
    @Override
    public String rowLockClause(io.retort.sql.RowLock lock) {
        if (lock.waitMode() != io.retort.sql.Select.ForUpdate.WAIT) {
            throw new io.retort.exception.CompileException("FOR UPDATE " + lock.waitMode().name().replace('_', ' ')
                    + " is not supported by sqlite, which locks the whole database instead of rows");
        }
        if (lock.strength() != io.retort.sql.RowLock.Strength.UPDATE || !lock.of().isEmpty()) {
            throw unsupportedLock("FOR " + lock.strength().sql() + (lock.of().isEmpty() ? "" : " OF ..."),
                    "SQLite locks the whole database instead of rows: use forUpdate()");
        }
        return "";
    }

    /** SQLite's date and time functions work in UTC; it has no LOCALTIMESTAMP. */
    @Override
    public String localTimestamp() {
        return "datetime('now', 'localtime')";
    }

    @Override
    public boolean parenthesizedCompoundMembers() {
        return false;
    }

    /**
     * SQLite documents the rows of RETURNING as coming in an arbitrary order; an insert executemany orders them by
     * their autoincrement keys (rowids, assigned ascending in VALUES order), as SQLAlchemy's implicit sentinel, or
     * matches them to the parameter sets by the primary key the sets give, and otherwise sends a statement per row.
     */
    @Override
    public InsertReturningStyle insertReturningStyle() {
        return InsertReturningStyle.RETURNING_CLAUSE_ANY_ORDER;
    }

    /** RETURNING came with SQLite 3.35. */
    @Override
    public boolean supportsReturning(String statement) {
        return versionUnknownOrAtLeast(3, 35);
    }

    /** SQLite needs a LIMIT before OFFSET; -1 means no limit. */
    @Override
    public String limitClause(boolean hasLimit, boolean hasOffset) {
        return hasLimit ? super.limitClause(hasLimit, hasOffset) : " LIMIT -1 OFFSET {offset}";
    }

    /** SQLite cannot ALTER TABLE ADD CONSTRAINT; it accepts foreign keys to tables created later instead. */
    @Override
    public boolean supportsAlterAddForeignKey() {
        return false;
    }

    @Override
    public boolean supportsSequences() {
        return false;
    }

    @Override
    public boolean supportsComments() {
        return false;
    }

    /** sqlite-jdbc parses the SQL again at every prepareStatement. */
    @Override
    public boolean driverCachesStatements() {
        return false;
    }

    @Override
    public JsonStyle jsonStyle() {
        return JsonStyle.PATH_OPERATORS;
    }

    @Override
    public SchemaLookup schemaLookup() {
        return SchemaLookup.CURRENT;
    }

    @Override
    public boolean schemaOnIndexName() {
        return true;
    }

    @Override
    public @org.jspecify.annotations.Nullable String regexpOperator(boolean negated) {
        return null;
    }

    /** SQLite divides two integer values as integers, even those of NUMERIC or REAL columns (type affinity). */
    @Override
    public String fractionalDivisor() {
        return "(%s + 0.0)";
    }
}
