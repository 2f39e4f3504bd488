package io.retort.impl.telemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.retort.engine.EngineOptions;
import io.retort.engine.PoolStatus;
import io.retort.exception.ConfigurationException;
import io.retort.impl.engine.PoolEvents;
import io.retort.impl.engine.TelemetryFactory;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Makes an engine's metrics ({@link StatementMetrics}, {@link PoolMetrics}) and traces ({@link StatementTracing}),
 * on the {@code OpenTelemetry} of the engine's options or {@code GlobalOpenTelemetry}. Loaded by name from the
 * engine package. Stateless.
 */
public final class Telemetry implements TelemetryFactory {
    /** The instrumentation scope of Retort's meters and tracers. */
    static final String SCOPE = "io.retort";

    /**
     * Whether the OpenTelemetry API on the class path has histogram bucket advice (added in 1.32; an application
     * server may bring an older API, e.g. Helidon 4.1's 1.29). Without it the histograms keep the SDK's default
     * buckets instead of the engine failing with {@code NoSuchMethodError} when metrics are on.
     */
    private static final boolean BUCKET_ADVICE = hasBucketAdvice();

    private static boolean hasBucketAdvice() {
        try {
            DoubleHistogramBuilder.class.getMethod("setExplicitBucketBoundariesAdvice", List.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A histogram with the given bucket boundaries as advice, where the OpenTelemetry API can take it. */
    static DoubleHistogram histogram(DoubleHistogramBuilder builder, List<Double> buckets) {
        return (BUCKET_ADVICE ? builder.setExplicitBucketBoundariesAdvice(buckets) : builder).build();
    }

    /** Used by the engine, which loads this class by name. */
    public Telemetry() {
    }

    @Override
    public Parts create(EngineOptions options, String dialectName, String poolName,
            Supplier<PoolStatus> poolStatus) {
        OpenTelemetry openTelemetry = openTelemetry(options.openTelemetry());
        String system = systemName(dialectName);
        StatementMetrics metrics = options.metrics() ? new StatementMetrics(openTelemetry, system) : null;
        StatementTracing tracing = options.tracing() ? new StatementTracing(openTelemetry, system) : null;
        PoolEvents events = options.metrics() ? new PoolMetrics(openTelemetry, poolName, poolStatus) : PoolEvents.NONE;
        return new Parts(new TelemetryListener(metrics, tracing), events);
    }

    private static OpenTelemetry openTelemetry(@Nullable Object given) {
        if (given == null) {
            if (GlobalOpenTelemetry.isSet()) {
                return GlobalOpenTelemetry.get();
            }
            // get() would install a no-op global for good, and the application's own set() would fail afterwards.
            System.getLogger("io.retort.engine").log(System.Logger.Level.INFO, "Retort's metrics and tracing are on,"
                    + " but no OpenTelemetry was given and GlobalOpenTelemetry is not set, so they record nothing:"
                    + " set GlobalOpenTelemetry (or run the OpenTelemetry agent) before the engine is created, pass"
                    + " EngineOptions.openTelemetry(...), or in CDI provide an io.opentelemetry.api.OpenTelemetry"
                    + " bean");
            return GlobalOpenTelemetry.getOrNoop();
        }
        if (!(given instanceof OpenTelemetry)) {
            throw new ConfigurationException("EngineOptions.openTelemetry must be an io.opentelemetry.api.OpenTelemetry,"
                    + " but was a " + given.getClass().getName() + "; pass the application's OpenTelemetry (or null for"
                    + " GlobalOpenTelemetry)");
        }
        return (OpenTelemetry) given;
    }

    /** The dialect's {@code db.system.name} in OpenTelemetry's well-known values. */
    static String systemName(String dialectName) {
        switch (dialectName) {
            case "h2":
                return "h2database";
            case "postgresql":
            case "mariadb":
            case "mysql":
            case "sqlite":
                return dialectName;
            default:
                return "other_sql";
        }
    }
}
