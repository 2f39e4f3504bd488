package io.retort.cdi;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.cdi.TestContainers.Kind;
import io.retort.cdi.TestContainers.Running;
import io.retort.cdi.beans.Accounts;
import io.retort.engine.DatabaseUrl;
import io.retort.engine.Engine;
import io.retort.orm.Registry;
import io.retort.testing.TestEnvironment;
import io.retort.testing.model.Address;
import io.retort.testing.model.User;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Schema validation reads each database's reflected types: what {@code create} made on H2, PostgreSQL and MariaDB
 * passes {@code validate}. PostgreSQL and MariaDB come from {@code TEST_RETORT_POSTGRESQL_URL} and
 * {@code TEST_RETORT_MARIADB_URL}, else the servers on 127.0.0.1; a missing server skips its case with the reason,
 * unless {@code TEST_RETORT_REQUIRE} names it.
 */
class ServerSchemaValidationIT {

    @TempDir
    static Path directory;

    private static String url(String database) {
        switch (database) {
            case "postgresql":
                return TestEnvironment.get(TestEnvironment.POSTGRESQL_URL, "postgresql://postgres@127.0.0.1:5432/test");
            case "mariadb":
                return TestEnvironment.get(TestEnvironment.MARIADB_URL, "mariadb://root@127.0.0.1:3306/test");
            default:
                return "h2:file:" + directory.resolve("validation");
        }
    }

    private static void requireServer(String database, String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        if (parsed.host() == null) {
            return;
        }
        int port = parsed.port() != null ? parsed.port() : database.equals("postgresql") ? 5432 : 3306;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parsed.host(), port), 2000);
        } catch (IOException e) {
            String required = TestEnvironment.get(TestEnvironment.REQUIRE, "");
            String reason = database + " is not reachable at " + parsed.host() + ":" + port + " (" + e + ")";
            if (List.of(required.split(",")).contains(database)) {
                throw new AssertionError(reason + ", and " + TestEnvironment.REQUIRE + " requires it");
            }
            System.out.println("Skipped: " + reason);
            Assumptions.abort(reason);
        }
    }

    @ParameterizedTest(name = "validateAcceptsWhatCreateMade [{0}]")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void validateAcceptsWhatCreateMade(String database) {
        String url = url(database);
        requireServer(database, url);
        Class<?>[] beans = {User.class, Address.class, Accounts.class};
        try {
            TestContainers.start(Kind.PORTABLE, Map.of("retort.url", url, "retort.schema-generation",
                    "drop-and-create"), beans).close();
            try (Running running = TestContainers.start(Kind.PORTABLE, Map.of("retort.url", url,
                    "retort.schema-generation", "validate"), beans)) {
                assertThat(running.select(Engine.class).dialectName()).isEqualTo(database);
            }
        } finally {
            try (Engine engine = Engine.create(url)) {
                Registry.of(User.class, Address.class).dropAll(engine);
            }
        }
    }

    /**
     * The mismatch case on each server, not only on SQLite: a column that accepts NULL, a missing column and a column
     * of another type each fail the start, read from the server's own catalog.
     */
    @ParameterizedTest(name = "validateFailsTheStartOnAMismatchingSchema [{0}]")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void validateFailsTheStartOnAMismatchingSchema(String database) {
        String url = url(database);
        requireServer(database, url);
        Class<?>[] beans = {User.class, Address.class, Accounts.class};
        try (Engine engine = Engine.create(url)) {
            Registry.of(User.class, Address.class).dropAll(engine);
            engine.begin(conn -> {
                conn.execute(text("CREATE TABLE seed_user_account (id INTEGER PRIMARY KEY, name VARCHAR(30))"));
                conn.execute(text("CREATE TABLE seed_address (id INTEGER PRIMARY KEY, email_address INTEGER NOT NULL,"
                        + " user_id INTEGER NOT NULL REFERENCES seed_user_account (id))"));
            });
        }
        try {
            TestContainers.assertStartFails(Kind.PORTABLE, Map.of("retort.url", url, "retort.schema-generation",
                    "validate"), beans)
                    .hasStackTraceContaining("Schema validation (schema-generation=validate) failed for the database"
                            + " @Default")
                    .hasStackTraceContaining("column seed_user_account.name (field io.retort.testing.model.User.name)"
                            + " accepts NULL in the database, but the field is required (NOT NULL)")
                    .hasStackTraceContaining("column seed_user_account.fullname (field"
                            + " io.retort.testing.model.User.fullname) does not exist")
                    .hasStackTraceContaining("column seed_address.email_address (field"
                            + " io.retort.testing.model.Address.emailAddress) is ") // int4, int or INTEGER by server
                    .hasStackTraceContaining("(INTEGER) in the database, but the field needs VARCHAR(100)");
        } finally {
            try (Engine engine = Engine.create(url)) {
                Registry.of(User.class, Address.class).dropAll(engine);
            }
        }
    }
}
