package io.retort.impl.engine;

import io.retort.engine.EngineOptions;
import io.retort.engine.ExecutionListener;
import io.retort.engine.PoolStatus;
import java.util.function.Supplier;

/**
 * Makes an engine's OpenTelemetry metrics and traces; implemented in {@code io.retort.impl.telemetry}, the only
 * package that names OpenTelemetry types, and loaded by name only when metrics or tracing are switched on.
 */
public interface TelemetryFactory {

    /**
     * The listener that records statements and flushes, and the receiver of pool events.
     *
     * @param options the engine's options (which features, which {@code OpenTelemetry})
     * @param dialectName the dialect, for {@code db.system.name}
     * @param poolName the pool's name, for {@code db.client.connection.pool.name}
     * @param poolStatus the pool's figures, read at each collection
     */
    Parts create(EngineOptions options, String dialectName, String poolName, Supplier<PoolStatus> poolStatus);

    /**
     * What {@link #create} makes.
     *
     * @param listener records statements and flushes
     * @param poolEvents records waits, timeouts, creation and use times
     */
    record Parts(ExecutionListener listener, PoolEvents poolEvents) {
    }
}
