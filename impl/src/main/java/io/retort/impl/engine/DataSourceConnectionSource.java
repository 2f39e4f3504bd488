package io.retort.impl.engine;

import io.retort.exception.ConfigurationException;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Connections from a {@link DataSource} the application or its container owns and pools: taken from it and closed
 * back into it; the data source itself is never closed here. Thread-safe as the data source is.
 */
final class DataSourceConnectionSource implements ConnectionSource {
    private final DataSource dataSource;

    DataSourceConnectionSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The dialect of the database behind a data source, from its product name.
     *
     * @throws ConfigurationException if the database cannot be reached or is not one Retort knows
     */
    static String detectDialect(DataSource dataSource) {
        String product;
        try (java.sql.Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new ConfigurationException("Could not connect to the DataSource " + dataSource + " to tell its"
                    + " database: " + e.getMessage() + "; name the dialect instead (retort.dialect in CDI)", e);
        }
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return "postgresql";
        }
        if (name.contains("mariadb")) {
            return "mariadb";
        }
        if (name.contains("mysql")) {
            return "mysql";
        }
        if (name.contains("h2")) {
            return "h2";
        }
        if (name.contains("sqlite")) {
            return "sqlite";
        }
        throw new ConfigurationException("The DataSource " + dataSource + " is a " + product + " database, which"
                + " Retort does not support; it supports PostgreSQL, MariaDB, MySQL, H2 and SQLite");
    }

    @Override
    public java.sql.Connection acquire() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public java.sql.Connection openUnpooled() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        // The data source belongs to its owner, who closes it.
    }
}
