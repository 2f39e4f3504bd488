package io.retort.types;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The built-in SQL types; import them statically:
 *
 * <pre>{@code
 * import static io.retort.types.Types.*;
 *
 * metadata.table("user_account", column("id", INTEGER).primaryKey(), column("name", string(30)));
 * }</pre>
 */
public final class Types {
    private Types() {
    }

    /** 32-bit integer ({@code Integer}). */
    public static final BasicType<Integer> INTEGER = basic(TypeKind.INTEGER, Integer.class);
    /** 16-bit integer ({@code Short}). */
    public static final BasicType<Short> SMALLINT = basic(TypeKind.SMALLINT, Short.class);
    /** 64-bit integer ({@code Long}). */
    public static final BasicType<Long> BIGINT = basic(TypeKind.BIGINT, Long.class);
    /** True or false ({@code Boolean}); a 0/1 integer where the database has no boolean. */
    public static final BasicType<Boolean> BOOLEAN = basic(TypeKind.BOOLEAN, Boolean.class);
    /** Text without a length limit in the type ({@code VARCHAR} where the database allows that). */
    public static final BasicType<String> STRING = new BasicType<>(TypeKind.VARCHAR, String.class, null, null, null);
    /** Unbounded text ({@code TEXT}, {@code CLOB}). */
    public static final BasicType<String> TEXT = basic(TypeKind.TEXT, String.class);
    /** Exact decimal with the database's default precision ({@code BigDecimal}). */
    public static final BasicType<BigDecimal> NUMERIC = basic(TypeKind.NUMERIC, BigDecimal.class);
    /** Single-precision floating point ({@code Float}). */
    public static final BasicType<Float> FLOAT = basic(TypeKind.FLOAT, Float.class);
    /** Double-precision floating point ({@code Double}). */
    public static final BasicType<Double> DOUBLE = basic(TypeKind.DOUBLE, Double.class);
    /** A date ({@code LocalDate}). */
    public static final BasicType<LocalDate> DATE = basic(TypeKind.DATE, LocalDate.class);
    /** A time of day to the microsecond ({@code LocalTime}). */
    public static final BasicType<LocalTime> TIME = basic(TypeKind.TIME, LocalTime.class);
    /** A date and time to the microsecond, without zone ({@code LocalDateTime}). */
    public static final BasicType<LocalDateTime> DATETIME = basic(TypeKind.DATETIME, LocalDateTime.class);
    /**
     * An instant with an offset ({@code OffsetDateTime}): {@code TIMESTAMP WITH TIME ZONE} where the database has
     * it; MariaDB and SQLite keep the instant, normalized to UTC. Read it as {@code Instant} with
     * {@code row.get(name, Instant.class)}.
     */
    public static final BasicType<OffsetDateTime> DATETIME_TZ = basic(TypeKind.DATETIME_TZ, OffsetDateTime.class);
    /** A duration ({@code Duration}): PostgreSQL's and H2's {@code INTERVAL}. */
    public static final BasicType<Duration> INTERVAL = basic(TypeKind.INTERVAL, Duration.class);
    /** Binary data ({@code byte[]}). */
    public static final BasicType<byte[]> BINARY = basic(TypeKind.BINARY, byte[].class);
    /** A UUID ({@code UUID}). */
    public static final BasicType<java.util.UUID> UUID = basic(TypeKind.UUID, java.util.UUID.class);
    /** A JSON document, given and returned as its text ({@code String}). */
    public static final BasicType<String> JSON = basic(TypeKind.JSON, String.class);
    /** No declared type ({@link TypeKind#UNKNOWN}): values as the driver reads them, bound by their Java class. */
    public static final BasicType<Object> UNKNOWN = basic(TypeKind.UNKNOWN, Object.class);

    private static <T> BasicType<T> basic(TypeKind kind, Class<T> javaType) {
        return new BasicType<>(kind, javaType, null, null, null);
    }

    /**
     * {@code VARCHAR(length)}.
     *
     * @throws IllegalArgumentException if the length is not positive
     */
    public static BasicType<String> string(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("A string length must be at least 1, but was " + length);
        }
        return new BasicType<>(TypeKind.VARCHAR, String.class, length, null, null);
    }

    /**
     * {@code NUMERIC(precision, scale)}.
     *
     * @throws IllegalArgumentException if precision is not positive or scale is outside 0..precision
     */
    public static BasicType<BigDecimal> numeric(int precision, int scale) {
        if (precision < 1 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("numeric(" + precision + ", " + scale + ") is invalid: precision must"
                    + " be at least 1 and scale between 0 and the precision");
        }
        return new BasicType<>(TypeKind.NUMERIC, BigDecimal.class, null, precision, scale);
    }

    /**
     * An array of {@code elementType} ({@code INTEGER[]} on PostgreSQL, {@code INTEGER ARRAY} on H2), given as a
     * {@code List} or a Java array and read as an unmodifiable {@code List}. SQLite, MySQL and MariaDB have no
     * arrays: a statement or table using one is refused there (store the list as {@link #JSON} instead).
     *
     * @throws IllegalArgumentException if the element type is itself an array (use one dimension)
     */
    public static <E> ArrayType<E> array(SqlType<E> elementType) {
        return new ArrayType<>(elementType);
    }

    /** The constants of a Java enum, stored by name; the PostgreSQL type is named after the class in snake_case. */
    public static <E extends Enum<E>> EnumType<E> enumType(Class<E> enumClass) {
        return new EnumType<>(enumClass, null);
    }

    /** The constants of a Java enum, with the database type's name given. */
    public static <E extends Enum<E>> EnumType<E> enumType(Class<E> enumClass, String typeName) {
        return new EnumType<>(enumClass, typeName);
    }
}
