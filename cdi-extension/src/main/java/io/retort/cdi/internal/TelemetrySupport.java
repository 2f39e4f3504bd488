package io.retort.cdi.internal;

import io.retort.engine.EngineOptions;
import jakarta.enterprise.inject.Instance;
import org.jspecify.annotations.Nullable;

/**
 * Gives engines the container's OpenTelemetry: when the OpenTelemetry API is on the class path and the container has
 * an {@code io.opentelemetry.api.OpenTelemetry} bean (Helidon's and Quarkus's telemetry produce one), metrics and
 * traces go to it; otherwise to {@code GlobalOpenTelemetry}. Names no OpenTelemetry type, so this module does not
 * depend on OpenTelemetry.
 */
public final class TelemetrySupport {
    private static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

    private TelemetrySupport() {
    }

    /** Whether the OpenTelemetry API is on the class path (metrics and tracing default to on then). */
    public static boolean onClassPath() {
        return openTelemetryType() != null;
    }

    private static @Nullable Class<?> openTelemetryType() {
        try {
            return Class.forName(OPEN_TELEMETRY, false, TelemetrySupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The options with the container's {@code OpenTelemetry} bean, when metrics or tracing are on and there is one. */
    public static EngineOptions apply(EngineOptions options, Instance<Object> lookup) {
        if (!options.metrics() && !options.tracing() || options.openTelemetry() != null) {
            return options;
        }
        Class<?> type = openTelemetryType();
        if (type == null) {
            return options;
        }
        Instance<?> found = lookup.select(type);
        return found.isResolvable() ? options.toBuilder().openTelemetry(found.get()).build() : options;
    }
}
