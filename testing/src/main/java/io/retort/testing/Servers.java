package io.retort.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds each database once per JVM, creates the {@code retort_test} database on servers, and empties it before each
 * test.
 */
final class Servers {
    static final String TEST_DATABASE = "retort_test";
    private static final AtomicLong RUNS = new AtomicLong();
    private static final Map<TestDatabase, Availability> FOUND = new EnumMap<>(TestDatabase.class);
    private static @Nullable EmbeddedPostgres embedded;
    private static @Nullable Path sqliteDirectory;

    /** Whether a database can be used, and if so at which Retort URL; otherwise why not. */
    record Availability(@Nullable String url, String reason) {
        boolean available() {
            return url != null;
        }
    }

    private Servers() {
    }

    static Set<TestDatabase> required() {
        String value = System.getProperty(TestEnvironment.REQUIRE_PROPERTY,
                TestEnvironment.get(TestEnvironment.REQUIRE));
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> TestDatabase.valueOf(s.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
    }

    static synchronized Availability find(TestDatabase database) {
        return FOUND.computeIfAbsent(database, Servers::locate);
    }

    private static Availability locate(TestDatabase database) {
        switch (database) {
            case SQLITE:
            case H2:
                return new Availability("embedded", "embedded");
            case POSTGRESQL:
                return locatePostgresql();
            default:
                return locateMariaDb();
        }
    }

    private static Availability locatePostgresql() {
        String configured = TestEnvironment.get(TestEnvironment.POSTGRESQL_URL);
        if (configured != null) {
            return new Availability(configured, TestEnvironment.POSTGRESQL_URL);
        }
        if (reachable("127.0.0.1", 5432)) {
            String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
            try {
                createDatabase(admin, "postgres", "CREATE DATABASE " + TEST_DATABASE, "42P04");
                return new Availability("postgresql://postgres@127.0.0.1:5432/" + TEST_DATABASE, "local server");
            } catch (SQLException e) {
                return new Availability(null, "PostgreSQL at 127.0.0.1:5432 answered, but " + e.getMessage());
            }
        }
        if (required().contains(TestDatabase.POSTGRESQL)) {
            return new Availability(null, "no PostgreSQL server answers at 127.0.0.1:5432 and"
                    + " " + TestEnvironment.POSTGRESQL_URL + " is not set");
        }
        try {
            System.out.println("[retort-testing] No PostgreSQL server at 127.0.0.1:5432: starting an embedded one");
            embedded = EmbeddedPostgres.builder().start();
            int port = embedded.getPort();
            createDatabase("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                    "CREATE DATABASE " + TEST_DATABASE, "42P04");
            Runtime.getRuntime().addShutdownHook(new Thread(Servers::stopEmbedded));
            return new Availability("postgresql://postgres@127.0.0.1:" + port + "/" + TEST_DATABASE, "embedded");
        } catch (IOException | SQLException | RuntimeException e) {
            return new Availability(null, "no PostgreSQL server answers at 127.0.0.1:5432 and the embedded"
                    + " PostgreSQL could not start: " + e);
        }
    }

    private static void stopEmbedded() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } catch (IOException e) {
            System.err.println("[retort-testing] Could not stop the embedded PostgreSQL: " + e);
        }
    }

    private static Availability locateMariaDb() {
        String configured = TestEnvironment.get(TestEnvironment.MARIADB_URL);
        if (configured != null) {
            return new Availability(configured, TestEnvironment.MARIADB_URL);
        }
        if (reachable("127.0.0.1", 3306)) {
            try {
                createDatabase("jdbc:mariadb://127.0.0.1:3306/", "root",
                        "CREATE DATABASE IF NOT EXISTS " + TEST_DATABASE, null);
                return new Availability("mariadb://root@127.0.0.1:3306/" + TEST_DATABASE, "local server");
            } catch (SQLException e) {
                return new Availability(null, "MariaDB at 127.0.0.1:3306 answered, but " + e.getMessage());
            }
        }
        return new Availability(null, "no MariaDB server answers at 127.0.0.1:3306 and " + TestEnvironment.MARIADB_URL
                + " is not set");
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void createDatabase(String jdbcUrl, String user, String sql, @Nullable String alreadyExists)
            throws SQLException {
        try (java.sql.Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (alreadyExists == null || !alreadyExists.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** A URL for one test run: a fresh embedded database, or the emptied server database. */
    static String prepareRun(TestDatabase database, Availability availability) throws SQLException, IOException {
        long run = RUNS.incrementAndGet();
        switch (database) {
            case SQLITE:
                // sqlite:////tmp/x.db: the fourth slash starts the absolute path.
                return "sqlite:///" + sqliteFile(run) + "?synchronous=OFF";
            case H2:
                return "h2:mem:retort-test-" + run;
            case POSTGRESQL:
                String postgresql = serverUrl(database, availability);
                emptyServerDatabase(postgresql, "DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public");
                return postgresql;
            default:
                String url = serverUrl(database, availability);
                String name = String.valueOf(io.retort.engine.DatabaseUrl.parse(url).database());
                emptyServerDatabase(url, "DROP DATABASE IF EXISTS `" + name + "`", "CREATE DATABASE `" + name + "`");
                return url;
        }
    }

    /** The server's URL; the extension prepares runs only on the databases it found available. */
    private static String serverUrl(TestDatabase database, Availability availability) {
        String url = availability.url();
        if (url == null) {
            throw new IllegalStateException("A run on " + database + " was prepared, but it is not available: "
                    + availability.reason());
        }
        return url;
    }

    private static synchronized String sqliteFile(long run) throws IOException {
        if (sqliteDirectory == null) {
            sqliteDirectory = Files.createTempDirectory("retort-sqlite-");
            sqliteDirectory.toFile().deleteOnExit();
        }
        Path file = sqliteDirectory.resolve("test-" + run + ".db");
        file.toFile().deleteOnExit();
        return file.toAbsolutePath().toString();
    }

    private static void emptyServerDatabase(@Nullable String url, String... statements) throws SQLException {
        io.retort.engine.DatabaseUrl parsed = io.retort.engine.DatabaseUrl.parse(String.valueOf(url));
        String jdbc;
        if (parsed.isJdbc()) {
            jdbc = String.valueOf(parsed.jdbcUrl());
        } else {
            String scheme = parsed.backendName().equals("postgresql") ? "postgresql" : "mariadb";
            String database = parsed.backendName().equals("postgresql") ? String.valueOf(parsed.database()) : "";
            jdbc = "jdbc:" + scheme + "://" + parsed.host() + (parsed.port() == null ? "" : ":" + parsed.port())
                    + "/" + database;
        }
        try (java.sql.Connection connection = DriverManager.getConnection(jdbc,
                parsed.username() == null ? null : parsed.username(),
                parsed.password() == null ? "" : parsed.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
