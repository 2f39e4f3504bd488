package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** PostgreSQL through pgjdbc. */
public class PostgresqlDialect extends Dialect {

    /** pgjdbc keeps the mode on the client and sends BEGIN with the next statement when it is off. */
    @Override
    public boolean switchesAutoCommitLocally() {
        return true;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    /** pgjdbc sends a batch as one statement per row; 1,000-row pages take about 0.6 of its time. */
    @Override
    public boolean insertManyValuesWithoutReturning() {
        return true;
    }

    @Override
    protected JdbcTypes createJdbcTypes() {
        return new PostgresqlJdbcTypes();
    }

    @Override
    protected TypeCompiler createTypeCompiler() {
        return new PostgresqlTypeCompiler(this);
    }

    @Override
    protected ReflectionQueries createReflectionQueries() {
        return new PostgresqlReflectionQueries(this);
    }

    @Override
    public String jdbcUrl(DatabaseUrl url) {
        return "jdbc:postgresql://" + Drivers.hostAndPort(url, "localhost") + "/"
                + (url.database() == null ? "" : url.database());
    }

    @Override
    public boolean createsEnumTypes() {
        return true;
    }

    /** PostgreSQL's E'...' strings treat a backslash as an escape. */
    @Override
    public boolean escapeStringConstants() {
        return true;
    }

    @Override
    public boolean supportsReturning(String statement) {
        return true;
    }

    @Override
    public boolean supportsLateral() {
        return true;
    }

    /** PostgreSQL cannot lock rows of a grouped or distinct result. */
    @Override
    public boolean forUpdateWithGrouping() {
        return false;
    }

    @Override
    public boolean supportsIlike() {
        return true;
    }

    @Override
    public boolean dollarQuotedStrings() {
        return true;
    }

    @Override
    public int maxBindParameters() {
        return 65535;
    }


    @Override
    public DeleteUsingStyle deleteUsingStyle() {
        return DeleteUsingStyle.USING;
    }

    /**
     * PostgreSQL's reserved words, as the server lists them ({@code SELECT word FROM pg_get_keywords() WHERE catcode
     * IN ('R', 'T')}, PostgreSQL 15: reserved, and those that cannot name a function or type), with the common list.
     */
    static final java.util.Set<String> RESERVED;

    static {
        java.util.Set<String> words = new java.util.HashSet<>(IdentifierPreparer.COMMON_RESERVED);
        words.addAll(java.util.List.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
                "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
                "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
                "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default",
                "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign",
                "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
                "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit",
                "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or",
                "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
                "session_user", "similar", "some", "symmetric", "table", "tablesample", "then", "to", "trailing",
                "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window",
                "with"));
        RESERVED = java.util.Set.copyOf(words);
    }

    @Override
    protected IdentifierPreparer createIdentifierPreparer() {
        return new IdentifierPreparer('"', RESERVED);
    }

    @Override
    public boolean supportsOnConflictConstraint() {
        return true;
    }

    @Override
    public boolean supportsDistinctOn() {
        return true;
    }

    @Override
    public JsonStyle jsonStyle() {
        return JsonStyle.OPERATORS;
    }

    @Override
    public @org.jspecify.annotations.Nullable String regexpOperator(boolean negated) {
        return negated ? "!~" : "~";
    }

    /** PostgreSQL has ordered-set aggregates (percentile_cont, mode, ...). */
    @Override
    public boolean supportsWithinGroup() {
        return true;
    }

    /** PostgreSQL's data-modifying statements in WITH. */
    @Override
    public boolean supportsDmlInCte() {
        return true;
    }

    /** PostgreSQL 13 and later. */
    @Override
    public boolean supportsFetchWithTies() {
        return versionUnknownOrAtLeast(13, 0);
    }

    /** {@code (VALUES (...), (...)) AS v (a, b)} names the VALUES columns. */
    @Override
    public boolean supportsValuesColumnList() {
        return true;
    }

    /** PostgreSQL has arrays and their operators. */
    @Override
    public ArrayStyle arrayStyle() {
        return ArrayStyle.POSTGRESQL;
    }

    /** {@code SELECT x FROM unnest(?) AS x}: the alias of a scalar function names its column. */
    @Override
    public boolean functionAliasNamesItsColumn() {
        return true;
    }
}
