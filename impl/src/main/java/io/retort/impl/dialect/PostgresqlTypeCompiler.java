package io.retort.impl.dialect;

import io.retort.types.BasicType;
import io.retort.types.EnumType;
import io.retort.types.SqlType;
import org.jspecify.annotations.Nullable;

/** PostgreSQL's type names: BYTEA, UUID, JSONB, enum types created with CREATE TYPE, sequences by nextval. */
class PostgresqlTypeCompiler extends TypeCompiler {

    PostgresqlTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String typeName(SqlType<?> type, String column) {
        if (!(type instanceof BasicType<?>)) {
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
    protected String enumTypeName(EnumType<?> type) {
        return dialect.quote(type.name());
    }

    @Override
    public @Nullable String enumCheck(EnumType<?> type, String quotedColumn) {
        return null;
    }

    @Override
    public String sequenceDefault(String quotedSequence) {
        return "nextval('" + quotedSequence.replace("'", "''") + "')";
    }
}
