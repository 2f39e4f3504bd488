package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import io.retort.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The registry of dialects and drivers: turns a {@link DatabaseUrl} into a {@link Dialect} and a {@link JdbcTarget}.
 *
 * <p>SQLAlchemy URLs name a Python DB-API driver after the {@code +}; each such name is accepted as an alias of the
 * JDBC driver for the same database ({@code postgresql+psycopg2} and {@code postgresql+asyncpg} both use pgjdbc).
 * An unknown dialect or driver is a {@link ConfigurationException} that lists the supported ones.
 */
public final class Drivers {

    /** A JDBC driver and the names it answers to in URLs. */
    record Driver(String name, List<String> aliases, String driverClassName, String artifact,
            Function<String, Dialect> dialectFactory, String jdbcScheme) {
        boolean answersTo(String candidate) {
            return name.equals(candidate) || aliases.contains(candidate);
        }
    }

    /** A dialect and its drivers, the first being the default. */
    record Backend(String name, List<Driver> drivers) {
    }

    private static final Map<String, Backend> BACKENDS = new LinkedHashMap<>();

    static {
        Driver sqlite = new Driver("sqlite-jdbc", List.of("pysqlite", "aiosqlite", "xerial"), "org.sqlite.JDBC",
                "org.xerial:sqlite-jdbc", scheme -> new SqliteDialect(), "sqlite");
        Driver h2 = new Driver("h2", List.of(), "org.h2.Driver", "com.h2database:h2",
                scheme -> new H2Dialect(), "h2");
        Driver pgjdbc = new Driver("pgjdbc", List.of("psycopg2", "psycopg", "psycopg2cffi", "asyncpg", "pg8000",
                "postgresql"), "org.postgresql.Driver", "org.postgresql:postgresql",
                scheme -> new PostgresqlDialect(), "postgresql");
        List<String> mariaDbAliases = List.of("mariadbconnector", "pymysql", "mysqldb", "aiomysql", "asyncmy",
                "cymysql", "mariadb");
        String mariaDbDriver = "org.mariadb.jdbc.Driver";
        String mariaDbArtifact = "org.mariadb.jdbc:mariadb-java-client";
        List<String> connectorJAliases = List.of("mysqlconnector", "connectorj", "mysql");
        String connectorJDriver = "com.mysql.cj.jdbc.Driver";
        String connectorJArtifact = "com.mysql:mysql-connector-j";

        register(new Backend("sqlite", List.of(sqlite)));
        register(new Backend("h2", List.of(h2)));
        register(new Backend("postgresql", List.of(pgjdbc)));
        register(new Backend("mysql", List.of(
                new Driver("mariadb-connector", mariaDbAliases, mariaDbDriver, mariaDbArtifact,
                        MySqlDialect::new, "mariadb"),
                new Driver("mysql-connector", connectorJAliases, connectorJDriver, connectorJArtifact,
                        MySqlDialect::new, "mysql"))));
        register(new Backend("mariadb", List.of(
                new Driver("mariadb-connector", mariaDbAliases, mariaDbDriver, mariaDbArtifact,
                        MariaDbDialect::new, "mariadb"),
                new Driver("mysql-connector", connectorJAliases, connectorJDriver, connectorJArtifact,
                        MariaDbDialect::new, "mysql"))));
    }

    private static void register(Backend backend) {
        BACKENDS.put(backend.name(), backend);
    }

    private Drivers() {
    }

    /** A dialect with the JDBC target an engine opens connections to. */
    public record Resolved(Dialect dialect, JdbcTarget target) {
    }

    /**
     * Resolves a URL.
     *
     * @param url the parsed URL
     * @param connectArgs extra connection properties, overriding the URL's query keys
     * @throws ConfigurationException for an unknown dialect or driver, or a driver missing from the class path
     */
    public static Resolved resolve(DatabaseUrl url, Map<String, String> connectArgs) {
        String givenJdbcUrl = url.jdbcUrl();
        if (givenJdbcUrl != null) {
            return resolveJdbc(url, givenJdbcUrl, connectArgs);
        }
        Backend backend = BACKENDS.get(url.backendName());
        if (backend == null) {
            throw new ConfigurationException("Unknown database dialect '" + url.backendName() + "' in URL '" + url
                    + "'; supported dialects: " + String.join(", ", new TreeSet<>(BACKENDS.keySet()))
                    + " (or a jdbc: URL)");
        }
        Driver driver = backend.drivers().get(0);
        String requested = url.driverName();
        if (requested != null) {
            driver = backend.drivers().stream().filter(d -> d.answersTo(requested.toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> unknownDriver(backend, requested, url));
        }
        Dialect dialect = driver.dialectFactory().apply(driver.jdbcScheme());
        String jdbcUrl = dialect.jdbcUrl(url);
        Properties properties = new Properties();
        dialect.addDefaultProperties(properties);
        url.query().forEach((key, values) -> {
            if (!ENGINE_QUERY_KEYS.contains(key)) {
                properties.setProperty(key, values.get(values.size() - 1));
            }
        });
        if (url.username() != null) {
            properties.setProperty("user", url.username());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        connectArgs.forEach(properties::setProperty);
        checkDriverPresent(driver.driverClassName(), driver.artifact(), dialect.name());
        return new Resolved(dialect, new JdbcTarget(jdbcUrl, driver.driverClassName(), properties,
                dialect.isInMemory(jdbcUrl)));
    }

    /** URL query keys that are engine options, not JDBC connection properties. */
    public static final java.util.Set<String> ENGINE_QUERY_KEYS = java.util.Set.of("statement_cache_size");

    private static Resolved resolveJdbc(DatabaseUrl url, String jdbcUrl, Map<String, String> connectArgs) {
        String subprotocol = url.backendName();
        Dialect dialect;
        String driverClass;
        String artifact;
        Properties properties = new Properties();
        switch (subprotocol) {
            case "sqlite":
                dialect = new SqliteDialect();
                driverClass = "org.sqlite.JDBC";
                artifact = "org.xerial:sqlite-jdbc";
                break;
            case "h2":
                dialect = new H2Dialect();
                driverClass = "org.h2.Driver";
                artifact = "com.h2database:h2";
                break;
            case "postgresql":
                dialect = new PostgresqlDialect();
                driverClass = "org.postgresql.Driver";
                artifact = "org.postgresql:postgresql";
                break;
            case "mariadb":
                dialect = new MariaDbDialect("mariadb");
                driverClass = "org.mariadb.jdbc.Driver";
                artifact = "org.mariadb.jdbc:mariadb-java-client";
                break;
            case "mysql":
                dialect = new MySqlDialect("mysql");
                if (isPresent("com.mysql.cj.jdbc.Driver")) {
                    driverClass = "com.mysql.cj.jdbc.Driver";
                    artifact = "com.mysql:mysql-connector-j";
                } else {
                    // MariaDB Connector/J takes jdbc:mysql: URLs when told to.
                    driverClass = "org.mariadb.jdbc.Driver";
                    artifact = "org.mariadb.jdbc:mariadb-java-client (or com.mysql:mysql-connector-j)";
                    properties.setProperty("permitMysqlScheme", "true");
                }
                break;
            default:
                throw new ConfigurationException("Unsupported JDBC URL '" + url + "': Retort has no dialect for the '"
                        + subprotocol + "' subprotocol; supported: jdbc:sqlite:, jdbc:h2:, jdbc:postgresql:, "
                        + "jdbc:mariadb:, jdbc:mysql:");
        }
        dialect.addDefaultProperties(properties);
        connectArgs.forEach(properties::setProperty);
        checkDriverPresent(driverClass, artifact, dialect.name());
        return new Resolved(dialect, new JdbcTarget(jdbcUrl, driverClass, properties, dialect.isInMemory(jdbcUrl)));
    }

    private static ConfigurationException unknownDriver(Backend backend, String requested, DatabaseUrl url) {
        List<String> names = new ArrayList<>();
        for (Driver driver : backend.drivers()) {
            names.add(driver.name() + (driver.aliases().isEmpty() ? "" : " (aliases: "
                    + String.join(", ", driver.aliases()) + ")"));
        }
        return new ConfigurationException("Unknown driver '" + requested + "' for dialect '" + backend.name()
                + "' in URL '" + url + "'; supported drivers: " + String.join("; ", names));
    }

    private static void checkDriverPresent(String driverClass, String artifact, String dialect) {
        if (!isPresent(driverClass)) {
            throw new ConfigurationException("The JDBC driver for " + dialect + " (" + driverClass
                    + ") is not on the class path; add the dependency " + artifact);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, contextLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The class loader drivers are loaded from: the thread's context loader, else this library's. */
    public static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Drivers.class.getClassLoader();
    }

    /**
     * A dialect by name, for work without a database (printing DDL).
     *
     * @throws ConfigurationException for an unknown name, listing the known ones
     */
    public static Dialect dialect(String name) {
        Backend backend = BACKENDS.get(name);
        if (backend == null) {
            throw new ConfigurationException("Unknown dialect '" + name + "'; supported dialects: "
                    + String.join(", ", new TreeSet<>(BACKENDS.keySet())));
        }
        Driver driver = backend.drivers().get(0);
        return driver.dialectFactory().apply(driver.jdbcScheme());
    }

    /** {@code host[:port]} for a server URL, bracketing IPv6 hosts. */
    static String hostAndPort(DatabaseUrl url, String defaultHost) {
        @Nullable String host = url.host();
        String rendered = host == null ? defaultHost : host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return url.port() == null ? rendered : rendered + ":" + url.port();
    }

    /** The {@code XADataSource} class of each JDBC driver that has one. */
    private static final Map<String, String> XA_DATA_SOURCES = Map.of(
            "org.postgresql.Driver", "org.postgresql.xa.PGXADataSource",
            "org.h2.Driver", "org.h2.jdbcx.JdbcDataSource",
            "org.mariadb.jdbc.Driver", "org.mariadb.jdbc.MariaDbDataSource",
            "com.mysql.cj.jdbc.Driver", "com.mysql.cj.jdbc.MysqlXADataSource");

    /**
     * The {@code XADataSource} class of a JDBC driver, for connections that take part in two-phase commit.
     *
     * @throws ConfigurationException if the database or driver has none
     */
    public static String xaDataSourceClassName(Dialect dialect, String driverClassName) {
        String xa = XA_DATA_SOURCES.get(driverClassName);
        if (xa == null) {
            throw new ConfigurationException(dialect.name() + " (driver " + driverClassName + ") has no"
                    + " XA data source, so its connections cannot take part in a two-phase commit; use PostgreSQL,"
                    + " MariaDB/MySQL or H2, or a transaction coordinator without XA");
        }
        return xa;
    }
}
