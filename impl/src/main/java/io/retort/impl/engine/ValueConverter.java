package io.retort.impl.engine;

import io.retort.exception.InvalidArgumentException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Converts values read from JDBC to the Java type a caller asks for: numbers between numeric types when the value
 * fits exactly, booleans stored as numbers or text, JDBC date-time classes and ISO-8601 text to {@code java.time},
 * text to UUIDs and enums, LOBs to strings and byte arrays.
 */
final class ValueConverter {
    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class,
            boolean.class, Boolean.class, char.class, Character.class);

    private ValueConverter() {
    }

    @SuppressWarnings("unchecked")
    static <T> @Nullable T convert(@Nullable Object value, Class<T> requested, String column) {
        Class<?> type = requested.isPrimitive() ? WRAPPERS.get(requested) : requested;
        if (type == null) {
            throw new InvalidArgumentException("Column '" + column + "' cannot be read as " + requested.getName()
                    + "; ask for a class such as Object, String or Long");
        }
        if (value == null) {
            if (requested.isPrimitive()) {
                throw new InvalidArgumentException("Column '" + column + "' is NULL, which cannot be read as the "
                        + "primitive " + requested.getName() + "; ask for " + type.getSimpleName() + " instead");
            }
            return null;
        }
        if (type.isInstance(value)) {
            return (T) type.cast(value);
        }
        Object converted;
        try {
            converted = convertOrNull(value, type);
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw cannotConvert(value, type, column, e.getMessage());
        } catch (SQLException | IOException e) {
            throw new InvalidArgumentException("Could not read column '" + column + "': " + e.getMessage(), e);
        }
        if (converted == null) {
            throw cannotConvert(value, type, column, null);
        }
        return (T) converted;
    }

    private static InvalidArgumentException cannotConvert(Object value, Class<?> type, String column,
            @Nullable String reason) {
        String shown = String.valueOf(value);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new InvalidArgumentException("Cannot convert the value of column '" + column + "' ("
                + value.getClass().getName() + " '" + shown + "') to " + type.getName()
                + (reason == null ? "" : ": " + reason));
    }

    private static @Nullable Object convertOrNull(Object value, Class<?> type) throws SQLException, IOException {
        if (value instanceof Clob) {
            Clob clob = (Clob) value;
            return convertOrNull(clob.getSubString(1, (int) clob.length()), type);
        }
        if (value instanceof Blob) {
            Blob blob = (Blob) value;
            return convertOrNull(blob.getBytes(1, (int) blob.length()), type);
        }
        if (value instanceof Reader) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = ((Reader) value).read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
            return convertOrNull(text.toString(), type);
        }
        if (type == String.class) {
            return value instanceof byte[] ? null : value.toString();
        }
        if (Number.class.isAssignableFrom(type)) {
            return toNumber(value, type);
        }
        if (type == Boolean.class) {
            return toBoolean(value);
        }
        if (type == Object.class) {
            return value;
        }
        if (type == LocalDate.class) {
            return toLocalDate(value);
        }
        if (type == LocalDateTime.class) {
            return toLocalDateTime(value);
        }
        if (type == LocalTime.class) {
            if (value instanceof java.sql.Time) {
                return ((java.sql.Time) value).toLocalTime();
            }
            return value instanceof String ? LocalTime.parse((String) value) : null;
        }
        if (type == OffsetDateTime.class) {
            return toOffsetDateTime(value);
        }
        if (type == Instant.class) {
            OffsetDateTime offset = toOffsetDateTime(value);
            return offset == null ? null : offset.toInstant();
        }
        if (type == UUID.class) {
            if (value instanceof String) {
                return UUID.fromString((String) value);
            }
            if (value instanceof byte[] && ((byte[]) value).length == 16) {
                ByteBuffer buffer = ByteBuffer.wrap((byte[]) value);
                return new UUID(buffer.getLong(), buffer.getLong());
            }
            return null;
        }
        if (type.isEnum() && value instanceof String) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(value)) {
                    return constant;
                }
            }
            throw new NumberFormatException("no constant named '" + value + "' in " + type.getName());
        }
        if (type == Character.class && value instanceof String && ((String) value).length() == 1) {
            return ((String) value).charAt(0);
        }
        return null;
    }

    private static @Nullable Object toNumber(Object value, Class<?> type) {
        if (value instanceof Boolean) {
            value = (Boolean) value ? 1 : 0;
        }
        BigDecimal decimal;
        if (value instanceof BigDecimal) {
            decimal = (BigDecimal) value;
        } else if (value instanceof BigInteger) {
            decimal = new BigDecimal((BigInteger) value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (type == Double.class) {
                return d;
            }
            if (type == Float.class) {
                return (float) d;
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ArithmeticException("not a finite number");
            }
            decimal = BigDecimal.valueOf(d);
        } else if (value instanceof Number) {
            decimal = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof String) {
            decimal = new BigDecimal(((String) value).trim());
        } else {
            return null;
        }
        if (type == BigDecimal.class) {
            return decimal;
        }
        if (type == Double.class) {
            return decimal.doubleValue();
        }
        if (type == Float.class) {
            return decimal.floatValue();
        }
        if (type == BigInteger.class) {
            return decimal.toBigIntegerExact();
        }
        if (type == Long.class) {
            return decimal.longValueExact();
        }
        if (type == Integer.class) {
            return decimal.intValueExact();
        }
        if (type == Short.class) {
            return decimal.shortValueExact();
        }
        if (type == Byte.class) {
            return decimal.byteValueExact();
        }
        return null;
    }

    private static @Nullable Boolean toBoolean(Object value) {
        if (value instanceof Number) {
            long n = ((Number) value).longValue();
            if (n == 0 || n == 1) {
                return n == 1;
            }
            throw new NumberFormatException("only 0 and 1 are booleans");
        }
        if (value instanceof String) {
            switch (((String) value).trim().toLowerCase(Locale.ROOT)) {
                case "true": case "t": case "1": case "yes": case "y":
                    return true;
                case "false": case "f": case "0": case "no": case "n":
                    return false;
                default:
                    throw new NumberFormatException("not a boolean");
            }
        }
        return null;
    }

    private static @Nullable LocalDate toLocalDate(Object value) {
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate();
        }
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toLocalDateTime().toLocalDate();
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toLocalDate();
        }
        if (value instanceof String) {
            String text = (String) value;
            return text.length() > 10 ? parseLocalDateTime(text).toLocalDate() : LocalDate.parse(text);
        }
        return null;
    }

    private static @Nullable LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toLocalDateTime();
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate().atStartOfDay();
        }
        if (value instanceof LocalDate) {
            return ((LocalDate) value).atStartOfDay();
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toLocalDateTime();
        }
        if (value instanceof String) {
            return parseLocalDateTime((String) value);
        }
        return null;
    }

    private static LocalDateTime parseLocalDateTime(String value) {
        String text = value.replace(' ', 'T');
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
    }

    private static @Nullable OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant) {
            return ((Instant) value).atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime) {
            return ((java.time.ZonedDateTime) value).toOffsetDateTime();
        }
        if (value instanceof String) {
            return OffsetDateTime.parse(((String) value).replace(' ', 'T'));
        }
        return null;
    }
}
