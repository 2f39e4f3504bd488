package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** PostgreSQL through pgjdbc. */
public class PostgresqlDialect extends Dialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String jdbcUrl(DatabaseUrl url) {
        return "jdbc:postgresql://" + Drivers.hostAndPort(url, "localhost") + "/"
                + (url.database() == null ? "" : url.database());
    }

    @Override
    public String typeName(io.retort.types.SqlType<?> type, String column) {
        if (!(type instanceof io.retort.types.BasicType<?>)) {
            return super.typeName(type, column);
        }
        switch (type.kind()) {
            case BINARY: return "BYTEA";
            case UUID: return "UUID";
            case JSON: return "JSONB";
            default: return super.typeName(type, column);
        }
    }

    @Override
    protected String enumTypeName(io.retort.types.EnumType<?> type) {
        return quote(type.name());
    }

    @Override
    public @org.jspecify.annotations.Nullable String enumCheck(io.retort.types.EnumType<?> type, String quotedColumn) {
        return null;
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
    public String sequenceDefault(String quotedSequence) {
        return "nextval('" + quotedSequence.replace("'", "''") + "')";
    }

    @Override
    public String sequenceExistsQuery() {
        return "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = 'S' AND n.nspname = current_schema() AND c.relname = ?";
    }

    @Override
    public String enumTypeExistsQuery() {
        return "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE t.typtype = 'e' AND n.nspname = current_schema() AND t.typname = ?";
    }

    @Override
    protected io.retort.types.SqlType<?> reflectTypeByName(String name, int size, int scale) {
        return name.equals("bool") ? io.retort.types.Types.BOOLEAN : super.reflectTypeByName(name, size, scale);
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

    /** PostgreSQL reads ISO-8601 durations ({@code PT1H30M}) as interval input. */
    @Override
    protected void bindInterval(PreparedStatement statement, int index, java.time.Duration value)
            throws SQLException {
        statement.setObject(index, value.toString(), java.sql.Types.OTHER);
    }

    /** Untyped, so that PostgreSQL casts the text to the column's enum type. */
    @Override
    protected void bindEnum(PreparedStatement statement, int index, String name) throws SQLException {
        statement.setObject(index, name, java.sql.Types.OTHER);
    }

    /** Untyped, so that PostgreSQL casts the text to json or jsonb. */
    @Override
    protected void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setObject(index, json, java.sql.Types.OTHER);
    }

    @Override
    protected @org.jspecify.annotations.Nullable Object readUuid(java.sql.ResultSet rows, int index)
            throws SQLException {
        return rows.getObject(index, UUID.class);
    }

    /** Parses PostgreSQL's default interval output, {@code [-]N days [-]HH:MM:SS[.ffffff]}; months have no Duration. */
    @Override
    protected @org.jspecify.annotations.Nullable Object readInterval(java.sql.ResultSet rows, int index)
            throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : PostgresqlIntervals.parse(text);
    }

    @Override
    protected void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value);
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
}
