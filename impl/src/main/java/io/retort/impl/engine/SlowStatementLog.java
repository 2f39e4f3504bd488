package io.retort.impl.engine;

import io.retort.engine.ExecutionListener;
import io.retort.engine.StatementEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.CodeSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Logs statements that took at least the engine's {@code slowStatementThreshold} at WARN to the logger
 * {@value #LOGGER_NAME}: the SQL (never the values), the time, and the first frame of the calling code outside
 * Retort. A statement under the threshold costs one comparison. Thread-safe.
 */
final class SlowStatementLog implements ExecutionListener {
    static final String LOGGER_NAME = "io.retort.engine.slow";
    private static final Logger LOGGER = System.getLogger(LOGGER_NAME);
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final long thresholdNanos;
    private final Duration threshold;

    SlowStatementLog(Duration threshold) {
        this.threshold = threshold;
        this.thresholdNanos = threshold.toNanos();
    }

    @Override
    public void afterExecute(StatementEvent event, long elapsedNanos, @Nullable SQLException failure) {
        if (elapsedNanos < thresholdNanos || !LOGGER.isLoggable(Level.WARNING)) {
            return;
        }
        LOGGER.log(Level.WARNING, "Slow statement: " + formatMillis(elapsedNanos) + " ms (threshold "
                + threshold.toMillis() + " ms)" + (event.batch() ? ", a batch of " + event.parameterSets().size()
                + " rows" : "") + (failure != null ? ", failed" : "") + ", called from " + callerFrame() + "\n[SQL: "
                + event.sql() + "]");
    }

    static String formatMillis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }

    /**
     * The first frame of code that is not Retort's own (retort-api, retort-impl, the CDI extension's internals, the JTA
     * module) nor the JDK's (reflection, proxies), as {@code Class.method(File:line)}.
     */
    static String callerFrame() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
                .filter(f -> !isRetort(f.getDeclaringClass()) && !f.getClassName().startsWith("java.")
                        && !f.getClassName().startsWith("io.retort.cdi.internal.")
                        && !f.getClassName().startsWith("io.retort.jta.")
                        && !f.getClassName().startsWith("jdk.") && !f.getClassName().startsWith("sun."))
                .findFirst());
        return frame.map(StackWalker.StackFrame::toStackTraceElement).map(Object::toString).orElse("(unknown)");
    }

    private static final @Nullable CodeSource IMPL = codeSource(SlowStatementLog.class);
    private static final @Nullable CodeSource API = codeSource(io.retort.engine.Engine.class);

    /** Whether a class is part of retort-impl or retort-api (told by where it was loaded from, not by its package). */
    private static boolean isRetort(Class<?> type) {
        CodeSource source = codeSource(type);
        return source != null && (Objects.equals(source.getLocation(), location(IMPL))
                || Objects.equals(source.getLocation(), location(API)));
    }

    private static java.net.@Nullable URL location(@Nullable CodeSource source) {
        return source == null ? null : source.getLocation();
    }

    private static @Nullable CodeSource codeSource(Class<?> type) {
        return type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
    }
}
