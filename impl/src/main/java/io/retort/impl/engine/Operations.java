package io.retort.impl.engine;

import io.retort.engine.EngineOptions;
import io.retort.engine.ExecutionListener;
import io.retort.engine.NPlusOneMode;
import io.retort.engine.PoolStatus;
import io.retort.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An engine's operational features, decided once from its options: the slow-statement log, N+1 detection, and the
 * OpenTelemetry metrics and traces of {@code io.retort.impl.telemetry} (loaded only when switched on, so that
 * OpenTelemetry stays an optional dependency). Each is an {@link ExecutionListener} behind the user's listeners; with
 * every feature off the lists are the user's own and a statement allocates nothing for them. Thread-safe.
 */
final class Operations {
    private static final String TELEMETRY = "io.retort.impl.telemetry.Telemetry";

    private final List<ExecutionListener> engineListeners;
    private final boolean nPlusOne;
    private final NPlusOneMode nPlusOneMode;
    private final int nPlusOneThreshold;
    private final PoolEvents poolEvents;

    private Operations(List<ExecutionListener> engineListeners, EngineOptions options, PoolEvents poolEvents) {
        this.engineListeners = engineListeners;
        this.nPlusOneMode = options.nPlusOne();
        this.nPlusOne = nPlusOneMode != NPlusOneMode.OFF;
        this.nPlusOneThreshold = options.nPlusOneThreshold();
        this.poolEvents = poolEvents;
    }

    /**
     * The features the options switch on.
     *
     * @param poolStatus the engine's pool figures, read when metrics are collected
     * @throws ConfigurationException if metrics or tracing are on without OpenTelemetry on the class path, or the
     *         given OpenTelemetry object is not one
     */
    static Operations create(EngineOptions options, String dialectName, String poolName, Supplier<PoolStatus> poolStatus) {
        List<ExecutionListener> listeners = new ArrayList<>(options.listeners());
        if (options.slowStatementThreshold() != null) {
            listeners.add(new SlowStatementLog(options.slowStatementThreshold()));
        }
        PoolEvents events = PoolEvents.NONE;
        if (options.metrics() || options.tracing()) {
            TelemetryFactory factory = telemetry(options);
            TelemetryFactory.Parts parts = factory.create(options, dialectName, poolName, poolStatus);
            listeners.add(parts.listener());
            events = parts.poolEvents();
        }
        return new Operations(List.copyOf(listeners), options, events);
    }

    private static TelemetryFactory telemetry(EngineOptions options) {
        String feature = options.metrics() && options.tracing() ? "metrics and tracing"
                : options.metrics() ? "metrics" : "tracing";
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, Operations.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException("Retort's " + feature + " need the OpenTelemetry API, which is not on the"
                    + " class path: add io.opentelemetry:opentelemetry-api to the application, or switch them off"
                    + " (EngineOptions.metrics(false) / tracing(false); retort.metrics.enabled=false /"
                    + " retort.tracing.enabled=false)");
        }
        try {
            return (TelemetryFactory) Class.forName(TELEMETRY, true, Operations.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigurationException("Could not load Retort's OpenTelemetry support " + TELEMETRY + ": " + e,
                    e);
        }
    }

    /** The listeners told of the engine's flushes (and, with the N+1 detector, of its connections' statements). */
    List<ExecutionListener> engineListeners() {
        return engineListeners;
    }

    /** Whether each connection counts its statements for the N+1 detector ({@link #newDetector()}). */
    boolean nPlusOne() {
        return nPlusOne;
    }

    /**
     * A new N+1 detector for one checked-out connection, told of each statement before the engine's listeners (in
     * RAISE mode it throws before any other listener, a span say, has begun). Made when the connection first runs a
     * statement inside a {@link io.retort.engine.StatementOrigin}: a connection that never does needs none.
     */
    NPlusOneDetector newDetector() {
        return new NPlusOneDetector(nPlusOneMode, nPlusOneThreshold);
    }

    /** Where the engine and its pool report waits, timeouts and connection times. */
    PoolEvents poolEvents() {
        return poolEvents;
    }
}
