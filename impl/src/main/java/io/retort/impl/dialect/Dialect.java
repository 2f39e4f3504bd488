package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.IsolationLevel;
import io.retort.exception.ConfigurationException;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import io.retort.exception.CompileException;
import io.retort.types.BasicType;
import io.retort.types.EnumType;
import io.retort.types.SqlType;
import io.retort.types.TypeDecorator;
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
     * Whether ROLLBACK makes the database forget the statements it has parsed for the connection (H2 clears its
     * per-session statement cache, since a rolled-back DDL statement may have changed what they refer to). A
     * connection returned to the pool after a transaction that only read then ends it with COMMIT, which is the same
     * for a transaction that wrote nothing, so that the next transaction on the connection does not parse its
     * statements again. False by default.
     */
    public boolean rollbackDiscardsParsedStatements() {
        return false;
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

    /** Whether a backslash escapes the next character inside {@code E'...'} string constants (PostgreSQL). */
    public boolean escapeStringConstants() {
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

    /**
     * A subquery returning no row, for an expanding IN parameter given an empty collection. With the parameter's
     * declared type the NULL is cast to it, so that PostgreSQL compares it with the column's type.
     */
    public String emptySetSubquery(@Nullable SqlType<?> elementType) {
        return elementType == null ? "SELECT NULL WHERE 1 = 0"
                : "SELECT CAST(NULL AS " + typeName(elementType, "IN list") + ") WHERE 1 = 0";
    }

    /**
     * Binds a value as a SQL type: converted the way a column of that type needs. A {@link TypeDecorator} converts
     * first and binds as its stored type.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void bind(PreparedStatement statement, int index, @Nullable Object value, SqlType<?> type)
            throws SQLException {
        if (type instanceof TypeDecorator<?, ?>) {
            TypeDecorator decorator = (TypeDecorator) type;
            bind(statement, index, decorator.bindValue(value), decorator.storedAs());
            return;
        }
        if (value == null) {
            // The column's JDBC type, not Types.NULL: PostgreSQL would otherwise see a parameter of another type
            // than the same parameter's non-null values in the batch, and send the batch one statement at a time.
            statement.setNull(index, nullType(type));
            return;
        }
        try {
            bindNonNull(statement, index, value, type);
        } catch (ClassCastException | ArithmeticException e) {
            throw new io.retort.exception.InvalidArgumentException("Cannot bind " + value.getClass().getName()
                    + " '" + value + "' as " + type + ": pass a " + type.javaType().getSimpleName()
                    + (e instanceof ArithmeticException ? " within the type's range" : ""), e);
        }
    }

    /** The JDBC type a NULL of a SQL type is bound as. */
    protected int nullType(SqlType<?> type) {
        switch (type.kind()) {
            case INTEGER: return Types.INTEGER;
            case SMALLINT: return Types.SMALLINT;
            case BIGINT: return Types.BIGINT;
            case BOOLEAN: return Types.BOOLEAN;
            case VARCHAR: case TEXT: return Types.VARCHAR;
            case NUMERIC: return Types.NUMERIC;
            case FLOAT: return Types.REAL;
            case DOUBLE: return Types.DOUBLE;
            case DATE: return Types.DATE;
            case TIME: return Types.TIME;
            case DATETIME: return Types.TIMESTAMP;
            case BINARY: return Types.VARBINARY;
            default: return Types.NULL;
        }
    }

    private void bindNonNull(PreparedStatement statement, int index, Object value, SqlType<?> type)
            throws SQLException {
        switch (type.kind()) {
            case INTEGER: statement.setInt(index, Math.toIntExact(TypedValues.integral(value))); break;
            case SMALLINT: statement.setShort(index, TypedValues.shortExact(TypedValues.integral(value))); break;
            case BIGINT: statement.setLong(index, TypedValues.integral(value)); break;
            case BOOLEAN: statement.setBoolean(index, (Boolean) value); break;
            case VARCHAR: case TEXT: statement.setString(index, value.toString()); break;
            case NUMERIC: bindDecimal(statement, index, TypedValues.decimal(value)); break;
            case FLOAT: statement.setFloat(index, TypedValues.number(value).floatValue()); break;
            case DOUBLE: statement.setDouble(index, TypedValues.number(value).doubleValue()); break;
            case DATE: bindDate(statement, index, (java.time.LocalDate) value); break;
            case TIME: bindTime(statement, index, (java.time.LocalTime) value); break;
            case DATETIME: bindDateTime(statement, index, (java.time.LocalDateTime) value); break;
            case DATETIME_TZ: bindDateTimeTz(statement, index, TypedValues.offsetDateTime(value)); break;
            case INTERVAL: bindInterval(statement, index, (java.time.Duration) value); break;
            case BINARY: statement.setBytes(index, (byte[]) value); break;
            case UUID: bindUuid(statement, index, value instanceof UUID ? (UUID) value
                    : UUID.fromString(value.toString())); break;
            case ENUM: bindEnum(statement, index, value instanceof Enum<?> ? ((Enum<?>) value).name()
                    : value.toString()); break;
            case JSON: bindJson(statement, index, value.toString()); break;
            default: bind(statement, index, value);
        }
    }

    /** Reads a column as a SQL type, giving that type's Java value (or null). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public @Nullable Object read(java.sql.ResultSet rows, int index, SqlType<?> type) throws SQLException {
        if (type instanceof TypeDecorator<?, ?>) {
            TypeDecorator decorator = (TypeDecorator) type;
            return decorator.resultValue(read(rows, index, decorator.storedAs()));
        }
        switch (type.kind()) {
            // Primitive getters return 0 or false for NULL: ask wasNull() right after them.
            case INTEGER: {
                int value = rows.getInt(index);
                return rows.wasNull() ? null : value;
            }
            case SMALLINT: {
                short value = rows.getShort(index);
                return rows.wasNull() ? null : value;
            }
            case BIGINT: {
                long value = rows.getLong(index);
                return rows.wasNull() ? null : value;
            }
            case BOOLEAN: {
                boolean value = rows.getBoolean(index);
                return rows.wasNull() ? null : value;
            }
            case FLOAT: {
                float value = rows.getFloat(index);
                return rows.wasNull() ? null : value;
            }
            case DOUBLE: {
                double value = rows.getDouble(index);
                return rows.wasNull() ? null : value;
            }
            case VARCHAR: case TEXT: case JSON: return rows.getString(index);
            case NUMERIC: return readDecimal(rows, index);
            case DATE: return readDate(rows, index);
            case TIME: return readTime(rows, index);
            case DATETIME: return readDateTime(rows, index);
            case DATETIME_TZ: return readDateTimeTz(rows, index);
            case INTERVAL: return readInterval(rows, index);
            case BINARY: return rows.getBytes(index);
            case UUID: return readUuid(rows, index);
            case ENUM: {
                String name = rows.getString(index);
                return name == null ? null : Enum.valueOf((Class) type.javaType(), name);
            }
            default: return rows.getObject(index);
        }
    }

    /** Binds an exact decimal. */
    protected void bindDecimal(PreparedStatement statement, int index, java.math.BigDecimal value)
            throws SQLException {
        statement.setBigDecimal(index, value);
    }

    /** Reads an exact decimal. */
    protected java.math.@Nullable BigDecimal readDecimal(java.sql.ResultSet rows, int index) throws SQLException {
        return rows.getBigDecimal(index);
    }

    /** Binds a date; SQLite overrides to store text. */
    protected void bindDate(PreparedStatement statement, int index, java.time.LocalDate value) throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds a time of day. */
    protected void bindTime(PreparedStatement statement, int index, java.time.LocalTime value) throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds a date and time without zone. */
    protected void bindDateTime(PreparedStatement statement, int index, java.time.LocalDateTime value)
            throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds an instant with offset. */
    protected void bindDateTimeTz(PreparedStatement statement, int index, java.time.OffsetDateTime value)
            throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds a duration (H2 takes java.time.Duration). */
    protected void bindInterval(PreparedStatement statement, int index, java.time.Duration value)
            throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds an enum constant's name. */
    protected void bindEnum(PreparedStatement statement, int index, String name) throws SQLException {
        statement.setString(index, name);
    }

    /** Binds a JSON document's text. */
    protected void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setString(index, json);
    }

    /** Reads a date. */
    protected @Nullable Object readDate(java.sql.ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.LocalDate.class);
    }

    /** Reads a time of day. */
    protected @Nullable Object readTime(java.sql.ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.LocalTime.class);
    }

    /** Reads a date and time without zone. */
    protected @Nullable Object readDateTime(java.sql.ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.LocalDateTime.class);
    }

    /** Reads an instant with offset. */
    protected @Nullable Object readDateTimeTz(java.sql.ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.OffsetDateTime.class);
    }

    /** Reads a duration. */
    protected @Nullable Object readInterval(java.sql.ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.Duration.class);
    }

    /** Reads a UUID stored as text; PostgreSQL and H2 read their native type. */
    protected @Nullable Object readUuid(java.sql.ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : UUID.fromString(text.trim());
    }

    /** Binds a UUID; the default binds its text form, PostgreSQL binds a native uuid. */
    protected void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setString(index, value.toString());
    }

    // --- Statements: clauses that differ between databases ---

    /**
     * The LIMIT/OFFSET clause with {@code {limit}} and {@code {offset}} where their parameters go, in the order the
     * database wants them; standard {@code LIMIT ? OFFSET ?} by default.
     */
    public String limitClause(boolean hasLimit, boolean hasOffset) {
        if (hasLimit && hasOffset) {
            return " LIMIT {limit} OFFSET {offset}";
        }
        return hasLimit ? " LIMIT {limit}" : " OFFSET {offset}";
    }

    /** How the database writes an upsert. */
    public enum UpsertStyle {
        /** {@code INSERT ... ON CONFLICT (k) DO NOTHING | DO UPDATE SET c = excluded.c}. */
        ON_CONFLICT,
        /** {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)}. */
        ON_DUPLICATE_KEY,
        /** {@code MERGE INTO t USING (VALUES ...) s ON ... WHEN MATCHED ... WHEN NOT MATCHED ...}. */
        MERGE
    }

    /** The upsert form this database takes. */
    public UpsertStyle upsertStyle() {
        return UpsertStyle.ON_CONFLICT;
    }

    /**
     * The row-locking clause of a SELECT.
     *
     * @throws io.retort.exception.CompileException where the database cannot lock that way
     */
    public String rowLockClause(io.retort.sql.RowLock lock) {
        StringBuilder clause = new StringBuilder(" FOR ").append(lock.strength().sql());
        for (int i = 0; i < lock.of().size(); i++) {
            clause.append(i == 0 ? " OF " : ", ").append(quote(lock.of().get(i).name()));
        }
        switch (lock.waitMode()) {
            case NOWAIT: return clause.append(" NOWAIT").toString();
            case SKIP_LOCKED: return clause.append(" SKIP LOCKED").toString();
            default: return clause.toString();
        }
    }

    /** A compile error for a row lock this database cannot take. */
    protected io.retort.exception.CompileException unsupportedLock(String what, String instead) {
        return new io.retort.exception.CompileException(what + " is not supported by " + name() + "; " + instead);
    }

    /** How an UPDATE names other tables its WHERE clause refers to. */
    public enum UpdateFromStyle {
        /** {@code UPDATE t SET ... FROM other WHERE ...} (PostgreSQL, SQLite 3.33+). */
        FROM,
        /** {@code UPDATE t, other SET t.c = ... WHERE ...} (MySQL, MariaDB). */
        MULTI_TABLE,
        /** Not supported (H2): a compile error. */
        NONE
    }

    /** The UPDATE ... FROM form this database takes. */
    public UpdateFromStyle updateFromStyle() {
        return UpdateFromStyle.FROM;
    }

    /** How a DELETE names other tables its WHERE clause refers to. */
    public enum DeleteUsingStyle {
        /** {@code DELETE FROM t USING other WHERE ...} (PostgreSQL). */
        USING,
        /** {@code DELETE FROM t USING t, other WHERE ...} (MySQL, MariaDB). */
        MULTI_TABLE,
        /** Not supported (SQLite, H2): a compile error. */
        NONE
    }

    /** The DELETE ... USING form this database takes; none by default. */
    public DeleteUsingStyle deleteUsingStyle() {
        return DeleteUsingStyle.NONE;
    }

    /** Whether an upsert's target may name a constraint, {@code ON CONFLICT ON CONSTRAINT c} (PostgreSQL only). */
    public boolean supportsOnConflictConstraint() {
        return false;
    }

    /** How JSON documents are read. */
    public enum JsonStyle {
        /** {@code doc -> 'a' ->> 'b'}, {@code @>} (PostgreSQL). */ OPERATORS,
        /** {@code doc -> '$.a'}, {@code doc ->> '$.a'} (SQLite). */ PATH_OPERATORS,
        /** {@code JSON_EXTRACT(doc, '$.a')}, {@code JSON_CONTAINS} (MySQL, MariaDB). */ FUNCTIONS,
        /** No JSON access (H2). */ NONE
    }

    /** How this database reads JSON documents; none by default. */
    public JsonStyle jsonStyle() {
        return JsonStyle.NONE;
    }

    /** Where JDBC's metadata looks for a schema's tables. */
    public enum SchemaLookup {
        /** In JDBC's schema (PostgreSQL, H2). */ SCHEMA,
        /** In JDBC's catalog: a schema is a database (MySQL, MariaDB). */ CATALOG,
        /** Only the current one (SQLite's main database). */ CURRENT
    }

    /**
     * Whether an index in another schema is written {@code CREATE INDEX schema.ix ON table} and a foreign key names
     * its table without a schema (SQLite, whose schemas are attached databases).
     */
    public boolean schemaOnIndexName() {
        return false;
    }

    /** Where this database's schemas are in JDBC's metadata. */
    public SchemaLookup schemaLookup() {
        return SchemaLookup.SCHEMA;
    }

    /**
     * The regular-expression match operator ({@code ~}, {@code REGEXP}) or function opening ({@code REGEXP_LIKE(}),
     * or null where there is none (SQLite).
     */
    public @org.jspecify.annotations.Nullable String regexpOperator(boolean negated) {
        return negated ? "NOT REGEXP_LIKE(" : "REGEXP_LIKE(";
    }

    /** Whether a recursive CTE's UNION leaves out rows found in earlier iterations (H2's does not: it loops). */
    public boolean recursiveUnionRemovesDuplicates() {
        return true;
    }

    /** Whether window frames take GROUPS and EXCLUDE (not MySQL or MariaDB). */
    public boolean supportsGroupsFrames() {
        return true;
    }

    /** Whether SELECT takes {@code DISTINCT ON (...)} (PostgreSQL only). */
    public boolean supportsDistinctOn() {
        return false;
    }

    /** What follows {@code INSERT INTO t} for a row of defaults. */
    public String defaultValuesClause() {
        return " DEFAULT VALUES";
    }

    /** Whether UPDATE and DELETE take a leading WITH clause (MariaDB does not). */
    public boolean supportsCteOnDml() {
        return true;
    }

    /** The SQL for {@code now()}: the session's local date and time, without zone. */
    public String localTimestamp() {
        return "LOCALTIMESTAMP";
    }

    /** Whether a FROM clause takes LATERAL subqueries. */
    public boolean supportsLateral() {
        return false;
    }

    /** Whether SELECT ... FOR UPDATE may have GROUP BY or DISTINCT (PostgreSQL refuses it). */
    public boolean forUpdateWithGrouping() {
        return true;
    }

    /** Whether aggregates take {@code FILTER (WHERE ...)} (MySQL and MariaDB do not: it is emulated with CASE). */
    public boolean supportsAggregateFilter() {
        return true;
    }

    /** Whether ORDER BY takes {@code NULLS FIRST}/{@code NULLS LAST} (MySQL does not: it is emulated). */
    public boolean supportsNullsOrdering() {
        return true;
    }

    /** Whether the SELECTs of a UNION may be parenthesized, to give them their own ORDER BY or LIMIT (not SQLite). */
    public boolean parenthesizedCompoundMembers() {
        return true;
    }

    /**
     * The operator that divides two integers as integers: {@code /} on most databases; MySQL's {@code /} gives a
     * decimal (2.5 for 5 / 2), which an integer-typed expression would read back truncated, so it says {@code DIV}.
     */
    public String integerDivision() {
        return "/";
    }

    /**
     * How the divisor of a division with a fractional result type is written, {@code %s} standing for it: as is
     * where the types decide. SQLite divides two integer values as integers whatever the declared types (a NUMERIC
     * column holding 2 holds the integer 2) and H2 types a bound divisor after an integer dividend as an integer, so
     * both truncate {@code 5 / 2.0} to 2 unless the divisor is made fractional, as SQLAlchemy's truediv does.
     */
    public String fractionalDivisor() {
        return "%s";
    }

    /** Whether the database has ordered-set aggregates, {@code f(...) WITHIN GROUP (ORDER BY ...)}. */
    public boolean supportsWithinGroup() {
        return false;
    }

    /** Whether a WITH clause may hold INSERT, UPDATE or DELETE ... RETURNING (PostgreSQL's data-modifying CTEs). */
    public boolean supportsDmlInCte() {
        return false;
    }

    /**
     * Whether the database has {@code FETCH FIRST n ROWS WITH TIES} (known once connected where it depends on the
     * server version).
     */
    public boolean supportsFetchWithTies() {
        return false;
    }

    /** Whether {@code ||} concatenates strings (in MySQL it means OR: {@code concat()} is used instead). */
    public boolean concatOperator() {
        return true;
    }

    /** The type name inside {@code CAST(x AS ...)}; MySQL knows only a few. */
    public String castTypeName(SqlType<?> type) {
        return typeName(type, "CAST");
    }

    /** Whether the database has {@code IS [NOT] DISTINCT FROM} (MySQL has {@code <=>} instead). */
    public boolean supportsIsDistinctFrom() {
        return true;
    }

    /** Whether the database has FULL OUTER JOIN (MySQL and MariaDB do not). */
    public boolean supportsFullJoin() {
        return true;
    }

    /**
     * Whether a JDBC batch on {@code target} reports a row count per statement (SQLAlchemy's
     * {@code supports_sane_multi_rowcount}); a driver setting can make it answer {@code SUCCESS_NO_INFO} instead.
     */
    public boolean supportsSaneMultiRowcount(JdbcTarget target) {
        return true;
    }

    /**
     * Whether the database can add RETURNING to a statement ({@code INSERT}, {@code UPDATE} or {@code DELETE}),
     * judged from the server version once connected (and assumed from the newest version before that).
     */
    public boolean supportsReturning(String statement) {
        return false;
    }

    /** The {@code XADataSource} class of each JDBC driver that has one. */
    private static final java.util.Map<String, String> XA_DATA_SOURCES = java.util.Map.of(
            "org.postgresql.Driver", "org.postgresql.xa.PGXADataSource",
            "org.h2.Driver", "org.h2.jdbcx.JdbcDataSource",
            "org.mariadb.jdbc.Driver", "org.mariadb.jdbc.MariaDbDataSource",
            "com.mysql.cj.jdbc.Driver", "com.mysql.cj.jdbc.MysqlXADataSource");

    /**
     * The {@code XADataSource} class of a JDBC driver, for connections that take part in two-phase commit.
     *
     * @throws io.retort.exception.ConfigurationException if the database or driver has none
     */
    public String xaDataSourceClassName(String driverClassName) {
        String xa = XA_DATA_SOURCES.get(driverClassName);
        if (xa == null) {
            throw new io.retort.exception.ConfigurationException(name() + " (driver " + driverClassName + ") has no"
                    + " XA data source, so its connections cannot take part in a two-phase commit; use PostgreSQL,"
                    + " MariaDB/MySQL or H2, or a transaction coordinator without XA");
        }
        return xa;
    }

    /**
     * The most bind parameters one statement may have; an insert executemany with RETURNING splits its rows into
     * multi-row statements below it. SQLite's default limit since 3.32 is 32766.
     */
    public int maxBindParameters() {
        return 32766;
    }

    /** Whether the server version is unknown yet or at least {@code major.minor}. */
    protected final boolean versionUnknownOrAtLeast(int major, int minor) {
        return serverVersion == null || serverVersionAtLeast(major, minor);
    }

    /** Whether the database has a case-insensitive {@code ILIKE} (else {@code lower(x) LIKE lower(p)}). */
    public boolean supportsIlike() {
        return false;
    }

    // --- DDL: names, types and clauses that differ between databases ---

    private final IdentifierPreparer identifiers = createIdentifierPreparer();

    /** Makes this dialect's identifier preparer; quoting with double quotes by default. */
    protected IdentifierPreparer createIdentifierPreparer() {
        return new IdentifierPreparer('"', IdentifierPreparer.COMMON_RESERVED);
    }

    /** Whether an identifier needs quoting. */
    public final boolean requiresQuotes(String identifier) {
        return identifiers.requiresQuotes(identifier);
    }

    /** Quotes an identifier if it needs quoting. */
    public final String quote(String identifier) {
        return identifiers.quote(identifier);
    }

    /** Renders a SQL string literal for DDL, where values cannot be bound (comments, enum values). */
    public String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * The DDL name of a type.
     *
     * @param type the type
     * @param column the column, for error messages
     * @throws CompileException if the database has no such type
     */
    public String typeName(SqlType<?> type, String column) {
        if (type instanceof TypeDecorator<?, ?>) {
            return typeName(((TypeDecorator<?, ?>) type).storedAs(), column);
        }
        if (type instanceof EnumType<?>) {
            return enumTypeName((EnumType<?>) type);
        }
        BasicType<?> basic = (BasicType<?>) type;
        switch (basic.kind()) {
            case INTEGER: return "INTEGER";
            case SMALLINT: return "SMALLINT";
            case BIGINT: return "BIGINT";
            case BOOLEAN: return "BOOLEAN";
            case VARCHAR: return basic.length() == null ? unboundedVarchar(column) : "VARCHAR(" + basic.length() + ")";
            case TEXT: return "TEXT";
            case NUMERIC: return basic.precision() == null ? "NUMERIC"
                    : "NUMERIC(" + basic.precision() + ", " + basic.scale() + ")";
            case FLOAT: return "REAL";
            case DOUBLE: return "DOUBLE PRECISION";
            case DATE: return "DATE";
            case TIME: return "TIME";
            case DATETIME: return "TIMESTAMP";
            case DATETIME_TZ: return "TIMESTAMP WITH TIME ZONE";
            case INTERVAL: return "INTERVAL";
            case BINARY: return "BLOB";
            case UUID: return "CHAR(36)";
            case JSON: return "TEXT";
            default: throw new CompileException("The " + name() + " dialect cannot render type " + type);
        }
    }

    /** A VARCHAR without a length; MySQL requires one. */
    protected String unboundedVarchar(String column) {
        return "VARCHAR";
    }

    /** An enum column's type: VARCHAR long enough for the values, with a CHECK added by {@link #enumCheck}. */
    protected String enumTypeName(EnumType<?> type) {
        return "VARCHAR(" + type.maxLength() + ")";
    }

    /** The CHECK condition restricting an enum column to its values, or null where the type itself does. */
    public @Nullable String enumCheck(EnumType<?> type, String quotedColumn) {
        StringBuilder check = new StringBuilder(quotedColumn).append(" IN (");
        for (int i = 0; i < type.values().size(); i++) {
            check.append(i > 0 ? ", " : "").append(literal(type.values().get(i)));
        }
        return check.append(')').toString();
    }

    /** Whether enum types are created with CREATE TYPE before the tables (PostgreSQL). */
    public boolean createsEnumTypes() {
        return false;
    }

    /**
     * The clause that makes a column generated by the database, placed after its type; standard identity by default.
     */
    public String identityClause(SqlType<?> type) {
        return " GENERATED BY DEFAULT AS IDENTITY";
    }

    /** The type rendered for an identity column (SQLite needs INTEGER for its rowid alias). */
    public String identityTypeName(SqlType<?> type, String column) {
        return typeName(type, column);
    }

    /** Whether a foreign key can be added to an existing table with ALTER TABLE (SQLite cannot). */
    public boolean supportsAlterAddForeignKey() {
        return true;
    }

    /** The ALTER TABLE action that drops a named foreign key. */
    public String dropForeignKeyAction(String quotedName) {
        return "DROP CONSTRAINT " + quotedName;
    }

    /** Whether the database has sequences. */
    public boolean supportsSequences() {
        return true;
    }

    /** The default clause taking a column's values from a sequence. */
    public String sequenceDefault(String quotedSequence) {
        return "NEXT VALUE FOR " + quotedSequence;
    }

    /** Whether column comments are written inside CREATE TABLE (MySQL) rather than with COMMENT ON. */
    public boolean inlineColumnComments() {
        return false;
    }

    /** Whether the database stores comments at all (SQLite does not). */
    public boolean supportsComments() {
        return true;
    }

    // --- Reflection ---

    /**
     * The name to show for a name stored in the catalog: databases that fold unquoted names to upper case (H2)
     * store {@code user_account} as {@code USER_ACCOUNT}; their dialect gives it back in lower case.
     */
    public String normalizeName(String stored) {
        return stored;
    }

    /** The name as the catalog stores it, the inverse of {@link #normalizeName}. */
    public String denormalizeName(String name) {
        return name;
    }

    /** The action a reflected foreign key reports, as the generic action it means. */
    public io.retort.schema.ReferentialAction reflectedAction(io.retort.schema.ReferentialAction reported) {
        return reported;
    }

    /** A query with one parameter (the stored name) counting sequences of that name, or null without sequences. */
    public @Nullable String sequenceExistsQuery() {
        return null;
    }

    /** A query with one parameter counting enum types of that name, or null where there are none. */
    public @Nullable String enumTypeExistsQuery() {
        return null;
    }

    /**
     * A query listing unique constraints of one table as rows of (constraint name, column name), in column order,
     * with one parameter, the stored table name; null where they are read from the automatic unique indexes
     * (SQLite).
     */
    public @Nullable String uniqueConstraintsQuery() {
        return "SELECT tc.constraint_name, kcu.column_name FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name"
                + " AND kcu.table_schema = tc.table_schema AND kcu.table_name = tc.table_name"
                + " WHERE tc.constraint_type = 'UNIQUE' AND tc.table_name = ? AND tc.table_schema = "
                + currentSchemaFunction() + " ORDER BY tc.constraint_name, kcu.ordinal_position";
    }

    /** The SQL function giving the current schema, for information_schema queries. */
    protected String currentSchemaFunction() {
        return "current_schema()";
    }

    /** Whether an index reported by JDBC was made by the database for a constraint, and is not the user's. */
    public boolean isImplicitIndex(String indexName, List<String> columns, Set<List<String>> foreignKeyColumns) {
        return false;
    }

    /**
     * The generic type for a column the database describes.
     *
     * @param jdbcType the {@code java.sql.Types} code
     * @param typeName the database's type name
     * @param size the column size (length or precision)
     * @param scale the decimal digits
     */
    public SqlType<?> reflectType(int jdbcType, String typeName, int size, int scale) {
        String name = typeName.toLowerCase(java.util.Locale.ROOT);
        switch (jdbcType) {
            case Types.INTEGER: return io.retort.types.Types.INTEGER;
            case Types.SMALLINT: case Types.TINYINT: return io.retort.types.Types.SMALLINT;
            case Types.BIGINT: return io.retort.types.Types.BIGINT;
            case Types.BOOLEAN: case Types.BIT: return io.retort.types.Types.BOOLEAN;
            case Types.VARCHAR: case Types.NVARCHAR: case Types.CHAR: case Types.NCHAR:
                if (name.contains("uuid")) {
                    return io.retort.types.Types.UUID;
                }
                return size > 0 && size < 1_000_000 ? io.retort.types.Types.string(size)
                        : io.retort.types.Types.STRING;
            case Types.LONGVARCHAR: case Types.LONGNVARCHAR: case Types.CLOB: case Types.NCLOB:
                return io.retort.types.Types.TEXT;
            case Types.NUMERIC: case Types.DECIMAL:
                return size > 0 && size < 1000 ? io.retort.types.Types.numeric(size, Math.max(scale, 0))
                        : io.retort.types.Types.NUMERIC;
            case Types.REAL: return io.retort.types.Types.FLOAT;
            case Types.FLOAT: case Types.DOUBLE: return io.retort.types.Types.DOUBLE;
            case Types.DATE: return io.retort.types.Types.DATE;
            case Types.TIME: return io.retort.types.Types.TIME;
            case Types.TIMESTAMP: return io.retort.types.Types.DATETIME;
            case Types.TIMESTAMP_WITH_TIMEZONE: return io.retort.types.Types.DATETIME_TZ;
            case Types.BLOB: case Types.BINARY: case Types.VARBINARY: case Types.LONGVARBINARY:
                return io.retort.types.Types.BINARY;
            default:
                return reflectTypeByName(name, size, scale);
        }
    }

    /** The generic type for a database type name JDBC gives no standard code for. */
    protected SqlType<?> reflectTypeByName(String name, int size, int scale) {
        if (name.contains("json")) {
            return io.retort.types.Types.JSON;
        }
        if (name.contains("uuid")) {
            return io.retort.types.Types.UUID;
        }
        if (name.contains("interval")) {
            return io.retort.types.Types.INTERVAL;
        }
        if (name.contains("timestamp") && name.contains("zone")) {
            return io.retort.types.Types.DATETIME_TZ;
        }
        if (name.contains("text") || name.contains("clob")) {
            return io.retort.types.Types.TEXT;
        }
        return io.retort.types.Types.STRING;
    }

    @Override
    public String toString() {
        return name() + (serverVersion == null ? "" : " " + serverVersion);
    }
}
