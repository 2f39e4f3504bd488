package io.retort.impl.dialect;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.ArrayType;
import io.retort.types.SqlType;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Arrays ({@link ArrayType}) through JDBC: bound with {@code Connection.createArrayOf} from a {@code List} or a Java
 * array, read with {@code getArray} as an unmodifiable {@code List} (nulls kept), its elements as an untyped column's
 * (JDBC's legacy date-time classes as {@code java.time}).
 */
final class JdbcArrays {
    private JdbcArrays() {
    }

    /** Reads an array column as a list, or null. */
    static ColumnReader reader() {
        return (rows, index) -> {
            Array array = rows.getArray(index);
            if (array == null) {
                return null;
            }
            try {
                Object[] elements = (Object[]) array.getArray();
                List<@Nullable Object> values = new ArrayList<>(elements.length);
                for (Object element : elements) {
                    values.add(JdbcTypes.untypedReaderValue(element));
                }
                return Collections.unmodifiableList(values);
            } finally {
                array.free();
            }
        };
    }

    /**
     * Binds a list or a Java array as an array of the type's elements.
     *
     * @throws InvalidArgumentException if the value is neither a list nor an array
     */
    static void bind(PreparedStatement statement, int index, Object value, ArrayType<?> type, String elementTypeName)
            throws SQLException {
        Object[] elements;
        if (value instanceof List<?>) {
            elements = ((List<?>) value).toArray();
        } else if (value.getClass().isArray()) {
            elements = new Object[java.lang.reflect.Array.getLength(value)];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = java.lang.reflect.Array.get(value, i);
            }
        } else {
            throw new InvalidArgumentException("Cannot bind " + value.getClass().getName() + " '" + value + "' as "
                    + type + ": pass a List or a Java array");
        }
        statement.setArray(index, statement.getConnection().createArrayOf(elementTypeName, elements));
    }

    /** The name {@code createArrayOf} is given for an element type (PostgreSQL's names; H2 ignores it). */
    static String elementTypeName(SqlType<?> element) {
        switch (element.kind()) {
            case INTEGER: return "int4";
            case SMALLINT: return "int2";
            case BIGINT: return "int8";
            case BOOLEAN: return "bool";
            case TEXT: return "text";
            case NUMERIC: return "numeric";
            case FLOAT: return "float4";
            case DOUBLE: return "float8";
            case DATE: return "date";
            case TIME: return "time";
            case DATETIME: return "timestamp";
            case DATETIME_TZ: return "timestamptz";
            case UUID: return "uuid";
            case BINARY: return "bytea";
            case JSON: return "jsonb";
            default: return "varchar";
        }
    }
}
