package io.retort.impl.engine;

import io.retort.engine.Connection;
import io.retort.engine.ConnectionCheck;
import io.retort.engine.Engine;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * {@link Engine#check(Duration)} for one engine: takes a connection and validates it on another thread, waiting at
 * most the timeout. The attempt still running is kept: a server that accepts connections and never answers would
 * otherwise leave one more waiting thread behind at every check; the next check waits on the same attempt instead.
 * Thread-safe.
 */
final class ConnectionChecker {
    private final Engine engine;
    private @Nullable CompletableFuture<@Nullable String> running;

    ConnectionChecker(Engine engine) {
        this.engine = engine;
    }

    /**
     * Checks the engine; a check still waiting at the timeout is reported down, and its connection is returned when
     * it comes.
     */
    ConnectionCheck check(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long start = System.nanoTime();
        CompletableFuture<@Nullable String> attempt;
        synchronized (this) {
            attempt = running;
            if (attempt == null || attempt.isDone()) {
                attempt = start(timeout);
                running = attempt;
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

    private CompletableFuture<@Nullable String> start(Duration timeout) {
        int validSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        CompletableFuture<@Nullable String> attempt = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            String reason;
            try (Connection connection = engine.connect()) {
                // The driver's connection as it is, with no transaction begun around the check.
                java.sql.Connection jdbc = connection instanceof DefaultConnection
                        ? ((DefaultConnection) connection).jdbc() : connection.jdbcConnection();
                reason = jdbc.isValid(validSeconds) ? null
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
