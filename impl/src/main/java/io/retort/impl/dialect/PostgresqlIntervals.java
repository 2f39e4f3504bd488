package io.retort.impl.dialect;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses PostgreSQL's default ("postgres" style) interval output into a {@link Duration}. */
final class PostgresqlIntervals {
    private static final Pattern PART = Pattern.compile(
            "(?:(-?\\d+) years?)?\\s*(?:(-?\\d+) mons?)?\\s*(?:(-?\\d+) days?)?\\s*(?:([-+])?(\\d+):(\\d+):(\\d+(?:\\.\\d+)?))?");

    private PostgresqlIntervals() {
    }

    static Duration parse(String text) {
        Matcher matcher = PART.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Cannot read the PostgreSQL interval '" + text + "' as a Duration");
        }
        if (matcher.group(1) != null || matcher.group(2) != null) {
            throw new IllegalArgumentException("The PostgreSQL interval '" + text + "' has years or months, which a"
                    + " Duration cannot hold; keep such intervals in days and time");
        }
        Duration duration = Duration.ZERO;
        if (matcher.group(3) != null) {
            duration = duration.plusDays(Long.parseLong(matcher.group(3)));
        }
        if (matcher.group(5) != null) {
            BigDecimal seconds = new BigDecimal(matcher.group(7));
            Duration time = Duration.ofHours(Long.parseLong(matcher.group(5)))
                    .plusMinutes(Long.parseLong(matcher.group(6)))
                    .plusSeconds(seconds.longValue())
                    .plusNanos(seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            duration = "-".equals(matcher.group(4)) ? duration.minus(time) : duration.plus(time);
        }
        return duration;
    }
}
