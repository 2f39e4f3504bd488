package io.retort.impl.telemetry;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.PoolTimeoutException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** OpenTelemetry metrics and spans of Core statements and of the pool, read from the SDK's in-memory exporters. */
class TelemetryIT {
    private static final AttributeKey<String> QUERY_TEXT = AttributeKey.stringKey("db.query.text");
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
    private static final AttributeKey<Long> ROWS = AttributeKey.longKey("retort.rows_affected");
    private static final AttributeKey<Long> BATCH = AttributeKey.longKey("db.operation.batch.size");
    private static final AttributeKey<String> STATE = AttributeKey.stringKey("db.client.connection.state");

    @DatabaseTest
    void statementSpansCarrySanitizedSqlAndNoBoundValue(TestEngines engines, TestDatabase database) {
        try (TelemetryFixture telemetry = new TelemetryFixture()) {
            Engine engine = engines.create(EngineOptions.builder().metrics(true).tracing(true)
                    .openTelemetry(telemetry.sdk()).build());
            engine.begin(conn -> conn.execute(text("CREATE TABLE t (id int PRIMARY KEY, name varchar(50))")));
            telemetry.resetSpans();
            Span request = telemetry.sdk().getTracer("test").spanBuilder("request").startSpan();
            try (Scope scope = request.makeCurrent(); Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO t (id, name) VALUES (:id, :name)"),
                        Map.of("id", 4242, "name", "secret-one"));
                conn.execute(text("INSERT INTO t (id, name) VALUES (:id, :name)"), List.of(
                        Map.of("id", 5151, "name", "secret-two"), Map.of("id", 6161, "name", "secret-three"),
                        Map.of("id", 7171, "name", "secret-four")));
                assertThat(conn.execute(text("SELECT name FROM t WHERE id = :id"), Map.of("id", 5151))
                        .scalar(String.class)).isEqualTo("secret-two");
                assertThat(conn.execute(text("SELECT count(*) FROM t WHERE name <> 'secret-literal' AND id > 3131"))
                        .scalar(Long.class)).isEqualTo(4L);
                conn.commit();
            } finally {
                request.end();
            }

            List<SpanData> statements = telemetry.spans().stream().filter(s -> s.getKind() == SpanKind.CLIENT)
                    .toList();
            assertThat(statements).extracting(SpanData::getName).containsExactly("INSERT", "INSERT", "SELECT",
                    "SELECT");
            assertThat(statements).extracting(s -> s.getAttributes().get(QUERY_TEXT)).containsExactly(
                    "INSERT INTO t (id, name) VALUES (?, ?)", "INSERT INTO t (id, name) VALUES (?, ?)",
                    "SELECT name FROM t WHERE id = ?", "SELECT count(*) FROM t WHERE name <> ? AND id > ?");
            for (SpanData span : statements) {
                assertThat(span.getAttributes().get(SYSTEM)).isEqualTo(TelemetryFixture.systemName(database));
                assertThat(span.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
                assertThat(String.join(" ", TelemetryFixture.attributeValues(span)))
                        .doesNotContain("secret", "4242", "5151", "6161", "7171", "3131");
            }
            assertThat(statements.get(0).getAttributes().get(ROWS)).isEqualTo(1L);
            assertThat(statements.get(1).getAttributes().get(BATCH)).isEqualTo(3L);
            if (database != TestDatabase.MARIADB) { // MariaDB's bulk protocol does not report a batch's counts
                assertThat(statements.get(1).getAttributes().get(ROWS)).isEqualTo(3L);
            }
            assertThat(statements.get(2).getAttributes().get(ROWS)).isNull(); // a query: its rows are read later

            MetricData duration = telemetry.metrics().get("db.client.operation.duration");
            assertThat(duration.getUnit()).isEqualTo("s");
            assertThat(TelemetryFixture.histogramCount(duration, OPERATION, "INSERT")).isEqualTo(2);
            assertThat(TelemetryFixture.histogramCount(duration, OPERATION, "SELECT")).isEqualTo(2);
            assertThat(TelemetryFixture.histogramCount(duration, OPERATION, "CREATE")).isEqualTo(1);
            assertThat(duration.getHistogramData().getPoints()).allSatisfy(point -> assertThat(
                    point.getAttributes().get(SYSTEM)).isEqualTo(TelemetryFixture.systemName(database)));
        }
    }

    @DatabaseTest
    void poolMetricsCountWaitersTimeoutsAndConnectionTimes(TestEngines engines) throws Exception {
        try (TelemetryFixture telemetry = new TelemetryFixture()) {
            Engine engine = engines.create(EngineOptions.builder().poolSize(5).maxOverflow(0)
                    .poolTimeout(Duration.ofMillis(1500)).metrics(true).openTelemetry(telemetry.sdk()).build());
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                held.add(engine.connect());
            }
            AtomicInteger timedOut = new AtomicInteger();
            List<Thread> waiters = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Thread waiter = new Thread(() -> {
                    try (Connection connection = engine.connect()) {
                        connection.isClosed();
                    } catch (PoolTimeoutException e) {
                        timedOut.incrementAndGet();
                    }
                });
                waiter.start();
                waiters.add(waiter);
            }
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (engine.poolStatus().waiting() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Map<String, MetricData> busy = telemetry.metrics();
            assertThat(TelemetryFixture.sum(busy.get("db.client.connection.pending_requests"), null, null))
                    .isEqualTo(10);
            assertThat(TelemetryFixture.sum(busy.get("db.client.connection.count"), STATE, "used")).isEqualTo(5);
            assertThat(TelemetryFixture.sum(busy.get("db.client.connection.count"), STATE, "idle")).isZero();
            for (Thread waiter : waiters) {
                waiter.join();
            }
            assertThat(timedOut).hasValue(10);
            for (Connection connection : held) {
                connection.close();
            }
            for (int i = 0; i < 35; i++) {
                engine.connect().close();
            }

            Map<String, MetricData> after = telemetry.metrics();
            assertThat(TelemetryFixture.sum(after.get("db.client.connection.pending_requests"), null, null)).isZero();
            assertThat(TelemetryFixture.sum(after.get("db.client.connection.timeouts"), null, null)).isEqualTo(10);
            assertThat(TelemetryFixture.histogramCount(after.get("db.client.connection.wait_time"))).isEqualTo(50);
            assertThat(TelemetryFixture.histogramCount(after.get("db.client.connection.create_time"))).isEqualTo(5);
            // 40 checkouts; on a server database the engine's first connection (reading the version) is one more.
            assertThat(TelemetryFixture.histogramCount(after.get("db.client.connection.use_time"))).isBetween(40L,
                    41L);
            assertThat(TelemetryFixture.sum(after.get("db.client.connection.count"), STATE, "used")).isZero();
            assertThat(TelemetryFixture.sum(after.get("db.client.connection.count"), STATE, "idle")).isEqualTo(5);
            assertThat(after.get("db.client.connection.count").getLongSumData().getPoints()).allSatisfy(point ->
                    assertThat(point.getAttributes().get(AttributeKey.stringKey("db.client.connection.pool.name")))
                            .isEqualTo(engine.url().withCredentials(null, null).toString()));
        }
    }

    /**
     * The pool's observable instrument reads the engine's pool at each collection: closing the engine unregisters its
     * callback, so a closed engine is no longer reported (as an idle pool of zero) and the application's
     * MeterProvider holds no reference to it.
     */
    @DatabaseTest
    void closingTheEngineStopsItsPoolMetricCallbacks(TestEngines engines) {
        try (TelemetryFixture telemetry = new TelemetryFixture()) {
            Engine engine = engines.create(EngineOptions.builder().metrics(true).openTelemetry(telemetry.sdk())
                    .build());
            engine.connect().close();
            MetricData open = telemetry.metrics().get("db.client.connection.count");
            assertThat(open).as("the pool's connection count while the engine is open").isNotNull();
            assertThat(TelemetryFixture.sum(open, STATE, "idle")).isPositive();

            engine.close();
            MetricData closed = telemetry.metrics().get("db.client.connection.count");
            assertThat(closed == null ? List.of() : closed.getLongSumData().getPoints())
                    .as("points of db.client.connection.count after the engine closed").isEmpty();
        }
    }
}
