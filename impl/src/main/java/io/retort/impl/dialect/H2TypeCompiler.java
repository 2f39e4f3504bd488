package io.retort.impl.dialect;

import io.retort.types.BasicType;
import io.retort.types.SqlType;

/** H2's type names: CLOB for unbounded text, a native UUID, day-to-second intervals. */
class H2TypeCompiler extends TypeCompiler {

    H2TypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String typeName(SqlType<?> type, String column) {
        switch (type.kind()) {
            case TEXT: case JSON: return type instanceof BasicType<?> ? "CLOB" : super.typeName(type, column);
            case INTERVAL: return "INTERVAL DAY(18) TO SECOND(6)";
            case TIME: return "TIME(6)";
            case UUID: return "UUID";
            default: return super.typeName(type, column);
        }
    }
}
