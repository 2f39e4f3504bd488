package io.retort.impl.schema;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import io.retort.types.SqlType;
import io.retort.types.TypeDecorator;
import io.retort.types.Types;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;

/** Every type round-trips on every database: nulls, extremes, Unicode, fractional seconds, time zones. */
class TypeMatrixIT {

    enum Mood { HAPPY, SAD, SO_SO }

    record Money(BigDecimal amount) {
    }

    static final SqlType<Money> MONEY = new TypeDecorator<>(Money.class, Types.numeric(12, 2)) {
        @Override
        protected BigDecimal toDatabase(Money value) {
            return value.amount();
        }

        @Override
        protected Money fromDatabase(BigDecimal value) {
            return new Money(value);
        }
    };

    record Case(String name, SqlType<?> type, List<Object> values) {
    }

    static List<Case> cases(TestDatabase database) {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        byte[] large = new byte[200_000];
        new Random(7).nextBytes(large);
        String longText = "한글 text ".repeat(20_000);
        List<Case> cases = new ArrayList<>(List.of(
                new Case("integer", Types.INTEGER, List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1)),
                new Case("smallint", Types.SMALLINT, List.of(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0)),
                new Case("bigint", Types.BIGINT, List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L)),
                new Case("boolean", Types.BOOLEAN, List.of(true, false)),
                new Case("varchar", Types.string(50), List.of("", "plain", "한글 ✓ ünïcödé 😀",
                        "it's \"quoted\" \\ ; -- /* */", "x".repeat(50))),
                new Case("text", Types.TEXT, List.of(longText, "")),
                // SQLite stores NUMERIC as REAL: 15 significant digits survive (see numericOnSqliteKeeps15Digits).
                new Case("numeric", Types.numeric(20, 6), database == TestDatabase.SQLITE
                        ? List.of(new BigDecimal("123456789.123456"), new BigDecimal("-0.000001"),
                                new BigDecimal("0.000000"), new BigDecimal("-999999999.999999"))
                        : List.of(new BigDecimal("12345678901234.123456"), new BigDecimal("-0.000001"),
                                new BigDecimal("0.000000"), new BigDecimal("-99999999999999.999999"))),
                new Case("float", Types.FLOAT, List.of(1.5f, -3.25f, 1.0e30f, 0.0f)),
                new Case("double", Types.DOUBLE, List.of(1.7976931348623157E308, -1.0E-300, Math.PI, 0.0)),
                new Case("date", Types.DATE, List.of(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31),
                        LocalDate.of(2024, 2, 29))),
                new Case("time", Types.TIME, List.of(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000),
                        LocalTime.of(12, 34, 56, 123_456_000))),
                new Case("datetime", Types.DATETIME, List.of(LocalDateTime.of(1970, 1, 1, 0, 0),
                        LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000))),
                new Case("datetime_tz", Types.DATETIME_TZ, List.of(
                        OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(9)),
                        OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        OffsetDateTime.of(2024, 12, 31, 23, 59, 59, 123_456_000, ZoneOffset.ofHours(-5)))),
                new Case("binary", Types.BINARY, List.of(new byte[0], allBytes, large)),
                new Case("uuid", Types.UUID, List.of(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
                        new UUID(0, 0))),
                new Case("enum", Types.enumType(Mood.class), List.of(Mood.HAPPY, Mood.SO_SO)),
                new Case("json", Types.JSON, List.of("{\"a\": [1, 2, {\"b\": \"한글\"}], \"n\": null}", "[]")),
                new Case("money", MONEY, List.of(new Money(new BigDecimal("1234567890.12")),
                        new Money(new BigDecimal("-0.01"))))));
        if (database == TestDatabase.POSTGRESQL || database == TestDatabase.H2) {
            cases.add(new Case("interval", Types.INTERVAL, List.of(Duration.ofSeconds(90_061, 123_456_000),
                    Duration.ZERO, Duration.ofHours(-5), Duration.ofDays(400))));
        }
        return cases;
    }

    private static boolean same(SqlType<?> type, Object expected, Object actual) {
        if (expected instanceof byte[]) {
            return actual instanceof byte[] && Arrays.equals((byte[]) expected, (byte[]) actual);
        }
        if (expected instanceof OffsetDateTime) {
            return actual instanceof OffsetDateTime && ((OffsetDateTime) expected).isEqual((OffsetDateTime) actual);
        }
        if (expected instanceof BigDecimal) {
            return actual instanceof BigDecimal && ((BigDecimal) expected).compareTo((BigDecimal) actual) == 0;
        }
        if (expected instanceof Money) {
            return actual instanceof Money && ((Money) expected).amount().compareTo(((Money) actual).amount()) == 0;
        }
        return Objects.equals(expected, actual);
    }

    @DatabaseTest
    void everyTypeRoundTripsWithNulls(Engine engine, TestDatabase database) {
        List<Case> cases = cases(database);
        MetaData metadata = new MetaData();
        for (Case each : cases) {
            metadata.table("t_" + each.name(), column("id", Types.INTEGER).primaryKey().autoincrement(false),
                    column("v", each.type()));
        }
        metadata.createAll(engine);
        SoftAssertions softly = new SoftAssertions();
        try (Connection conn = engine.connect()) {
            for (Case each : cases) {
                List<Object> values = new ArrayList<>(each.values());
                values.add(null);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("id", i);
                    row.put("v", values.get(i));
                    rows.add(row);
                }
                conn.execute(text("INSERT INTO t_" + each.name() + " (id, v) VALUES (:id, :v)")
                        .bindTypes(Map.of("v", each.type())), rows);
                List<Object> read = conn.execute(text("SELECT v FROM t_" + each.name() + " ORDER BY id")
                        .columnTypes(Map.of("v", each.type()))).scalars().all();
                softly.assertThat(read).as("%s rows", each.name()).hasSize(values.size());
                for (int i = 0; i < Math.min(read.size(), values.size()); i++) {
                    Object expected = values.get(i);
                    Object actual = read.get(i);
                    boolean ok = expected == null ? actual == null : same(each.type(), expected, actual);
                    softly.assertThat(ok).as("%s value %s: wrote %s, read %s (%s)", each.name(), i,
                            shorten(expected), shorten(actual), actual == null ? null : actual.getClass().getName())
                            .isTrue();
                }
            }
            conn.commit();
        }
        softly.assertAll();
        metadata.dropAll(engine);
        try (Connection conn = engine.connect()) {
            assertThat(conn.inspector().tableNames()).noneMatch(name -> name.startsWith("t_"));
        }
    }

    @DatabaseTest
    @io.retort.testing.OnlyOn(TestDatabase.SQLITE)
    void numericOnSqliteKeeps15Digits(Engine engine) {
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE n (v NUMERIC(20, 6))"));
            conn.execute(text("INSERT INTO n (v) VALUES (:v)").bindTypes(Map.of("v", Types.numeric(20, 6))),
                    Map.of("v", new BigDecimal("12345678901234.123456")));
            assertThat(conn.execute(text("SELECT v FROM n").columnTypes(Map.of("v", Types.numeric(20, 6))))
                    .scalar()).isEqualTo(new BigDecimal("12345678901234.1"));
        }
    }

    @DatabaseTest
    void valuesThatDoNotFitTheirTypeAreRefusedBeforeTheDatabase(Engine engine) {
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE f (i INTEGER, b BOOLEAN)"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> conn.execute(
                    text("INSERT INTO f (i) VALUES (:i)").bindTypes(Map.of("i", Types.INTEGER)),
                    Map.of("i", 3_000_000_000L)))
                    .isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                    .hasMessageContaining("Cannot bind java.lang.Long '3000000000' as INTEGER")
                    .hasMessageContaining("within the type's range");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> conn.execute(
                    text("INSERT INTO f (b) VALUES (:b)").bindTypes(Map.of("b", Types.BOOLEAN)), Map.of("b", 1)))
                    .isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                    .hasMessageContaining("as BOOLEAN: pass a Boolean");
        }
    }

    private static String shorten(Object value) {
        String text = value instanceof byte[] ? "byte[" + ((byte[]) value).length + "]" : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
