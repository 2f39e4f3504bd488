package io.retort.impl.pool;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration.TransactionIsolation;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.api.transaction.TransactionIntegration;
import io.retort.engine.IsolationLevel;
import io.retort.exception.ConfigurationException;
import io.retort.impl.dialect.Drivers;
import io.retort.impl.engine.ConnectionSource;
import io.retort.impl.engine.PoolEvents;
import io.retort.impl.engine.PoolSettings;
import io.retort.spi.PoolIntegration;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A {@link ConnectionSource} backed by an Agroal pool, configured from SQLAlchemy's pool options:
 *
 * <ul>
 *   <li>{@code poolSize + maxOverflow} is Agroal's maximum size. Connections are opened on demand (none at start),
 *       and any connection, within the pool size or not, is closed once it sat idle for {@code poolIdleTimeout}
 *       (Agroal's reap timeout; Agroal's minimum size is 0, since a minimum is opened in advance). Unlike
 *       SQLAlchemy's {@code QueuePool}, which closes an overflow connection as soon as it is returned, the pool
 *       keeps up to {@code poolSize + maxOverflow} connections after a burst until they have been idle that
 *       long.</li>
 *   <li>{@code poolTimeout} is Agroal's acquisition timeout.</li>
 *   <li>{@code poolRecycle} is Agroal's maximum lifetime: an older connection is closed when it is next idle.</li>
 *   <li>{@code poolPrePing} validates each connection as it is taken ({@link java.sql.Connection#isValid}); a dead
 *       one is discarded and another is taken, so the caller never sees it.</li>
 *   <li>A connection on which the dialect saw a disconnect error is discarded when it is returned; then the idle
 *       ones are closed too ({@link #discardIdle()}), and those in use when they are returned.</li>
 * </ul>
 * Connections come with auto-commit off: Retort's connections begin transactions implicitly.
 */
public final class AgroalConnectionSource implements ConnectionSource {
    private final AgroalDataSource dataSource;
    private final PoolSettings settings;
    private final PoolWatcher watcher = new PoolWatcher();

    /**
     * Builds the pool; no connection is opened yet.
     *
     * @throws ConfigurationException if Agroal rejects the configuration
     */
    public AgroalConnectionSource(PoolSettings settings) {
        this.settings = settings;
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(false)
                .connectionPoolConfiguration(pool -> {
                    pool.maxSize(settings.poolSize() + settings.maxOverflow())
                            .minSize(0)
                            .initialSize(0)
                            .acquisitionTimeout(settings.timeout())
                            .reapTimeout(settings.idleTimeout())
                            // A connection that failed with a disconnect error is discarded when it is returned.
                            .exceptionSorter(settings.isDisconnect()::test);
                    if (settings.recycle() != null) {
                        pool.maxLifetime(settings.recycle());
                    }
                    if (settings.prePing()) {
                        pool.validateOnBorrow(true).connectionValidator(ConnectionValidator.defaultValidator());
                    }
                    PoolIntegration integration = settings.transactionIntegration();
                    if (integration != null) {
                        // Connections taken inside a JTA transaction are enlisted in it; the transaction manager's
                        // commit and rollback decide their work.
                        pool.transactionIntegration(integration.unwrap(TransactionIntegration.class));
                    }
                    pool.connectionFactoryConfiguration(factory -> {
                        String provider = settings.xaDataSourceClassName() != null ? settings.xaDataSourceClassName()
                                : settings.target().driverClassName();
                        factory.jdbcUrl(settings.target().jdbcUrl())
                                .connectionProviderClass(driverClass(provider))
                                .autoCommit(settings.isolationLevel() == IsolationLevel.AUTOCOMMIT);
                        IsolationLevel level = settings.isolationLevel();
                        if (level != null && level != IsolationLevel.AUTOCOMMIT) {
                            factory.jdbcTransactionIsolation(TransactionIsolation.fromLevel(level.jdbcLevel()));
                        }
                        Properties properties = settings.target().properties();
                        for (String key : properties.stringPropertyNames()) {
                            // Agroal takes the credentials as a principal and a credential, not as properties.
                            if (key.equals("user")) {
                                factory.principal(new NamePrincipal(properties.getProperty(key)));
                            } else if (key.equals("password")) {
                                factory.credential(new SimplePassword(properties.getProperty(key)));
                            } else {
                                factory.jdbcProperty(key, properties.getProperty(key));
                            }
                        }
                        return factory;
                    });
                    return pool;
                });
        try {
            this.dataSource = AgroalDataSource.from(configuration, watcher);
        } catch (SQLException | RuntimeException e) {
            throw new ConfigurationException("Could not create the connection pool for "
                    + settings.target().jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private static Class<?> driverClass(String name) {
        try {
            return Class.forName(name, true, Drivers.contextLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException("The JDBC driver class " + name + " is not on the class path; add its"
                    + " driver to the application's run-time class path", e);
        }
    }

    @Override
    public java.sql.Connection acquire() throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            // Agroal reports an exhausted pool with a plain SQLException and no SQLSTATE.
            if (e.getSQLState() == null && e.getMessage() != null && e.getMessage().contains("acquisition timeout")) {
                throw new PoolExhaustedException(e);
            }
            throw e;
        }
    }

    @Override
    public void observe(PoolEvents events) {
        watcher.observe(events);
    }

    @Override
    public int openConnections() {
        return watcher.open();
    }

    @Override
    public java.sql.Connection openUnpooled() throws SQLException {
        try {
            Driver driver = (Driver) driverClass(settings.target().driverClassName()).getDeclaredConstructor()
                    .newInstance();
            java.sql.Connection connection = driver.connect(settings.target().jdbcUrl(),
                    settings.target().properties());
            if (connection == null) {
                throw new SQLException("The driver " + settings.target().driverClassName()
                        + " does not accept the URL " + settings.target().jdbcUrl(), "08001");
            }
            return connection;
        } catch (ReflectiveOperationException e) {
            throw new ConfigurationException("Could not instantiate the JDBC driver "
                    + settings.target().driverClassName() + ": " + e, e);
        }
    }

    /**
     * Agroal's wrappers check a deferred JTA enlistment and mark a connection whose call failed with a disconnect,
     * on every getter and setter. Without a transaction integration there is no enlistment to check, and Retort
     * discards a disconnected connection itself, so values go to and come from the driver's objects directly (the
     * JDBC objects loop of the benchmarks spent a third of its time in the wrappers).
     */
    @Override
    public boolean valuesBypassWrappers() {
        return settings.transactionIntegration() == null;
    }

    /**
     * Agroal opens each connection in the configured auto-commit mode and, when a connection whose mode was changed
     * through its wrapper is returned, sets it back. With a transaction integration, enlistment changes the mode, so
     * Retort asks each connection then.
     */
    @Override
    public boolean handsOutConfiguredAutoCommit() {
        return settings.transactionIntegration() == null;
    }

    /** Closes the idle connections now, and those in use when they are returned (Agroal's graceful flush). */
    @Override
    public void discardIdle() {
        dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
