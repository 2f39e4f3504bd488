package io.retort.impl.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.retort.engine.StatementEvent;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An engine's statement and flush metrics: {@code db.client.operation.duration} (seconds, by {@code db.system.name}
 * and {@code db.operation.name}, with {@code error.type} on failure), {@code retort.session.flushes} and
 * {@code retort.session.flush.objects}. Recording a statement reads the per-text cache and records one value: no
 * allocation for a text seen before. Thread-safe.
 */
final class StatementMetrics {
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("retort.flush.outcome");
    /** Bucket bounds in seconds that suit database calls (OpenTelemetry's advice for this metric). */
    static final List<Double> DURATION_BUCKETS = List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

    private final Queries queries;
    private final DoubleHistogram duration;
    private final LongCounter flushes;
    private final LongHistogram flushObjects;
    private final Attributes flushSucceeded;
    private final Attributes flushFailed;

    StatementMetrics(OpenTelemetry openTelemetry, String system) {
        Meter meter = openTelemetry.getMeter(Telemetry.SCOPE);
        this.queries = new Queries(system);
        this.duration = Telemetry.histogram(meter.histogramBuilder("db.client.operation.duration").setUnit("s")
                .setDescription("Duration of database client operations."), DURATION_BUCKETS);
        this.flushes = meter.counterBuilder("retort.session.flushes").setUnit("{flush}")
                .setDescription("Session flushes that wrote at least one object.").build();
        this.flushObjects = meter.histogramBuilder("retort.session.flush.objects").ofLongs().setUnit("{object}")
                .setDescription("Objects inserted, updated or deleted by one flush.").build();
        this.flushSucceeded = Attributes.of(Queries.SYSTEM, system, OUTCOME, "success");
        this.flushFailed = Attributes.of(Queries.SYSTEM, system, OUTCOME, "failure");
    }

    void statement(StatementEvent event, long elapsedNanos, @Nullable SQLException failure) {
        Attributes attributes = queries.of(event.sql()).metricAttributes();
        if (failure != null) {
            attributes = attributes.toBuilder().put(ERROR_TYPE, errorType(failure)).build();
        }
        duration.record(elapsedNanos / 1e9, attributes);
    }

    void flush(int objectsWritten, @Nullable RuntimeException failure) {
        Attributes attributes = failure == null ? flushSucceeded : flushFailed;
        flushes.add(1, attributes);
        flushObjects.record(objectsWritten, attributes);
    }

    /** The SQLSTATE where the driver gives one, else the exception's class. */
    static String errorType(SQLException failure) {
        return failure.getSQLState() != null ? failure.getSQLState() : failure.getClass().getName();
    }
}
