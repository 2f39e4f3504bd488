package io.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every URL form of SQLAlchemy, parsed into its parts. */
class DatabaseUrlTest {

    private static void assertParts(DatabaseUrl url, String drivername, String backend, String driver, String user,
            String password, String host, Integer port, String database) {
        assertThat(url.drivername()).isEqualTo(drivername);
        assertThat(url.backendName()).isEqualTo(backend);
        assertThat(url.driverName()).isEqualTo(driver);
        assertThat(url.username()).isEqualTo(user);
        assertThat(url.password()).isEqualTo(password);
        assertThat(url.host()).isEqualTo(host);
        assertThat(url.port()).isEqualTo(port);
        assertThat(url.database()).isEqualTo(database);
        assertThat(url.isJdbc()).isFalse();
    }

    @Test
    void sqliteForms() {
        assertParts(DatabaseUrl.parse("sqlite:///relative.db"), "sqlite", "sqlite", null, null, null, null, null,
                "relative.db");
        assertParts(DatabaseUrl.parse("sqlite:////absolute/path.db"), "sqlite", "sqlite", null, null, null, null,
                null, "/absolute/path.db");
        assertParts(DatabaseUrl.parse("sqlite://"), "sqlite", "sqlite", null, null, null, null, null, null);
        assertParts(DatabaseUrl.parse("sqlite:///:memory:"), "sqlite", "sqlite", null, null, null, null, null,
                ":memory:");
        assertParts(DatabaseUrl.parse("sqlite+pysqlite:///:memory:"), "sqlite+pysqlite", "sqlite", "pysqlite",
                null, null, null, null, ":memory:");
    }

    @Test
    void h2Forms() {
        assertParts(DatabaseUrl.parse("h2:mem:name"), "h2", "h2", null, null, null, null, null, "mem:name");
        assertParts(DatabaseUrl.parse("h2:file:./data/app"), "h2", "h2", null, null, null, null, null,
                "file:./data/app");
        assertParts(DatabaseUrl.parse("h2:///data/app"), "h2", "h2", null, null, null, null, null, "data/app");
    }

    @Test
    void serverForms() {
        assertParts(DatabaseUrl.parse("postgresql://scott:tiger@localhost/test"), "postgresql", "postgresql", null,
                "scott", "tiger", "localhost", null, "test");
        assertParts(DatabaseUrl.parse("postgresql+psycopg2://user:password@localhost/dbname"),
                "postgresql+psycopg2", "postgresql", "psycopg2", "user", "password", "localhost", null, "dbname");
        assertParts(DatabaseUrl.parse("postgresql+asyncpg://user:password@localhost:5433/dbname"),
                "postgresql+asyncpg", "postgresql", "asyncpg", "user", "password", "localhost", 5433, "dbname");
        assertParts(DatabaseUrl.parse("mysql+pymysql://user:password@localhost/dbname"), "mysql+pymysql", "mysql",
                "pymysql", "user", "password", "localhost", null, "dbname");
        assertParts(DatabaseUrl.parse("mysql+mysqldb://user:password@localhost/dbname"), "mysql+mysqldb", "mysql",
                "mysqldb", "user", "password", "localhost", null, "dbname");
        assertParts(DatabaseUrl.parse("mariadb://root@127.0.0.1:3306/test"), "mariadb", "mariadb", null, "root",
                null, "127.0.0.1", 3306, "test");
        assertParts(DatabaseUrl.parse("postgresql://u:p@[::1]:5432/db"), "postgresql", "postgresql", null, "u",
                "p", "::1", 5432, "db");
        assertParts(DatabaseUrl.parse("POSTGRESQL://h/db"), "postgresql", "postgresql", null, null, null, "h",
                null, "db");
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://sc%20ott:p%40ss%3Aw%2Frd@localhost/test");
        assertThat(url.username()).isEqualTo("sc ott");
        assertThat(url.password()).isEqualTo("p@ss:w/rd");
        assertThat(url.host()).isEqualTo("localhost");
        // A password may hold ':' and '/' unencoded; only '@' must be encoded.
        assertThat(DatabaseUrl.parse("postgresql://u:a:b/c@h/db").password()).isEqualTo("a:b/c");
    }

    @Test
    void queryStringKeysInOrderWithRepeats() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://h/db?sslmode=require&application_name=re%20tort&x=1&x=2");
        assertThat(url.query()).containsExactly(Map.entry("sslmode", List.of("require")),
                Map.entry("application_name", List.of("re tort")), Map.entry("x", List.of("1", "2")));
        assertThat(url.database()).isEqualTo("db");
    }

    @Test
    void jdbcUrlsAreKeptAsGiven() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/test?user=a&password=secret");
        assertThat(url.isJdbc()).isTrue();
        assertThat(url.backendName()).isEqualTo("postgresql");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/test?user=a&password=secret");
        assertThat(url.toString()).isEqualTo("jdbc:postgresql://localhost/test?user=a&password=***");
    }

    @Test
    void toStringMasksThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://scott:tiger@localhost:5432/test").toString())
                .isEqualTo("postgresql://scott:***@localhost:5432/test");
        assertThat(DatabaseUrl.parse("mysql+pymysql://u@h/db").toString()).isEqualTo("mysql+pymysql://u@h/db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite:///relative.db", "sqlite:////absolute/path.db", "sqlite://",
            "sqlite:///:memory:", "h2:mem:name", "h2:file:./data/app", "postgresql://scott:p%40ss@localhost/test",
            "postgresql+asyncpg://user:password@localhost:5433/dbname?sslmode=require&x=1&x=2",
            "postgresql://u:p@[::1]:5432/db", "mariadb://root@127.0.0.1:3306/test"})
    void renderWithoutMaskingRoundTrips(String text) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        assertThat(DatabaseUrl.parse(url.render(false))).isEqualTo(url);
    }

    @Test
    void withCredentialsReplacesUserAndPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://a:b@h/db").withCredentials("app", "s3cret");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.database()).isEqualTo("db");
    }

    @Test
    void malformedUrlsAreRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> DatabaseUrl.parse(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("A database URL is required").hasMessageContaining("expected dialect");
        assertThatThrownBy(() -> DatabaseUrl.parse("  ")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> DatabaseUrl.parse("://nothing")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("does not start with a dialect name");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h:notaport/db"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("the port 'notaport' is not a number from 1 to 65535");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h:70000/db"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'70000'");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:bad%zzpass@h/db"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("percent-encode").hasMessageNotContaining("bad%zzpass");
        assertThatThrownBy(() -> DatabaseUrl.parse("h2:")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("nothing follows the dialect name");
    }
}
