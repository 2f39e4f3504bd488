package io.retort.impl.dialect;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.SqlType;
import io.retort.types.TypeDecorator;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How one database's driver binds Java values to statement parameters and reads column values back, per SQL type
 * (SQLAlchemy's per-dialect type implementations). A dialect makes its own ({@link Dialect#createJdbcTypes()});
 * subclasses override only the hooks where their driver differs (SQLite stores dates as text, PostgreSQL binds JSON
 * untyped). Stateless and thread-safe.
 */
public class JdbcTypes {
    // Primitive getters return 0 or false for NULL: ask wasNull() right after them.
    private static final ColumnReader INTEGER = (rows, index) -> {
        int value = rows.getInt(index);
        return value == 0 && rows.wasNull() ? null : value;
    };
    private static final ColumnReader SMALLINT = (rows, index) -> {
        short value = rows.getShort(index);
        return value == 0 && rows.wasNull() ? null : value;
    };
    private static final ColumnReader BIGINT = (rows, index) -> {
        long value = rows.getLong(index);
        return value == 0 && rows.wasNull() ? null : value;
    };
    private static final ColumnReader BOOLEAN = (rows, index) -> {
        boolean value = rows.getBoolean(index);
        return !value && rows.wasNull() ? null : value;
    };
    private static final ColumnReader FLOAT = (rows, index) -> {
        float value = rows.getFloat(index);
        return value == 0 && rows.wasNull() ? null : value;
    };
    private static final ColumnReader DOUBLE = (rows, index) -> {
        double value = rows.getDouble(index);
        return value == 0 && rows.wasNull() ? null : value;
    };
    private static final ColumnReader STRING = ResultSet::getString;
    private static final ColumnReader BYTES = ResultSet::getBytes;
    private static final ColumnReader OBJECT = ResultSet::getObject;
    private static final ColumnReader UNTYPED = (rows, index) -> untypedValue(rows.getObject(index));

    /**
     * The reader of a column of no declared type: the value as the driver gives it, with JDBC's legacy date-time
     * classes as {@code java.time} and LOBs read at once (they are only valid while the result set is open).
     */
    public static ColumnReader untypedReader() {
        return UNTYPED;
    }

    /**
     * The reader of a column of a SQL type, giving that type's Java value (or null). A {@link TypeDecorator} reads
     * its stored type and converts the value.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ColumnReader reader(SqlType<?> type) {
        if (type instanceof TypeDecorator<?, ?>) {
            TypeDecorator decorator = (TypeDecorator) type;
            ColumnReader stored = reader(decorator.storedAs());
            return (rows, index) -> decorator.resultValue(stored.read(rows, index));
        }
        switch (type.kind()) {
            case INTEGER: return INTEGER;
            case SMALLINT: return SMALLINT;
            case BIGINT: return BIGINT;
            case BOOLEAN: return BOOLEAN;
            case FLOAT: return FLOAT;
            case DOUBLE: return DOUBLE;
            case VARCHAR: case TEXT: case JSON: return STRING;
            case NUMERIC: return this::readDecimal;
            case DATE: return this::readDate;
            case TIME: return this::readTime;
            case DATETIME: return this::readDateTime;
            case DATETIME_TZ: return this::readDateTimeTz;
            case INTERVAL: return this::readInterval;
            case BINARY: return BYTES;
            case UUID: return this::readUuid;
            case ARRAY: return JdbcArrays.reader();
            case ENUM: {
                Class enumClass = type.javaType();
                return (rows, index) -> {
                    String name = rows.getString(index);
                    return name == null ? null : Enum.valueOf(enumClass, name);
                };
            }
            default: return OBJECT;
        }
    }

    /** Reads a column as a SQL type; where many rows are read, take {@link #reader} once instead. */
    public final @Nullable Object read(ResultSet rows, int index, SqlType<?> type) throws SQLException {
        return reader(type).read(rows, index);
    }

    /**
     * The binder of a parameter of a SQL type (null: of no declared type), chosen once for many rows. Text, the
     * type most rows bind, goes straight to {@code setString}; the other types bind as {@link #bind} does.
     */
    public ParameterBinder binder(@Nullable SqlType<?> type) {
        if (type == null) {
            return this::bind;
        }
        if (!(type instanceof TypeDecorator<?, ?>)) {
            switch (type.kind()) {
                case VARCHAR: case TEXT:
                    return (statement, index, value) -> {
                        if (value instanceof String) {
                            statement.setString(index, (String) value);
                        } else {
                            bind(statement, index, value, type);
                        }
                    };
                case INTEGER:
                    return (statement, index, value) -> {
                        if (value instanceof Integer) {
                            statement.setInt(index, (Integer) value);
                        } else {
                            bind(statement, index, value, type);
                        }
                    };
                case BIGINT:
                    return (statement, index, value) -> {
                        if (value instanceof Long) {
                            statement.setLong(index, (Long) value);
                        } else {
                            bind(statement, index, value, type);
                        }
                    };
                default:
                    break;
            }
        }
        return (statement, index, value) -> bind(statement, index, value, type);
    }

    /** Binds a Java value of no declared SQL type to a statement parameter. */
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Enum<?>) {
            statement.setString(index, ((Enum<?>) value).name());
        } else if (value instanceof UUID) {
            bindUuid(statement, index, (UUID) value);
        } else if (value instanceof Character) {
            statement.setString(index, value.toString());
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * Binds a value as a SQL type: converted the way a column of that type needs. A {@link TypeDecorator} converts
     * first and binds as its stored type.
     *
     * @throws InvalidArgumentException if the value cannot be a value of that type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void bind(PreparedStatement statement, int index, @Nullable Object value, SqlType<?> type)
            throws SQLException {
        if (type instanceof TypeDecorator<?, ?>) {
            TypeDecorator decorator = (TypeDecorator) type;
            bind(statement, index, decorator.bindValue(value), decorator.storedAs());
            return;
        }
        if (value == null) {
            // The column's JDBC type, not Types.NULL: PostgreSQL would otherwise see a parameter of another type
            // than the same parameter's non-null values in the batch, and send the batch one statement at a time.
            statement.setNull(index, nullType(type));
            return;
        }
        try {
            bindNonNull(statement, index, value, type);
        } catch (ClassCastException | ArithmeticException e) {
            throw new InvalidArgumentException("Cannot bind " + value.getClass().getName()
                    + " '" + value + "' as " + type + ": pass a " + type.javaType().getSimpleName()
                    + (e instanceof ArithmeticException ? " within the type's range" : ""), e);
        }
    }

    /** The JDBC type a NULL of a SQL type is bound as. */
    protected int nullType(SqlType<?> type) {
        switch (type.kind()) {
            case INTEGER: return Types.INTEGER;
            case SMALLINT: return Types.SMALLINT;
            case BIGINT: return Types.BIGINT;
            case BOOLEAN: return Types.BOOLEAN;
            case VARCHAR: case TEXT: return Types.VARCHAR;
            case NUMERIC: return Types.NUMERIC;
            case FLOAT: return Types.REAL;
            case DOUBLE: return Types.DOUBLE;
            case DATE: return Types.DATE;
            case TIME: return Types.TIME;
            case DATETIME: return Types.TIMESTAMP;
            case BINARY: return Types.VARBINARY;
            case ARRAY: return Types.ARRAY;
            default: return Types.NULL;
        }
    }

    private void bindNonNull(PreparedStatement statement, int index, Object value, SqlType<?> type)
            throws SQLException {
        switch (type.kind()) {
            case INTEGER: statement.setInt(index, Math.toIntExact(TypedValues.integral(value))); break;
            case SMALLINT: statement.setShort(index, TypedValues.shortExact(TypedValues.integral(value))); break;
            case BIGINT: statement.setLong(index, TypedValues.integral(value)); break;
            case BOOLEAN: statement.setBoolean(index, (Boolean) value); break;
            case VARCHAR: case TEXT: statement.setString(index, value.toString()); break;
            case NUMERIC: bindDecimal(statement, index, TypedValues.decimal(value)); break;
            case FLOAT: statement.setFloat(index, TypedValues.number(value).floatValue()); break;
            case DOUBLE: statement.setDouble(index, TypedValues.number(value).doubleValue()); break;
            case DATE: bindDate(statement, index, (java.time.LocalDate) value); break;
            case TIME: bindTime(statement, index, (java.time.LocalTime) value); break;
            case DATETIME: bindDateTime(statement, index, (java.time.LocalDateTime) value); break;
            case DATETIME_TZ: bindDateTimeTz(statement, index, TypedValues.offsetDateTime(value)); break;
            case INTERVAL: bindInterval(statement, index, (java.time.Duration) value); break;
            case BINARY: statement.setBytes(index, (byte[]) value); break;
            case UUID: bindUuid(statement, index, value instanceof UUID ? (UUID) value
                    : UUID.fromString(value.toString())); break;
            case ENUM: bindEnum(statement, index, value instanceof Enum<?> ? ((Enum<?>) value).name()
                    : value.toString()); break;
            case JSON: bindJson(statement, index, value.toString()); break;
            case ARRAY: JdbcArrays.bind(statement, index, value, (io.retort.types.ArrayType<?>) type,
                    JdbcArrays.elementTypeName(((io.retort.types.ArrayType<?>) type).elementType())); break;
            default: bind(statement, index, value);
        }
    }

    /** Binds an exact decimal. */
    protected void bindDecimal(PreparedStatement statement, int index, java.math.BigDecimal value)
            throws SQLException {
        statement.setBigDecimal(index, value);
    }

    /** Reads an exact decimal. */
    protected java.math.@Nullable BigDecimal readDecimal(ResultSet rows, int index) throws SQLException {
        return rows.getBigDecimal(index);
    }

    /** Binds a date; SQLite overrides to store text. */
    protected void bindDate(PreparedStatement statement, int index, java.time.LocalDate value) throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds a time of day. */
    protected void bindTime(PreparedStatement statement, int index, java.time.LocalTime value) throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds a date and time without zone. */
    protected void bindDateTime(PreparedStatement statement, int index, java.time.LocalDateTime value)
            throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds an instant with offset. */
    protected void bindDateTimeTz(PreparedStatement statement, int index, java.time.OffsetDateTime value)
            throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds a duration (H2 takes java.time.Duration). */
    protected void bindInterval(PreparedStatement statement, int index, java.time.Duration value)
            throws SQLException {
        statement.setObject(index, value);
    }

    /** Binds an enum constant's name. */
    protected void bindEnum(PreparedStatement statement, int index, String name) throws SQLException {
        statement.setString(index, name);
    }

    /** Binds a JSON document's text. */
    protected void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setString(index, json);
    }

    /** Binds a UUID; the default binds its text form, PostgreSQL and H2 bind their native uuid. */
    protected void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setString(index, value.toString());
    }

    /** Reads a date. */
    protected @Nullable Object readDate(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.LocalDate.class);
    }

    /** Reads a time of day. */
    protected @Nullable Object readTime(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.LocalTime.class);
    }

    /** Reads a date and time without zone. */
    protected @Nullable Object readDateTime(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.LocalDateTime.class);
    }

    /** Reads an instant with offset. */
    protected @Nullable Object readDateTimeTz(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.OffsetDateTime.class);
    }

    /** Reads a duration. */
    protected @Nullable Object readInterval(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, java.time.Duration.class);
    }

    /** Reads a UUID stored as text; PostgreSQL and H2 read their native type. */
    protected @Nullable Object readUuid(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : UUID.fromString(text.trim());
    }

    /** An element of an array as an untyped column's value. */
    static @Nullable Object untypedReaderValue(@Nullable Object value) throws SQLException {
        return untypedValue(value);
    }

    private static @Nullable Object untypedValue(@Nullable Object value) throws SQLException {
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toLocalDateTime();
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate();
        }
        if (value instanceof java.sql.Time) {
            return ((java.sql.Time) value).toLocalTime();
        }
        if (value instanceof Clob) {
            Clob clob = (Clob) value;
            try {
                return clob.getSubString(1, (int) clob.length());
            } finally {
                clob.free();
            }
        }
        if (value instanceof Blob) {
            Blob blob = (Blob) value;
            try {
                return blob.getBytes(1, (int) blob.length());
            } finally {
                blob.free();
            }
        }
        return value;
    }
}
