package io.retort.impl.dialect;

import io.retort.exception.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Conversions shared by the dialects' typed binding and reading. */
final class TypedValues {
    /** {@code 2024-02-29 12:34:56.123456}: fixed width, so text comparisons order correctly (SQLite). */
    static final DateTimeFormatter DATETIME_TEXT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .toFormatter();
    /** {@code 12:34:56.123456}. */
    static final DateTimeFormatter TIME_TEXT = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();

    private TypedValues() {
    }

    static Number number(Object value) {
        if (value instanceof Number) {
            return (Number) value;
        }
        throw new InvalidArgumentException("Expected a number but got " + value.getClass().getName() + " '" + value
                + "'");
    }

    /** An integral value exactly, refusing fractions and values beyond a long. */
    static long integral(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return decimal(number(value)).longValueExact();
    }

    static short shortExact(long value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new ArithmeticException("short overflow");
        }
        return (short) value;
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return new BigDecimal(value.toString());
    }

    static OffsetDateTime offsetDateTime(Object value) {
        if (value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Instant) {
            return ((Instant) value).atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime) {
            return ((java.time.ZonedDateTime) value).toOffsetDateTime();
        }
        throw new InvalidArgumentException("A DATETIME_TZ value must be an OffsetDateTime, Instant or ZonedDateTime,"
                + " but was " + value.getClass().getName());
    }

    static LocalDateTime utc(OffsetDateTime value) {
        return value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
