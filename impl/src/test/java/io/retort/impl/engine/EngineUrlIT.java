package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.DatabaseUrl;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.ConfigurationException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engines made from every URL form connect to the right database. */
class EngineUrlIT {

    /** The test database's URL rewritten with another dialect+driver name. */
    private static String withDriver(TestEngines engines, String drivername) {
        DatabaseUrl url = DatabaseUrl.parse(engines.url());
        return drivername + url.render(false).substring(url.drivername().length());
    }

    @DatabaseTest
    @OnlyOn(TestDatabase.POSTGRESQL)
    void postgresqlDriverAliasesConnect(TestEngines engines) {
        for (String drivername : List.of("postgresql", "postgresql+psycopg2", "postgresql+asyncpg",
                "postgresql+psycopg", "postgresql+pg8000")) {
            try (Engine engine = Engine.create(withDriver(engines, drivername))) {
                assertThat(engine.dialectName()).isEqualTo("postgresql");
                try (Connection conn = engine.connect()) {
                    assertThat(conn.execute(text("SELECT current_database()")).scalar())
                            .isEqualTo(DatabaseUrl.parse(engines.url()).database());
                }
            }
        }
    }

    @DatabaseTest
    @OnlyOn(TestDatabase.MARIADB)
    void mysqlAndMariaDbDriverAliasesConnect(TestEngines engines) {
        for (String drivername : List.of("mariadb", "mysql", "mysql+pymysql", "mysql+mysqldb",
                "mariadb+mariadbconnector")) {
            try (Engine engine = Engine.create(withDriver(engines, drivername))) {
                assertThat(engine.dialectName()).isEqualTo(drivername.startsWith("mysql") ? "mysql" : "mariadb");
                try (Connection conn = engine.connect()) {
                    assertThat(conn.execute(text("SELECT DATABASE()")).scalar())
                            .isEqualTo(DatabaseUrl.parse(engines.url()).database());
                }
            }
        }
    }

    @DatabaseTest
    @OnlyOn(TestDatabase.POSTGRESQL)
    void queryStringKeysAndConnectArgsBecomeConnectionProperties(TestEngines engines) {
        try (Engine engine = Engine.create(engines.url() + "?ApplicationName=from-the-url")) {
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT current_setting('application_name')")).scalar())
                        .isEqualTo("from-the-url");
            }
        }
        try (Engine engine = Engine.create(engines.url() + "?ApplicationName=from-the-url",
                EngineOptions.builder().connectArg("ApplicationName", "from-connect-args").build())) {
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT current_setting('application_name')")).scalar())
                        .isEqualTo("from-connect-args");
            }
        }
    }

    @DatabaseTest
    @OnlyOn(TestDatabase.POSTGRESQL)
    void plainJdbcUrlsWork(TestEngines engines) {
        DatabaseUrl url = DatabaseUrl.parse(engines.url());
        String jdbc = "jdbc:postgresql://" + url.host() + ":" + url.port() + "/" + url.database() + "?user="
                + url.username();
        try (Engine engine = Engine.create(jdbc); Connection conn = engine.connect()) {
            assertThat(engine.dialectName()).isEqualTo("postgresql");
            assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
        }
    }

    @DatabaseTest
    void engineReportsItsDialect(Engine engine, TestDatabase database) {
        assertThat(engine.dialectName()).isEqualTo(database.id());
    }

    @Test
    void passwordIsMaskedWhenTheUrlIsPrinted() {
        try (Engine engine = Engine.create("postgresql://scott:p%40ss@db.example.com:5432/test")) {
            assertThat(engine.url().toString()).isEqualTo("postgresql://scott:***@db.example.com:5432/test");
            assertThat(engine.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
            assertThat(engine.url().password()).isEqualTo("p@ss");
        }
    }

    @Test
    void unknownDialectAndDriverAreRejectedWithTheSupportedOnes() {
        assertThatThrownBy(() -> Engine.create("oracle://scott:tiger@localhost/xe"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown database dialect 'oracle'")
                .hasMessageContaining("supported dialects: h2, mariadb, mysql, postgresql, sqlite")
                .hasMessageNotContaining("tiger");
        assertThatThrownBy(() -> Engine.create("postgresql+nosuchdriver://localhost/test"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown driver 'nosuchdriver' for dialect 'postgresql'")
                .hasMessageContaining("psycopg2").hasMessageContaining("asyncpg");
    }

    @Test
    void isolationLevelTheDatabaseLacksIsRejected() {
        assertThatThrownBy(() -> Engine.create("sqlite://", EngineOptions.builder()
                .isolationLevel(io.retort.engine.IsolationLevel.REPEATABLE_READ).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("sqlite dialect does not support isolation level REPEATABLE_READ");
    }
}
