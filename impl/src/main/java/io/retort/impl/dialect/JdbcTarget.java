package io.retort.impl.dialect;

import java.util.Properties;

/**
 * Where and how to open JDBC connections for an engine.
 *
 * @param jdbcUrl the JDBC URL
 * @param driverClassName the {@code java.sql.Driver} class
 * @param properties connection properties (user, password, the URL's query keys, connect args)
 * @param inMemory whether the database lives in memory and must be kept open for the engine's lifetime
 */
public record JdbcTarget(String jdbcUrl, String driverClassName, Properties properties, boolean inMemory) {
}
