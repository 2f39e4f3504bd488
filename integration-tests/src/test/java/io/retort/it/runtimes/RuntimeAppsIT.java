package io.retort.it.runtimes;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.testing.TestEnvironment;
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
 * runs on a JDK 21+ ({@link Jdks#jdk21}). Each run prints its startup time and requests per second. Issue 26: both
 * apps list Retort's readiness check at their runtime's readiness endpoint, and export Retort's metrics and its
 * statement spans, under the request's server span, with their runtime's OpenTelemetry (Quarkus's OpenTelemetry
 * extension; Helidon's MicroProfile Telemetry, whose SDK the app configures with {@code otel.*} keys).
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
                if (suffix.equals("quarkus_a")) {
                    readiness(app, "/q/health/ready");
                    metricsAndTraces(app, "io.quarkus.opentelemetry");
                }
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
            readiness(app, "/health/ready");
            // Helidon MP Telemetry's tracer scope (its otel.exporter.name), which its JAX-RS filter makes the server
            // span with.
            metricsAndTraces(app, "HELIDON_MICROPROFILE_TELEMETRY");
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

    /**
     * Issue 26: the runtime's readiness endpoint lists Retort's check of the default database ({@code retort}), UP,
     * with the pool's figures.
     */
    static void readiness(RunningApp app, String path) throws Exception {
        HttpResponse<String> ready = app.get(path);
        String body = ready.body().replaceAll("\\s+", "");
        report(app.name + " " + path + ": " + body);
        assertThat(ready.statusCode()).as(body).isEqualTo(200);
        assertThat(body).contains("\"status\":\"UP\"")
                .containsPattern("\\{\"name\":\"retort\",\"status\":\"UP\",\"data\":\\{[^}]*\"database\":\"@Default\"")
                .contains("\"pool.in-use\":0", "\"pool.waiting\":0").containsPattern("\"pool.max\":\\d+");
    }

    /**
     * Issue 26: after the load, Retort's metrics come out through the runtime's OpenTelemetry metric export, and its
     * statement spans through the runtime's span export (both the {@code logging-otlp} exporters of the app's
     * configuration), under the HTTP request's server span (of {@code serverScope}), with no bound value in them.
     */
    static void metricsAndTraces(RunningApp app, String serverScope) throws Exception {
        String readTrace = traceId();
        String writeTrace = traceId();
        String secret = "bound-" + writeTrace.substring(0, 12);
        HttpResponse<String> created = app.traced("/users", "{\"name\":\"" + secret + "\",\"fullname\":\"" + secret
                + "-full\",\"email\":\"" + secret + "@example.org\"}", writeTrace);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int id = number(created.body(), "id");
        assertThat(app.traced("/users/" + id, null, readTrace).statusCode()).isEqualTo(200);

        // Spans leave in batches and metrics every few seconds: wait for both (bounded).
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<TelemetryLog.Span> spans = TelemetryLog.spans(app.log);
        String metrics = String.join("\n", TelemetryLog.metricLines(app.log));
        while (System.nanoTime() < deadline && !(hasSpans(spans, readTrace, writeTrace)
                && metrics.contains("\"db.client.operation.duration\""))) {
            Thread.sleep(250);
            spans = TelemetryLog.spans(app.log);
            metrics = String.join("\n", TelemetryLog.metricLines(app.log));
        }
        assertThat(metrics).as("the metric export of %s", app.name)
                .contains("\"name\":\"io.retort\"", "\"name\":\"db.client.operation.duration\"",
                        "\"name\":\"db.client.connection.count\"");
        // With values: statements timed (the load's thousand requests at least), a pool with open connections. The
        // export is periodic, so the latest one may have been taken before the load's last checkouts were recorded:
        // wait (bounded) for one taken after them.
        List<String> exports = TelemetryLog.metricLines(app.log);
        String last = exports.get(exports.size() - 1);
        long exported = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < exported
                && (TelemetryLog.histogramCount(last, "db.client.operation.duration") < 2 * REQUESTS
                || TelemetryLog.histogramCount(last, "db.client.connection.wait_time") < 2 * REQUESTS)) {
            Thread.sleep(250);
            exports = TelemetryLog.metricLines(app.log);
            last = exports.get(exports.size() - 1);
        }
        long statements = TelemetryLog.histogramCount(last, "db.client.operation.duration");
        long connections = TelemetryLog.sum(last, "db.client.connection.count");
        assertThat(statements)
                .as("statements counted by db.client.operation.duration").isGreaterThanOrEqualTo(2 * REQUESTS);
        assertThat(connections).as("connections in db.client.connection.count").isPositive();
        assertThat(TelemetryLog.histogramCount(last, "db.client.connection.wait_time"))
                .as("checkouts counted by db.client.connection.wait_time").isGreaterThanOrEqualTo(2 * REQUESTS);

        TelemetryLog.Span readServer = server(spans, readTrace, serverScope);
        List<TelemetryLog.Span> readStatements = spans.stream().filter(span -> span.scope().equals("io.retort")
                && span.traceId().equals(readTrace) && readServer.spanId().equals(span.parentSpanId())).toList();
        assertThat(readStatements).as("Retort's spans under %s", readServer).isNotEmpty()
                .allSatisfy(span -> assertThat(span.json()).contains("\"db.query.text\"", "SELECT"));

        TelemetryLog.Span writeServer = server(spans, writeTrace, serverScope);
        List<TelemetryLog.Span> flushes = spans.stream().filter(span -> span.traceId().equals(writeTrace)
                && span.name().equals("retort.flush") && writeServer.spanId().equals(span.parentSpanId())).toList();
        assertThat(flushes).as("flush spans under %s", writeServer).isNotEmpty();
        List<TelemetryLog.Span> inserts = spans.stream().filter(span -> span.scope().equals("io.retort")
                && span.name().equals("INSERT") && flushes.stream().anyMatch(
                        flush -> flush.spanId().equals(span.parentSpanId()))).toList();
        assertThat(inserts).as("INSERT spans under the flushes %s", flushes).hasSize(2)
                .anySatisfy(span -> assertThat(span.json()).contains("INSERT INTO user_account (name, fullname)"
                        + " VALUES (?, ?)"));
        assertThat(TelemetryLog.spanLines(app.log)).as("no bound value in any span").noneMatch(
                line -> line.contains(secret));
        String one = inserts.get(0).json();
        report(String.format("%s: metrics exported (db.client.operation.duration count %d, db.client.connection.count"
                + " %d) and spans; %s has %d Retort span(s) under it, %s a flush with %d INSERT span(s); one: %s",
                app.name, statements, connections, readServer.name(), readStatements.size(), writeServer.name(),
                inserts.size(), one.substring(0, Math.min(300, one.length()))));
    }

    private static boolean hasSpans(List<TelemetryLog.Span> spans, String... traces) {
        for (String trace : traces) {
            if (spans.stream().noneMatch(span -> span.traceId().equals(trace) && !span.scope().equals("io.retort"))
                    || spans.stream().noneMatch(span -> span.traceId().equals(trace)
                            && span.scope().equals("io.retort"))) {
                return false;
            }
        }
        return true;
    }

    private static TelemetryLog.Span server(List<TelemetryLog.Span> spans, String trace, String scope) {
        List<TelemetryLog.Span> servers = spans.stream().filter(span -> span.traceId().equals(trace)
                && span.scope().equals(scope)).toList();
        assertThat(servers).as("the server span of trace %s among %d spans", trace, spans.size()).hasSize(1);
        return servers.get(0);
    }

    private static String traceId() {
        return String.format("%016x%016x", java.util.concurrent.ThreadLocalRandom.current().nextLong(),
                java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1);
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
         * A new, empty database named after the test server's database ({@code TEST_RETORT_POSTGRESQL_URL}, else
         * {@code retort_test} on 127.0.0.1:5432) with the suffix.
         */
        static Postgres fresh(String suffix) throws SQLException {
            String base = TestEnvironment.get(TestEnvironment.POSTGRESQL_URL,
                    "postgresql://postgres@127.0.0.1:5432/retort_test");
            Matcher matcher = URL.matcher(base);
            assertThat(matcher.matches()).as("TEST_RETORT_POSTGRESQL_URL=%s in the form"
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
