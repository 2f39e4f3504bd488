package io.retort.impl.engine;

import io.retort.engine.IsolationLevel;
import io.retort.impl.dialect.JdbcTarget;
import io.retort.spi.PoolIntegration;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the pool needs to know: the JDBC target and SQLAlchemy's pool options.
 *
 * @param target the JDBC URL, driver and properties
 * @param poolSize connections kept for reuse
 * @param maxOverflow connections allowed beyond {@code poolSize}
 * @param timeout how long to wait for a free connection
 * @param recycle replace connections older than this, or null
 * @param prePing validate each connection when it is taken
 * @param isolationLevel the isolation level of new connections, or null for the database's default
 * @param isDisconnect tells whether an exception means the connection is dead and must be discarded
 * @param transactionIntegration what the pool enlists connections in external (JTA) transactions with, or null
 * @param xaDataSourceClassName the driver's XADataSource class when connections must be XA, or null
 * @param idleTimeout how long a connection may sit idle in the pool before it is closed
 */
public record PoolSettings(JdbcTarget target, int poolSize, int maxOverflow, Duration timeout,
        @Nullable Duration recycle, boolean prePing, @Nullable IsolationLevel isolationLevel,
        Predicate<SQLException> isDisconnect, @Nullable PoolIntegration transactionIntegration,
        @Nullable String xaDataSourceClassName, Duration idleTimeout) {
}
