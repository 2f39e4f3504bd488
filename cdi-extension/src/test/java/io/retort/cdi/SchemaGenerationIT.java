package io.retort.cdi;

import static io.retort.cdi.TestContainers.assertStartFails;
import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.cdi.TestContainers.Kind;
import io.retort.cdi.TestContainers.Running;
import io.retort.cdi.beans.Accounts;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.testing.model.Address;
import io.retort.testing.model.User;
import io.retort.testing.reporting.Report;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code retort.schema-generation}: none, create, drop-and-create and validate, on a SQLite file. */
class SchemaGenerationIT {
    @TempDir
    Path directory;

    private Map<String, String> config(String mode) {
        return Map.of("retort.url", "sqlite:///" + directory.resolve("app.db"), "retort.schema-generation", mode);
    }

    private Running start(Kind kind, String mode) {
        return TestContainers.start(kind, config(mode), User.class, Address.class, Accounts.class);
    }

    private long users(Running running) {
        try (Connection conn = running.select(Engine.class).connect()) {
            return conn.execute(text("SELECT count(*) FROM seed_user_account")).scalar(Long.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void createMakesMissingTablesAndKeepsExistingOnes(Kind kind) {
        try (Running running = start(kind, "none")) {
            try (Connection conn = running.select(Engine.class).connect()) {
                assertThat(conn.inspector().tableNames()).isEmpty();
            }
        }
        try (Running running = start(kind, "create")) {
            try (Connection conn = running.select(Engine.class).connect()) {
                assertThat(conn.inspector().tableNames()).containsExactly("seed_address", "seed_user_account");
                conn.execute(text("INSERT INTO seed_user_account (name) VALUES ('spongebob')"));
                conn.commit();
            }
        }
        try (Running running = start(kind, "create")) {
            assertThat(users(running)).isEqualTo(1);
        }
        try (Running running = start(kind, "drop-and-create")) {
            assertThat(users(running)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void validateAcceptsTheTablesCreateMade(Kind kind) {
        start(kind, "create").close();
        try (Running running = start(kind, "validate")) {
            assertThat(users(running)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void validateFailsTheStartOnAMismatchingSchema(Kind kind) {
        try (Engine engine = Engine.create("sqlite:///" + directory.resolve("app.db"))) {
            engine.begin(conn -> {
                conn.execute(text("CREATE TABLE seed_user_account (id INTEGER PRIMARY KEY, name VARCHAR(30))"));
                conn.execute(text("CREATE TABLE seed_address (id INTEGER PRIMARY KEY, email_address INTEGER NOT NULL,"
                        + " user_id INTEGER NOT NULL REFERENCES seed_user_account (id))"));
            });
        }
        assertStartFails(kind, config("validate"), User.class, Address.class, Report.class, Accounts.class)
                .hasStackTraceContaining("Schema validation (schema-generation=validate) failed for the database"
                        + " @Default")
                .hasStackTraceContaining("column seed_user_account.name (field io.retort.testing.model.User.name)"
                        + " accepts NULL in the database, but the field is required (NOT NULL)")
                .hasStackTraceContaining("column seed_user_account.fullname (field"
                        + " io.retort.testing.model.User.fullname) does not exist")
                .hasStackTraceContaining("column seed_address.email_address (field"
                        + " io.retort.testing.model.Address.emailAddress) is INTEGER (INTEGER) in the database, but the"
                        + " field needs VARCHAR(100)")
                .hasStackTraceContaining("table seed_report (mapped by io.retort.testing.reporting.Report) does not"
                        + " exist");
    }
}
