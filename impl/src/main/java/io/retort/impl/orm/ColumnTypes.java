package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The column type of a mapped field, chosen from its Java type and {@link Column} options. */
final class ColumnTypes {
    /** The default length of a {@code String} column without {@code @Column(length = ...)}. */
    static final int DEFAULT_STRING_LENGTH = 255;

    private static final Map<Class<?>, SqlType<?>> FIXED = Map.ofEntries(
            Map.entry(Integer.class, Types.INTEGER),
            Map.entry(Long.class, Types.BIGINT),
            Map.entry(Short.class, Types.SMALLINT),
            Map.entry(Boolean.class, Types.BOOLEAN),
            Map.entry(Double.class, Types.DOUBLE),
            Map.entry(Float.class, Types.FLOAT),
            Map.entry(LocalDate.class, Types.DATE),
            Map.entry(LocalTime.class, Types.TIME),
            Map.entry(LocalDateTime.class, Types.DATETIME),
            Map.entry(OffsetDateTime.class, Types.DATETIME_TZ),
            Map.entry(Duration.class, Types.INTERVAL),
            Map.entry(byte[].class, Types.BINARY),
            Map.entry(UUID.class, Types.UUID));

    /** The supported field types, for error messages. */
    static final String SUPPORTED = "Integer/int, Long/long, Short/short, Boolean/boolean, Double/double, Float/float,"
            + " String, BigDecimal, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Duration, byte[], UUID and"
            + " enums";

    private ColumnTypes() {
    }

    /** The boxed form of a primitive type, or the type itself. */
    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return type == char.class ? Character.class : Void.class;
    }

    /** The SQL type for a field of {@code type}, or {@code null} when the type has none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static @Nullable SqlType<?> of(Class<?> type, @Nullable Column options) {
        Class<?> boxed = boxed(type);
        if (boxed == String.class) {
            if (options != null && options.json()) {
                return Types.JSON;
            }
            if (options != null && options.text()) {
                return Types.TEXT;
            }
            return Types.string(options != null && options.length() > 0 ? options.length() : DEFAULT_STRING_LENGTH);
        }
        if (boxed == BigDecimal.class) {
            return options != null && options.precision() > 0 ? Types.numeric(options.precision(), options.scale())
                    : Types.NUMERIC;
        }
        if (boxed.isEnum()) {
            return Types.enumType((Class) boxed);
        }
        return FIXED.get(boxed);
    }
}
