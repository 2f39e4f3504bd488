package io.retort.cdi.internal;

import io.retort.engine.ConnectionCheck;
import io.retort.engine.Engine;
import io.retort.engine.PoolStatus;
import io.retort.exception.ConfigurationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The MicroProfile Health readiness check of one database: {@code UP} when a connection can be taken from its
 * engine's pool and validated within {@code retort.health.timeout} (default 5 s), {@code DOWN} with the reason
 * otherwise; either way with the pool's figures. {@code retort.health.enabled=false} reports {@code UP} without
 * checking. Both keys are read at each call (never at build time), by {@link SettingsReader} as every other key; a
 * value that is not valid is {@code DOWN} with the reason naming the property. Added as a bean by
 * {@link HealthSupport} only when the MicroProfile Health API is on the class path. Thread-safe.
 */
public final class EngineReadinessCheck implements HealthCheck {
    /** The timeout when {@code retort.health.timeout} is not set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final Supplier<Engine> engine;

    /**
     * A check of the database {@code name} (empty for the default one).
     *
     * @param engine finds the database's engine (its bean), at each call
     */
    public EngineReadinessCheck(String name, Supplier<Engine> engine) {
        this.name = name;
        this.engine = engine;
    }

    /** The check of the database {@code name}, on the engine bean of that database. */
    public static EngineReadinessCheck of(String name, jakarta.enterprise.inject.Instance<Object> lookup) {
        jakarta.enterprise.inject.Instance<Engine> engine = lookup.select(Engine.class, RetortBeans.qualifier(name));
        return new EngineReadinessCheck(name, engine::get);
    }

    /** The check's name: {@code retort} for the default database, {@code retort-<name>} for a named one. */
    public String checkName() {
        return name.isEmpty() ? "retort" : "retort-" + name;
    }

    @Override
    public HealthCheckResponse call() {
        SettingsReader settings = new SettingsReader(ConfigProvider.getConfig());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("database", DatabaseSettings.description(name));
        boolean enabled;
        Duration timeout;
        try {
            enabled = settings.healthEnabled(name);
            timeout = settings.healthTimeout(name).orElse(DEFAULT_TIMEOUT);
        } catch (ConfigurationException e) {
            // A value changed to an invalid one since the start: reported, never read as some other value.
            data.put("reason", e.getClass().getSimpleName() + ": " + e.getMessage());
            return new HealthCheckResponse(checkName(), HealthCheckResponse.Status.DOWN, Optional.of(data));
        }
        if (!enabled) {
            data.put("checked", false);
            return new HealthCheckResponse(checkName(), HealthCheckResponse.Status.UP, Optional.of(data));
        }
        ConnectionCheck check;
        try {
            check = engine.get().check(timeout);
        } catch (RuntimeException e) {
            // The engine itself could not be made (its configuration, say).
            data.put("reason", e.getClass().getSimpleName() + ": " + e.getMessage());
            return new HealthCheckResponse(checkName(), HealthCheckResponse.Status.DOWN, Optional.of(data));
        }
        if (check.reason() != null) {
            data.put("reason", check.reason());
        }
        data.put("elapsed-ms", check.elapsedMillis());
        PoolStatus pool = check.pool();
        data.put("pool.max", (long) pool.poolSize() + pool.maxOverflow());
        if (pool.open() >= 0) {
            data.put("pool.size", (long) pool.open());
            data.put("pool.idle", (long) pool.idle());
        }
        data.put("pool.in-use", (long) pool.checkedOut());
        data.put("pool.waiting", (long) pool.waiting());
        return new HealthCheckResponse(checkName(),
                check.up() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
