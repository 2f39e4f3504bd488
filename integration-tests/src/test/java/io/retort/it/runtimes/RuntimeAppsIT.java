package io.retort.it.runtimes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the example REST apps of {@code examples/quarkus} and {@code examples/helidon}, built by this reactor,
 * started as a user starts them ({@code java -jar}), driven over HTTP against PostgreSQL, checked in the database, and
 * stopped. The Quarkus app is built once and run against two databases, changing only {@code RETORT_URL}. Helidon 4
 * runs on a JDK 21+ ({@link Jdks#jdk21}). Each run prints its startup time and requests per second.
 */
class RuntimeAppsIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path QUARKUS_JAR = ROOT.resolve("examples/quarkus/target/quarkus-app/quarkus-run.jar");
    private static final Path HELIDON_JAR = ROOT.resolve("examples/helidon/target/retort-example-helidon.jar");
    private static final Path PANACHE_JAR = ROOT.resolve(
            "benchmarks/runtimes/quarkus-panache/target/quarkus-app/quarkus-run.jar");
    private static final Path JPA_JAR = ROOT.resolve(
            "benchmarks/runtimes/helidon-jpa/target/retort-comparison-helidon-jpa.jar");
    private static final int REQUESTS = 500;
    private static final int CONCURRENCY = 20;

    @BeforeAll
    static void startFigures() throws IOException {
        Files.deleteIfExists(Path.of("target", "runtime-apps.txt"));
    }

    @Test
    void quarkusAppBuiltOnceRunsOnTwoDatabasesChangingOnlyRetortUrl() throws Exception {
        assertBuilt(QUARKUS_JAR, "examples/quarkus");
        for (String suffix : List.of("quarkus_a", "quarkus_b")) {
            Postgres database = Postgres.fresh(suffix);
            try (RunningApp app = RunningApp.start("quarkus-" + suffix,
                    List.of(Jdks.current(), "-jar", QUARKUS_JAR.toString()),
                    Map.of("RETORT_URL", database.retortUrl()), "QUARKUS_HTTP_PORT", "/users/seeded")) {
                exercise(app, database, "Quarkus");
            }
            assertThat(database.connections()).as("connections left after the app stopped").isZero();
        }
    }

    @Test
    void helidonAppFindsItsMappedClassesWithoutRetortPackages() throws Exception {
        assertBuilt(HELIDON_JAR, "examples/helidon");
        Postgres database = Postgres.fresh("helidon");
        try (RunningApp app = RunningApp.start("helidon", List.of(Jdks.jdk21(), "-jar", HELIDON_JAR.toString()),
                Map.of("RETORT_URL", database.retortUrl()), "SERVER_PORT", "/users/seeded")) {
            exercise(app, database, "Helidon");
        }
        assertThat(database.connections()).as("connections left after the app stopped").isZero();
    }

    /**
     * The same app on Hibernate ORM (Panache on Quarkus, JPA on Helidon), driven the same way in the same run, for
     * the startup and requests-per-second figures side by side.
     */
    @Test
    void theSameAppsOnHibernateOrmForComparison() throws Exception {
        assertBuilt(PANACHE_JAR, "benchmarks/runtimes/quarkus-panache");
        assertBuilt(JPA_JAR, "benchmarks/runtimes/helidon-jpa");
        Postgres panache = Postgres.fresh("panache");
        try (RunningApp app = RunningApp.start("quarkus-panache",
                List.of(Jdks.current(), "-jar", PANACHE_JAR.toString()),
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", panache.jdbcUrl()), "QUARKUS_HTTP_PORT", "/users/seeded")) {
            exercise(app, panache, "Quarkus");
        }
        Postgres jpa = Postgres.fresh("jpa");
        // Helidon's DataSource extension reads its keys by name, so the URL comes as a system property.
        try (RunningApp app = RunningApp.start("helidon-jpa", List.of(Jdks.jdk21(),
                "-Djavax.sql.DataSource.app.dataSource.url=" + jpa.jdbcUrl(), "-jar", JPA_JAR.toString()),
                Map.of(), "SERVER_PORT", "/users/seeded")) {
            exercise(app, jpa, "Helidon");
        }
    }

    private static void assertBuilt(Path jar, String module) {
        assertThat(jar).as("the app of %s; build it first: mvn -B verify (or mvn -pl %s -am package)", module,
                module).exists();
    }

    /** Everything issue 22 asks of a running app; returns after the checks, the app still running. */
    static void exercise(RunningApp app, Postgres database, String runtime) throws Exception {
        String library = app.name.contains("panache") ? "Hibernate ORM (Panache)"
                : app.name.contains("jpa") ? "Hibernate ORM (JPA)" : "Retort";
        // The startup observer stored a user through @Inject Session inside @Transactional, outside any request.
        HttpResponse<String> seeded = app.get("/users/seeded");
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
        assertThat(seeded.body()).contains("\"requestContextActiveAtStart\":false");
        int seededId = number(seeded.body(), "id");
        assertThat(database.names("SELECT name FROM user_account WHERE id = " + seededId)).containsExactly("started");

        // Create and read over HTTP.
        HttpResponse<String> created = app.post("/users",
                "{\"name\":\"spongebob\",\"fullname\":\"Spongebob Squarepants\",\"email\":\"spongebob@sqlalchemy.org\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int id = number(created.body(), "id");
        HttpResponse<String> read = app.get("/users/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"name\":\"spongebob\"", "\"fullname\":\"Spongebob Squarepants\"",
                "\"emails\":[\"spongebob@sqlalchemy.org\"]");
        assertThat(database.names("SELECT email_address FROM address WHERE user_id = " + id))
                .containsExactly("spongebob@sqlalchemy.org");

        // A @Transactional method that flushes, then throws: the INSERT ran (an id was assigned), nothing is stored.
        HttpResponse<String> failed = app.post("/users/failing", "{\"name\":\"ghost\",\"email\":\"-\"}");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).containsPattern("failed after flushing user \\d+ on purpose");
        assertThat(database.names("SELECT name FROM user_account WHERE name = 'ghost'")).isEmpty();

        // 500 requests at concurrency 20: creates and reads, no error; twice, the first a warm-up, the second timed.
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger creates = new AtomicInteger();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        load(app, id, 0, errors, creates, firstErrors);
        double seconds = load(app, id, 1, errors, creates, firstErrors);
        assertThat(errors.get()).as("errors among %d requests; first: %s\n%s", 2 * REQUESTS,
                firstErrors.stream().limit(3).toList(), app.logTail()).isZero();
        assertThat(database.count("SELECT count(*) FROM user_account WHERE name LIKE 'load-%'"))
                .isEqualTo(creates.get());
        assertThat(database.activeConnections()).as("active connections after the load").isZero();
        report(String.format("%s with %s on %s: startup %d ms, %d requests at concurrency %d (after as many to warm"
                + " up) in %.2f s = %.0f requests/s, 0 errors", runtime, library, database.name, app.startupMillis,
                REQUESTS, CONCURRENCY, seconds, REQUESTS / seconds));
    }

    /** Sends {@link #REQUESTS} requests from {@link #CONCURRENCY} threads, every other one a create; the seconds. */
    private static double load(RunningApp app, int id, int round, AtomicInteger errors, AtomicInteger creates,
            List<String> firstErrors) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS / CONCURRENCY; i++) {
                        try {
                            HttpResponse<String> response = i % 2 == 0
                                    ? app.post("/users", "{\"name\":\"load-" + round + "-" + worker + "-" + i
                                            + "\",\"email\":\"load@example.org\"}")
                                    : app.get("/users/" + id);
                            if (i % 2 == 0) {
                                creates.incrementAndGet();
                            }
                            if (response.statusCode() != (i % 2 == 0 ? 201 : 200)) {
                                errors.incrementAndGet();
                                firstErrors.add(response.statusCode() + " " + response.body());
                            }
                        } catch (IOException | InterruptedException e) {
                            errors.incrementAndGet();
                            firstErrors.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    static void report(String line) throws IOException {
        System.out.println("[runtime-apps] " + line);
        Files.writeString(Path.of("target", "runtime-apps.txt"), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static int number(String json, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as("\"%s\" in %s", key, json).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** A PostgreSQL database of this test, made anew on the test server. */
    record Postgres(String host, int port, String user, String name) {
        private static final Pattern URL = Pattern.compile("postgresql://([^@/:]+)(?::[^@/]*)?@([^:/]+):(\\d+)/(\\w+)");

        /**
         * A new, empty database named after the test server's database ({@code RETORT_TEST_POSTGRESQL_URL}, else
         * {@code retort_test} on 127.0.0.1:5432) with the suffix.
         */
        static Postgres fresh(String suffix) throws SQLException {
            String base = System.getenv().getOrDefault("RETORT_TEST_POSTGRESQL_URL",
                    "postgresql://postgres@127.0.0.1:5432/retort_test");
            Matcher matcher = URL.matcher(base);
            assertThat(matcher.matches()).as("RETORT_TEST_POSTGRESQL_URL=%s in the form"
                    + " postgresql://user@host:port/database", base).isTrue();
            Postgres database = new Postgres(matcher.group(2), Integer.parseInt(matcher.group(3)), matcher.group(1),
                    matcher.group(4) + "_" + suffix);
            try (Connection admin = database.connect("postgres"); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database.name + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + database.name);
            }
            return database;
        }

        String retortUrl() {
            return "postgresql://" + user + "@" + host + ":" + port + "/" + name;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        private Connection connect(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, "");
        }

        List<String> names(String sql) throws SQLException {
            List<String> names = new ArrayList<>();
            try (Connection connection = connect(name); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }

        long count(String sql) throws SQLException {
            return Long.parseLong(names(sql).get(0));
        }

        /** The app's connections that are not idle (active, or idle in a transaction), after a second to settle. */
        long activeConnections() throws SQLException, InterruptedException {
            long active = 0;
            for (int i = 0; i < 20; i++) {
                active = countActivity("state <> 'idle'");
                if (active == 0) {
                    return 0;
                }
                Thread.sleep(100);
            }
            return active;
        }

        /** All connections to this database but the query's own. */
        long connections() throws SQLException, InterruptedException {
            long open = 0;
            for (int i = 0; i < 50; i++) {
                open = countActivity("true");
                if (open == 0) {
                    return 0;
                }
                Thread.sleep(100);
            }
            return open;
        }

        private long countActivity(String condition) throws SQLException {
            try (Connection connection = connect("postgres"); PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid() AND "
                            + condition)) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }
}
