package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.IsolationLevel;
import io.retort.exception.ConfigurationException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import io.retort.exception.CompileException;
import io.retort.types.SqlType;
import org.jspecify.annotations.Nullable;

/**
 * What Retort needs to know about one kind of database: its capability flags (read by the compiler and the ORM,
 * which never ask a dialect's name) and the clauses that differ between databases. Each engine has its own instance,
 * because the flags are read from the server at first connect ({@link #initialize}). Subclasses override only what
 * differs. The other jobs are parts a dialect makes for itself, as SQLAlchemy's dialects have: quoting
 * ({@link IdentifierPreparer}), binding and reading values per type ({@link JdbcTypes}), type names and the column
 * clauses of DDL ({@link TypeCompiler}) and reading the catalog ({@link ReflectionQueries}).
 *
 * <p>Thread-safe after {@link #initialize} has run (the engine runs it once, before handing out connections).
 */
public abstract class Dialect {
    private volatile @Nullable String serverVersion;
    private volatile int serverMajorVersion;
    private volatile int serverMinorVersion;
    /** The JDBC isolation level a new connection has, read at first connect; -1 before. */
    private volatile int defaultIsolation = -1;

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
        try {
            defaultIsolation = connection.getTransactionIsolation();
        } catch (SQLException unknown) {
            defaultIsolation = -1; // a driver that cannot tell: no read runs outside a transaction
        }
    }

    /** The JDBC isolation level of a new connection, read at {@link #initialize}; -1 when unknown. */
    public int defaultIsolation() {
        return defaultIsolation;
    }

    /**
     * Whether the driver switches auto-commit on and off without a round trip to the server (it only remembers the
     * mode and acts on it at the next statement). Where it does, a connection can run reads in auto-commit before its
     * transaction begins for less than the ROLLBACK it saves ({@code Connection.deferBeginUntilWrite()}). False by
     * default: MariaDB's driver sends {@code SET autocommit} each time.
     */
    public boolean switchesAutoCommitLocally() {
        return false;
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
     * Whether an executemany of a plain {@code insert(table)} without RETURNING goes as multi-row
     * {@code INSERT ... VALUES (...), (...)} pages rather than a JDBC batch of one-row statements (SQLAlchemy's
     * {@code use_insertmanyvalues_wo_returning}): true where the driver runs a batch one row at a time and the pages
     * are measured faster. False by default (MySQL and MariaDB, whose drivers send a batch in bulk themselves).
     */
    public boolean insertManyValuesWithoutReturning() {
        return false;
    }

    /**
     * Whether the JDBC driver keeps parsed statements itself (pgjdbc's server-prepared statements, H2's per-session
     * query cache, the MySQL and MariaDB drivers' caches), so that Retort keeps no prepared statements open for it
     * ({@code statementCacheSize}). True by default.
     */
    public boolean driverCachesStatements() {
        return true;
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

    /**
     * A subquery returning no row, for an expanding IN parameter given an empty collection. With the parameter's
     * declared type the NULL is cast to it, so that PostgreSQL compares it with the column's type.
     */
    public String emptySetSubquery(@Nullable SqlType<?> elementType) {
        return elementType == null ? "SELECT NULL WHERE 1 = 0"
                : "SELECT CAST(NULL AS " + typeCompiler.typeName(elementType, "IN list") + ") WHERE 1 = 0";
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

    /**
     * Whether a VALUES table in FROM takes a column list, {@code (VALUES ...) AS v (a, b)}; without it a VALUES table
     * is rendered as SELECT ... UNION ALL SELECT ....
     */
    public boolean supportsValuesColumnList() {
        return false;
    }

    /** What a database has of arrays ({@code Types.array}). */
    public enum ArrayStyle {
        /** Arrays, {@code ARRAY[...]}, {@code x[i]}, {@code x[i:j]}, {@code = ANY (x)}, {@code @> <@ &&} (PostgreSQL). */
        POSTGRESQL,
        /** Arrays, {@code ARRAY[...]}, {@code x[i]}, {@code ARRAY_SLICE}, {@code = ANY (x)}; no containment (H2). */
        STANDARD,
        /** No arrays (SQLite, MySQL, MariaDB). */
        NONE
    }

    /** What this database has of arrays; none by default. */
    public ArrayStyle arrayStyle() {
        return ArrayStyle.NONE;
    }

    /** The DDL name of an array of a type, from the element's name: {@code INTEGER[]}. */
    public String arrayTypeName(String elementTypeName) {
        return elementTypeName + "[]";
    }

    /** Whether a function may stand in FROM as a table (MySQL and MariaDB have only JSON_TABLE, of another shape). */
    public boolean supportsTableValuedFunctions() {
        return true;
    }

    /**
     * Whether the alias of a function returning single values in FROM names its one column, as in
     * {@code SELECT x FROM unnest(?) AS x} (PostgreSQL); elsewhere the column is named by a list, {@code AS x(x)}.
     */
    public boolean functionAliasNamesItsColumn() {
        return false;
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

    /** How an INSERT with RETURNING is written here (meaningful where {@code supportsReturning("INSERT")}). */
    public InsertReturningStyle insertReturningStyle() {
        return InsertReturningStyle.RETURNING_CLAUSE;
    }

    /**
     * Whether an insert executemany of at least a page, whose RETURNING names only columns of its table and whose sets
     * do not give the table's autoincrement key, may go as pages without RETURNING, its rows then read back by rowid
     * (SQLite, where RETURNING costs about as much again as the insert; {@code RowidKeys} checks every such read).
     */
    public boolean readsInsertedRowsByRowid() {
        return false;
    }

    /** The most bind parameters a statement may have (SQLite's limit since 3.32); executemany pages stay below it. */
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

    // --- The dialect's parts: quoting, JDBC types, type names and DDL, reflection ---

    private final IdentifierPreparer identifiers = createIdentifierPreparer();
    private final JdbcTypes jdbcTypes = createJdbcTypes();
    private final TypeCompiler typeCompiler = createTypeCompiler();
    private final ReflectionQueries reflection = createReflectionQueries();

    /** Makes this dialect's identifier preparer; quoting with double quotes by default. */
    protected IdentifierPreparer createIdentifierPreparer() {
        return new IdentifierPreparer('"', IdentifierPreparer.COMMON_RESERVED);
    }

    /**
     * Makes this dialect's binding and reading of values per type. Called from the constructor: the result may keep
     * no state of the dialect's subclass.
     */
    protected JdbcTypes createJdbcTypes() {
        return new JdbcTypes();
    }

    /** Makes this dialect's type compiler (called from the constructor: it may keep {@code this}, not use it). */
    protected TypeCompiler createTypeCompiler() {
        return new TypeCompiler(this);
    }

    /** Makes this dialect's reflection queries (called from the constructor: it may keep {@code this}, not use it). */
    protected ReflectionQueries createReflectionQueries() {
        return new ReflectionQueries(this);
    }

    /** How values are bound to parameters and read from columns, per type. */
    public final JdbcTypes jdbcTypes() {
        return jdbcTypes;
    }

    /** The names of types and the column clauses of DDL. */
    public final TypeCompiler typeCompiler() {
        return typeCompiler;
    }

    /** How the inspector reads the catalog. */
    public final ReflectionQueries reflection() {
        return reflection;
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

    /** Whether enum types are created with CREATE TYPE before the tables (PostgreSQL). */
    public boolean createsEnumTypes() {
        return false;
    }

    /** Whether a foreign key can be added to an existing table with ALTER TABLE (SQLite cannot). */
    public boolean supportsAlterAddForeignKey() {
        return true;
    }

    /** Whether the database has sequences. */
    public boolean supportsSequences() {
        return true;
    }

    /** Whether column comments are written inside CREATE TABLE (MySQL) rather than with COMMENT ON. */
    public boolean inlineColumnComments() {
        return false;
    }

    /** Whether the database stores comments at all (SQLite does not). */
    public boolean supportsComments() {
        return true;
    }

    @Override
    public String toString() {
        return name() + (serverVersion == null ? "" : " " + serverVersion);
    }
}
