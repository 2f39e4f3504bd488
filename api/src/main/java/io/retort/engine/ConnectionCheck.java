package io.retort.engine;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link Engine#check(Duration)}: whether a connection could be taken and validated in time, why not,
 * and the pool's figures. A readiness check reports it (Retort's CDI extension does, through MicroProfile Health).
 * The check itself runs in the implementation.
 *
 * @param up whether a connection was taken and {@link java.sql.Connection#isValid} said yes within the time
 * @param reason why the check failed, or {@code null} when it passed
 * @param elapsedMillis how long the check took
 * @param pool the pool's figures after the check
 */
public record ConnectionCheck(boolean up, @Nullable String reason, long elapsedMillis, PoolStatus pool) {
}
