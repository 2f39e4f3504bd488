package io.retort.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link Engine#check(Duration)}: whether a connection could be taken and validated in time, why not,
 * and the pool's figures. A readiness check reports it (Retort's CDI extension does, through MicroProfile Health).
 *
 * @param up whether a connection was taken and {@link java.sql.Connection#isValid} said yes within the time
 * @param reason why the check failed, or {@code null} when it passed
 * @param elapsedMillis how long the check took
 * @param pool the pool's figures after the check
 */
public record ConnectionCheck(boolean up, @Nullable String reason, long elapsedMillis, PoolStatus pool) {

    /**
     * The attempt still running per engine: a server that accepts connections and never answers would otherwise
     * leave one more waiting thread behind at every check; the next check waits on the same attempt instead.
     */
    private static final java.util.Map<Engine, CompletableFuture<@Nullable String>> RUNNING =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * Takes a connection from {@code engine} and validates it on another thread, waiting at most {@code timeout}; a
     * check that is still waiting then is reported down, and its connection is returned when it comes. A check made
     * while an earlier one's attempt still runs waits for that attempt rather than starting another.
     */
    static ConnectionCheck run(Engine engine, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long start = System.nanoTime();
        CompletableFuture<@Nullable String> attempt;
        synchronized (RUNNING) {
            attempt = RUNNING.get(engine);
            if (attempt == null || attempt.isDone()) {
                attempt = start(engine, timeout);
                RUNNING.put(engine, attempt);
            }
        }
        String reason;
        try {
            reason = attempt.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reason = "no valid connection within " + timeout.toMillis() + " ms (the database is slow or unreachable,"
                    + " or every pooled connection is in use)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "the check was interrupted";
        } catch (ExecutionException e) {
            reason = describe(e.getCause());
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new ConnectionCheck(reason == null, reason, elapsed, engine.poolStatus());
    }

    private static CompletableFuture<@Nullable String> start(Engine engine, Duration timeout) {
        int validSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        CompletableFuture<@Nullable String> attempt = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            String reason;
            try (Connection connection = engine.connect()) {
                reason = connection.jdbcConnection().isValid(validSeconds) ? null
                        : "the connection taken from the pool is not valid (Connection.isValid returned false)";
            } catch (SQLException | RuntimeException | Error e) {
                reason = describe(e);
            }
            attempt.complete(reason); // after the connection went back, so that the pool's figures show it idle
        }, "retort-connection-check");
        worker.setDaemon(true);
        worker.start();
        return attempt;
    }

    private static String describe(@Nullable Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
