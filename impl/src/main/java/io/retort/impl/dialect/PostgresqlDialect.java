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
    public boolean dollarQuotedStrings() {
        return true;
    }

    @Override
    protected void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value);
    }
}
