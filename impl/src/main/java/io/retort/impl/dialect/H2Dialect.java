package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import io.retort.exception.ConfigurationException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * H2 through its own driver. {@code h2:mem:name} is an in-memory database kept for the engine's lifetime
 * ({@code h2:mem:} alone gets a private, uniquely named one); {@code h2:file:path}, {@code h2:///relative/path} and
 * {@code h2:////absolute/path} are file databases. H2 folds unquoted names to upper case; result column labels that
 * are entirely upper case are shown in lower case.
 */
public class H2Dialect extends Dialect {
    private static final AtomicLong MEMORY_DATABASES = new AtomicLong();

    @Override
    public String name() {
        return "h2";
    }

    /** H2 runs a batch one statement at a time; 1,000-row pages take about 0.8 of its time. */
    @Override
    public boolean insertManyValuesWithoutReturning() {
        return true;
    }

    @Override
    protected JdbcTypes createJdbcTypes() {
        return new H2JdbcTypes();
    }

    @Override
    protected TypeCompiler createTypeCompiler() {
        return new H2TypeCompiler(this);
    }

    @Override
    protected ReflectionQueries createReflectionQueries() {
        return new H2ReflectionQueries(this);
    }

    @Override
    public String jdbcUrl(DatabaseUrl url) {
        String database = url.database();
        if (database == null || database.isEmpty()) {
            throw new ConfigurationException("The H2 URL '" + url + "' names no database; use h2:mem:name for an"
                    + " in-memory database, h2:file:path (or h2:///relative/path) for a file");
        }
        if (url.host() != null) {
            return "jdbc:h2:tcp://" + Drivers.hostAndPort(url, "localhost") + "/" + database;
        }
        if (database.equals("mem:")) {
            return "jdbc:h2:mem:retort-memory-" + MEMORY_DATABASES.incrementAndGet();
        }
        if (database.startsWith("mem:") || database.startsWith("file:") || database.startsWith("tcp:")
                || database.startsWith("ssl:") || database.startsWith("zip:")) {
            return "jdbc:h2:" + database;
        }
        if (database.startsWith("/") || database.startsWith("./") || database.startsWith("~")) {
            return "jdbc:h2:" + database;
        }
        // h2:///data/app is relative to the working directory, as sqlite:///data/app.db is.
        return "jdbc:h2:./" + database;
    }

    @Override
    public boolean isInMemory(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    /** H2's {@code SessionLocal.rollback} clears the session's query cache. */
    @Override
    public boolean rollbackDiscardsParsedStatements() {
        return true;
    }

    @Override
    public ErrorCategory classify(java.sql.SQLException exception) {
        String state = exception.getSQLState();
        if (state != null && state.startsWith("90")) {
            // H2's own codes: 90xxx. Those about the statement itself are programming errors.
            switch (exception.getErrorCode()) {
                case 90022: // function not found
                case 90023: // column must not be nullable
                case 90043: // unexpected code path
                case 90052: // subquery is not a single column query
                case 90059: // ambiguous column name
                case 90079: // schema not found
                case 90089: // collation cannot be changed
                    return ErrorCategory.PROGRAMMING;
                default:
                    return ErrorCategory.OPERATIONAL;
            }
        }
        return super.classify(exception);
    }

    /** H2 has no UPDATE ... FROM; a correlated subquery or MERGE does the same. */
    @Override
    public UpdateFromStyle updateFromStyle() {
        return UpdateFromStyle.NONE;
    }

    /** H2 has the standard MERGE, not ON CONFLICT. */
    @Override
    public UpsertStyle upsertStyle() {
        return UpsertStyle.MERGE;
    }

    /** H2 takes the standard OFFSET ... FETCH FIRST form. */
    @Override
    public String limitClause(boolean hasLimit, boolean hasOffset) {
        return (hasOffset ? " OFFSET {offset} ROWS" : "") + (hasLimit ? " FETCH FIRST {limit} ROWS ONLY" : "");
    }

    @Override
    public String normalizeColumnLabel(String label) {
        return label.equals(label.toUpperCase(Locale.ROOT)) ? label.toLowerCase(Locale.ROOT) : label;
    }

    @Override
    public int maxBindParameters() {
        return 100000;
    }


    /**
     * H2 returns the rows an INSERT wrote through its data change delta table,
     * {@code SELECT ... FROM FINAL TABLE (INSERT ...)}; it has no RETURNING for UPDATE or DELETE here.
     */
    @Override
    public boolean supportsReturning(String statement) {
        return statement.equals("INSERT");
    }

    @Override
    public InsertReturningStyle insertReturningStyle() {
        return InsertReturningStyle.FINAL_TABLE;
    }

    /** H2 takes WITH only before a query. */
    @Override
    public boolean supportsCteOnDml() {
        return false;
    }

    /** H2 locks with FOR UPDATE alone, on every table of the FROM clause. */
    @Override
    public String rowLockClause(io.retort.sql.RowLock lock) {
        if (lock.strength() != io.retort.sql.RowLock.Strength.UPDATE || !lock.of().isEmpty()) {
            throw unsupportedLock("FOR " + lock.strength().sql() + (lock.of().isEmpty() ? "" : " OF (a table)"),
                    "H2 has FOR UPDATE alone: use forUpdate()");
        }
        return super.rowLockClause(lock);
    }

    /** H2 2.5 runs a recursive UNION over a cycle until it fails: seen here, after minutes. */
    @Override
    public boolean recursiveUnionRemovesDuplicates() {
        return false;
    }

    /** H2 types a bound divisor after an integer dividend as an integer: {@code 5 / ?} with 2.0 gives 2. */
    @Override
    public String fractionalDivisor() {
        return "CAST(%s AS NUMERIC(38, 18))";
    }

    /** H2 has ordered-set aggregates (PERCENTILE_CONT, MODE, LISTAGG ...). */
    @Override
    public boolean supportsWithinGroup() {
        return true;
    }

    /** H2 has FETCH FIRST ... WITH TIES. */
    @Override
    public boolean supportsFetchWithTies() {
        return true;
    }

    /** {@code (VALUES (...), (...)) AS v (a, b)} names the VALUES columns. */
    @Override
    public boolean supportsValuesColumnList() {
        return true;
    }

    /** H2 has arrays, without PostgreSQL's containment operators. */
    @Override
    public ArrayStyle arrayStyle() {
        return ArrayStyle.STANDARD;
    }

    /** H2 writes an array type {@code INTEGER ARRAY}. */
    @Override
    public String arrayTypeName(String elementTypeName) {
        return elementTypeName + " ARRAY";
    }
}
