package io.retort.impl.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;
import io.retort.engine.PoolStatus;
import io.retort.impl.engine.PoolEvents;
import java.util.List;
import java.util.function.Supplier;

/**
 * An engine's pool metrics, named as OpenTelemetry's database client conventions: {@code db.client.connection.count}
 * (by {@code db.client.connection.state} idle or used, read from the pool at each collection),
 * {@code .pending_requests}, {@code .timeouts}, and the {@code .create_time}, {@code .wait_time} and
 * {@code .use_time} histograms in seconds; each with {@code db.client.connection.pool.name}. {@link #close()}, when
 * the engine closes, unregisters the connection count's callback. Thread-safe.
 */
final class PoolMetrics implements PoolEvents {
    private static final AttributeKey<String> POOL = AttributeKey.stringKey("db.client.connection.pool.name");
    private static final AttributeKey<String> STATE = AttributeKey.stringKey("db.client.connection.state");
    private static final List<Double> TIME_BUCKETS = List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0,
            30.0, 60.0);

    private final Attributes pool;
    private final LongUpDownCounter pending;
    private final LongCounter timeouts;
    private final DoubleHistogram createTime;
    private final DoubleHistogram waitTime;
    private final DoubleHistogram useTime;
    private final ObservableLongUpDownCounter connections;

    PoolMetrics(OpenTelemetry openTelemetry, String poolName, Supplier<PoolStatus> status) {
        Meter meter = openTelemetry.getMeter(Telemetry.SCOPE);
        this.pool = Attributes.of(POOL, poolName);
        Attributes idle = Attributes.of(POOL, poolName, STATE, "idle");
        Attributes used = Attributes.of(POOL, poolName, STATE, "used");
        this.connections = meter.upDownCounterBuilder("db.client.connection.count").setUnit("{connection}")
                .setDescription("The number of connections that are currently in the state described by the state"
                        + " attribute.")
                .buildWithCallback(measurement -> {
                    PoolStatus now = status.get();
                    measurement.record(Math.max(0, now.idle()), idle);
                    measurement.record(now.checkedOut(), used);
                });
        this.pending = meter.upDownCounterBuilder("db.client.connection.pending_requests").setUnit("{request}")
                .setDescription("The number of current pending requests for an open connection.").build();
        this.timeouts = meter.counterBuilder("db.client.connection.timeouts").setUnit("{timeout}")
                .setDescription("The number of connection timeouts that have occurred trying to obtain a connection"
                        + " from the pool.").build();
        this.createTime = histogram(meter, "db.client.connection.create_time",
                "The time it took to create a new connection.");
        this.waitTime = histogram(meter, "db.client.connection.wait_time",
                "The time it took to obtain an open connection from the pool.");
        this.useTime = histogram(meter, "db.client.connection.use_time",
                "The time between borrowing a connection and returning it to the pool.");
    }

    private static DoubleHistogram histogram(Meter meter, String name, String description) {
        return Telemetry.histogram(meter.histogramBuilder(name).setUnit("s").setDescription(description),
                TIME_BUCKETS);
    }

    @Override
    public void waitStarted() {
        pending.add(1, pool);
    }

    @Override
    public void waitEnded(long nanos, boolean timedOut) {
        pending.add(-1, pool);
        waitTime.record(nanos / 1e9, pool);
        if (timedOut) {
            timeouts.add(1, pool);
        }
    }

    @Override
    public void connectionCreated(long nanos) {
        createTime.record(nanos / 1e9, pool);
    }

    @Override
    public void connectionUsed(long nanos) {
        useTime.record(nanos / 1e9, pool);
    }

    @Override
    public void close() {
        connections.close();
    }
}
