package io.retort.impl.dialect;

import io.retort.exception.CompileException;
import io.retort.types.BasicType;
import io.retort.types.SqlType;

/** SQLite's type names: any name is accepted and gives the column an affinity; the rowid alias needs INTEGER. */
class SqliteTypeCompiler extends TypeCompiler {

    SqliteTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String typeName(SqlType<?> type, String column) {
        switch (type.kind()) {
            case DATETIME: case DATETIME_TZ: return type instanceof BasicType<?> ? "DATETIME"
                    : super.typeName(type, column);
            case FLOAT: return "FLOAT";
            case DOUBLE: return "DOUBLE";
            case INTERVAL: throw new CompileException("SQLite has no INTERVAL type (column "
                    + column + "); store a duration as a number of seconds (BIGINT) or use PostgreSQL or H2");
            default: return super.typeName(type, column);
        }
    }

    /** SQLite's rowid alias needs the declared type INTEGER and needs no identity clause. */
    @Override
    public String identityClause(SqlType<?> type) {
        return "";
    }

    @Override
    public String identityTypeName(SqlType<?> type, String column) {
        return "INTEGER";
    }
}
