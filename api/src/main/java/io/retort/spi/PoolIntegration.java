package io.retort.spi;

import io.retort.exception.ConfigurationException;
import java.util.Objects;

/**
 * What an engine's connection pool enlists its connections in external transactions with. The API cannot name the
 * pool's own type (it depends on the JDK only), so the integration is carried here and taken out by the pool with
 * {@link #unwrap(Class)}, as JDBC's {@code Wrapper} does: {@code retort-impl}'s pool is Agroal, which unwraps an
 * {@code io.agroal.api.transaction.TransactionIntegration}, and {@code retort-jta} hands it Agroal's Narayana
 * integration. Immutable and thread-safe.
 */
public final class PoolIntegration {
    private final Object integration;

    private PoolIntegration(Object integration) {
        this.integration = Objects.requireNonNull(integration, "integration");
    }

    /**
     * Carries a pool's own integration object, e.g. an {@code io.agroal.api.transaction.TransactionIntegration}.
     */
    public static PoolIntegration of(Object poolSpecific) {
        return new PoolIntegration(poolSpecific);
    }

    /**
     * The integration as the type the pool needs.
     *
     * @throws ConfigurationException naming both types when the integration is not of that type (a coordinator
     *         made for another pool)
     */
    public <T> T unwrap(Class<T> type) {
        if (!type.isInstance(integration)) {
            throw new ConfigurationException("The transaction coordinator's pool integration is a "
                    + integration.getClass().getName() + ", but the pool needs an " + type.getName()
                    + ": use a coordinator made for this pool (retort-jta's JtaTransactionCoordinator for Agroal)");
        }
        return type.cast(integration);
    }

    @Override
    public String toString() {
        return "PoolIntegration[" + integration.getClass().getName() + "]";
    }
}
