package io.retort.impl.dialect;

import io.retort.exception.CompileException;
import io.retort.types.BasicType;
import io.retort.types.EnumType;
import io.retort.types.SqlType;
import org.jspecify.annotations.Nullable;

/** MySQL's and MariaDB's type names: native ENUM, AUTO_INCREMENT, the few types CAST takes. */
class MySqlTypeCompiler extends TypeCompiler {

    MySqlTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String typeName(SqlType<?> type, String column) {
        if (!(type instanceof BasicType<?>)) {
            return super.typeName(type, column);
        }
        BasicType<?> basic = (BasicType<?>) type;
        switch (type.kind()) {
            case BOOLEAN: return "BOOL";
            case NUMERIC: return basic.precision() == null ? "DECIMAL(65, 30)"
                    : "DECIMAL(" + basic.precision() + ", " + basic.scale() + ")";
            case FLOAT: return "FLOAT";
            case DOUBLE: return "DOUBLE";
            case TIME: return "TIME(6)";
            case DATETIME: case DATETIME_TZ: return "DATETIME(6)";
            case INTERVAL: throw new CompileException(dialect.name() + " has no INTERVAL type (column "
                    + column + "); store a duration as a number of seconds (BIGINT) or use PostgreSQL or H2");
            case BINARY: return "LONGBLOB";
            case TEXT: return "LONGTEXT";
            case JSON: return "JSON";
            default: return super.typeName(type, column);
        }
    }

    /** MySQL's CAST takes SIGNED, CHAR, DECIMAL, DOUBLE, DATE, TIME, DATETIME, BINARY and JSON. */
    @Override
    public String castTypeName(SqlType<?> type) {
        switch (type.kind()) {
            case INTEGER: case SMALLINT: case BIGINT: case BOOLEAN: return "SIGNED";
            case VARCHAR:
                // CHAR(n) keeps the length of string(n): CAST(x AS CHAR) would not truncate to it.
                return type instanceof BasicType && ((BasicType<?>) type).length() != null
                        ? "CHAR(" + ((BasicType<?>) type).length() + ")" : "CHAR";
            case TEXT: case UUID: case ENUM: return "CHAR";
            case FLOAT: case DOUBLE: return "DOUBLE";
            case DATETIME: case DATETIME_TZ: return "DATETIME(6)";
            case TIME: return "TIME(6)";
            case BINARY: return "BINARY";
            default: return typeName(type, "CAST");
        }
    }

    @Override
    protected String unboundedVarchar(String column) {
        throw new CompileException(dialect.name() + " needs a length for VARCHAR column " + column
                + "; use string(n) (e.g. string(255)) or TEXT");
    }

    @Override
    protected String enumTypeName(EnumType<?> type) {
        StringBuilder text = new StringBuilder("ENUM(");
        for (int i = 0; i < type.values().size(); i++) {
            text.append(i > 0 ? ", " : "").append(dialect.literal(type.values().get(i)));
        }
        return text.append(')').toString();
    }

    @Override
    public @Nullable String enumCheck(EnumType<?> type, String quotedColumn) {
        return null;
    }

    @Override
    public String identityClause(SqlType<?> type) {
        return " AUTO_INCREMENT";
    }

    @Override
    public String dropForeignKeyAction(String quotedName) {
        return "DROP FOREIGN KEY " + quotedName;
    }
}
