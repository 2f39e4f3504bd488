package io.retort.impl.dialect;

import io.retort.types.BasicType;
import io.retort.types.SqlType;

/**
 * H2's type names: CLOB for unbounded text, a native UUID, day-to-second intervals, and DECFLOAT for a NUMERIC without
 * precision (H2 2.x gives a bare NUMERIC scale 0, which rounds 12.345 to 12; DECFLOAT keeps the value exactly, as a
 * bare NUMERIC does on PostgreSQL).
 */
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
            case NUMERIC: return type instanceof BasicType<?> basic && basic.precision() == null ? "DECFLOAT"
                    : super.typeName(type, column);
            default: return super.typeName(type, column);
        }
    }
}
