package io.retort.impl.telemetry;

import io.retort.engine.ExecutionListener;
import io.retort.engine.StatementEvent;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Tells an engine's statement metrics and tracing (whichever are on) of its statements and flushes. Thread-safe. */
final class TelemetryListener implements ExecutionListener {
    private final @Nullable StatementMetrics metrics;
    private final @Nullable StatementTracing tracing;

    TelemetryListener(@Nullable StatementMetrics metrics, @Nullable StatementTracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public void beforeExecute(StatementEvent event) {
        if (tracing != null) {
            tracing.start(event);
        }
    }

    @Override
    public void afterExecute(StatementEvent event, long elapsedNanos, @Nullable SQLException failure, long rowCount) {
        if (metrics != null) {
            metrics.statement(event, elapsedNanos, failure);
        }
        if (tracing != null) {
            tracing.end(event, failure, rowCount);
        }
    }

    @Override
    public void beforeFlush() {
        if (tracing != null) {
            tracing.startFlush();
        }
    }

    @Override
    public void afterFlush(int objectsWritten, @Nullable RuntimeException failure) {
        if (metrics != null) {
            metrics.flush(objectsWritten, failure);
        }
        if (tracing != null) {
            tracing.endFlush(objectsWritten, failure);
        }
    }
}
