package io.retort.impl.dialect;

import io.retort.exception.ConfigurationException;
import java.sql.SQLException;

/** MariaDB: the MySQL dialect, checked at first connect to be talking to a MariaDB server. */
public class MariaDbDialect extends MySqlDialect {

    /** A MariaDB dialect whose driver takes {@code jdbc:<jdbcScheme>://} URLs. */
    public MariaDbDialect(String jdbcScheme) {
        super(jdbcScheme);
    }

    @Override
    public String name() {
        return "mariadb";
    }

    /** A mariadb:// engine talks to MariaDB, which initialize() checks. */
    @Override
    public boolean isMariaDb() {
        return true;
    }

    @Override
    public void initialize(java.sql.Connection connection) throws SQLException {
        super.initialize(connection);
        if (!serverReportsMariaDb()) {
            throw new ConfigurationException("The URL asks for the mariadb dialect, but the server reports version '"
                    + serverVersion() + "', which is not MariaDB; use a mysql:// URL for a MySQL server");
        }
    }

}
