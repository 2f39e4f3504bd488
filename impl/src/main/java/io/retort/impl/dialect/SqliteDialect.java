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

    @Override
    public String typeName(io.retort.types.SqlType<?> type, String column) {
        switch (type.kind()) {
            case DATETIME: case DATETIME_TZ: return type instanceof io.retort.types.BasicType<?> ? "DATETIME"
                    : super.typeName(type, column);
            case FLOAT: return "FLOAT";
            case DOUBLE: return "DOUBLE";
            case INTERVAL: throw new io.retort.exception.CompileException("SQLite has no INTERVAL type (column "
                    + column + "); store a duration as a number of seconds (BIGINT) or use PostgreSQL or H2");
            default: return super.typeName(type, column);
        }
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

    /** SQLite's rowid alias needs the declared type INTEGER and needs no identity clause. */
    @Override
    public String identityClause(io.retort.types.SqlType<?> type) {
        return "";
    }

    @Override
    public String identityTypeName(io.retort.types.SqlType<?> type, String column) {
        return "INTEGER";
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

    /** SQLite keeps unique constraints as automatic indexes; the inspector reads them with PRAGMA index_list. */
    @Override
    public @Nullable String uniqueConstraintsQuery() {
        return null;
    }

    @Override
    public boolean isImplicitIndex(String indexName, java.util.List<String> columns,
            java.util.Set<java.util.List<String>> foreignKeyColumns) {
        return indexName.startsWith("sqlite_autoindex_");
    }

    /** SQLite's JDBC driver reports most declared types as VARCHAR; read the declared name instead. */
    @Override
    public io.retort.types.SqlType<?> reflectType(int jdbcType, String typeName, int size, int scale) {
        String name = typeName.toUpperCase(java.util.Locale.ROOT);
        if (name.startsWith("INT")) {
            return io.retort.types.Types.INTEGER;
        }
        if (name.startsWith("BIGINT")) {
            return io.retort.types.Types.BIGINT;
        }
        if (name.startsWith("SMALLINT")) {
            return io.retort.types.Types.SMALLINT;
        }
        if (name.startsWith("BOOLEAN")) {
            return io.retort.types.Types.BOOLEAN;
        }
        if (name.startsWith("VARCHAR") || name.startsWith("CHAR")) {
            return size > 0 && size < 2_000_000_000 ? io.retort.types.Types.string(size)
                    : io.retort.types.Types.STRING;
        }
        if (name.startsWith("TEXT")) {
            return io.retort.types.Types.TEXT;
        }
        if (name.startsWith("NUMERIC") || name.startsWith("DECIMAL")) {
            // sqlite-jdbc reports NUMERIC(p, s) with a column size of p + s.
            return size > 0 && size < 1000 ? io.retort.types.Types.numeric(size - scale, scale)
                    : io.retort.types.Types.NUMERIC;
        }
        if (name.equals("FLOAT") || name.equals("REAL")) {
            return io.retort.types.Types.FLOAT;
        }
        if (name.startsWith("DOUBLE")) {
            return io.retort.types.Types.DOUBLE;
        }
        if (name.equals("DATE")) {
            return io.retort.types.Types.DATE;
        }
        if (name.equals("TIME")) {
            return io.retort.types.Types.TIME;
        }
        if (name.startsWith("DATETIME") || name.startsWith("TIMESTAMP")) {
            return io.retort.types.Types.DATETIME;
        }
        if (name.startsWith("BLOB")) {
            return io.retort.types.Types.BINARY;
        }
        return super.reflectType(jdbcType, typeName, size, scale);
    }

    @Override
    public boolean supportsComments() {
        return false;
    }

    /**
     * SQLite's NUMERIC affinity keeps text that would lose digits as a REAL, so decimals are bound as text and read
     * back from text: exact to any precision.
     */
    @Override
    protected void bindDecimal(PreparedStatement statement, int index, java.math.BigDecimal value)
            throws SQLException {
        statement.setString(index, value.toPlainString());
    }

    @Override
    protected java.math.@Nullable BigDecimal readDecimal(java.sql.ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : new java.math.BigDecimal(text);
    }

    @Override
    protected void bindDate(PreparedStatement statement, int index, java.time.LocalDate value) throws SQLException {
        statement.setString(index, value.toString());
    }

    @Override
    protected void bindTime(PreparedStatement statement, int index, java.time.LocalTime value) throws SQLException {
        statement.setString(index, TypedValues.TIME_TEXT.format(value));
    }

    @Override
    protected void bindDateTime(PreparedStatement statement, int index, java.time.LocalDateTime value)
            throws SQLException {
        statement.setString(index, TypedValues.DATETIME_TEXT.format(value));
    }

    /** Stored as UTC text with its offset, so that text order is time order. */
    @Override
    protected void bindDateTimeTz(PreparedStatement statement, int index, java.time.OffsetDateTime value)
            throws SQLException {
        statement.setString(index, TypedValues.DATETIME_TEXT.format(TypedValues.utc(value)) + "+00:00");
    }

    @Override
    protected @Nullable Object readDate(java.sql.ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : java.time.LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    @Override
    protected @Nullable Object readTime(java.sql.ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : java.time.LocalTime.parse(text);
    }

    @Override
    protected @Nullable Object readDateTime(java.sql.ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : java.time.LocalDateTime.parse(text.replace(' ', 'T'));
    }

    @Override
    protected @Nullable Object readDateTimeTz(java.sql.ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : java.time.OffsetDateTime.parse(text.replace(' ', 'T'));
    }

    /** SQLite has no date-time types: java.time values are stored as ISO-8601 text, as SQLAlchemy stores them. */
    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value instanceof TemporalAccessor) {
            statement.setString(index, value.toString());
        } else {
            super.bind(statement, index, value);
        }
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
}
