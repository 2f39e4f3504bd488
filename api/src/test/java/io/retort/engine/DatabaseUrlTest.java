package io.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.InvalidArgumentException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every URL form of SQLAlchemy, parsed into its parts, rendered, masked and rejected. */
class DatabaseUrlTest {

    /** Asserts every part of a SQLAlchemy-style URL. */
    private static void assertParts(String text, String drivername, String backend, String driver, String user,
            String password, String host, Integer port, String database, Map<String, List<String>> query) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        assertThat(url.drivername()).as("drivername").isEqualTo(drivername);
        assertThat(url.backendName()).as("backendName").isEqualTo(backend);
        assertThat(url.driverName()).as("driverName").isEqualTo(driver);
        assertThat(url.username()).as("username").isEqualTo(user);
        assertThat(url.password()).as("password").isEqualTo(password);
        assertThat(url.host()).as("host").isEqualTo(host);
        assertThat(url.port()).as("port").isEqualTo(port);
        assertThat(url.database()).as("database").isEqualTo(database);
        assertThat(url.query()).as("query").containsExactlyEntriesOf(query);
        assertThat(url.isJdbc()).as("isJdbc").isFalse();
        assertThat(url.jdbcUrl()).as("jdbcUrl").isNull();
    }

    private static void assertParts(String text, String drivername, String backend, String driver, String user,
            String password, String host, Integer port, String database) {
        assertParts(text, drivername, backend, driver, user, password, host, port, database, Map.of());
    }

    @Test
    void sqliteForms() {
        assertParts("sqlite:///relative.db", "sqlite", "sqlite", null, null, null, null, null, "relative.db");
        assertParts("sqlite:////absolute/path.db", "sqlite", "sqlite", null, null, null, null, null,
                "/absolute/path.db");
        assertParts("sqlite://", "sqlite", "sqlite", null, null, null, null, null, null);
        assertParts("sqlite:///:memory:", "sqlite", "sqlite", null, null, null, null, null, ":memory:");
        assertParts("sqlite+pysqlite:///:memory:", "sqlite+pysqlite", "sqlite", "pysqlite", null, null, null, null,
                ":memory:");
        // An '@' in a file path is not a user-info separator.
        assertParts("sqlite:///dir/a@b.db", "sqlite", "sqlite", null, null, null, null, null, "dir/a@b.db");
    }

    @Test
    void h2Forms() {
        assertParts("h2:mem:name", "h2", "h2", null, null, null, null, null, "mem:name");
        assertParts("h2:mem:", "h2", "h2", null, null, null, null, null, "mem:");
        assertParts("h2:file:./data/app", "h2", "h2", null, null, null, null, null, "file:./data/app");
        assertParts("h2:///data/app", "h2", "h2", null, null, null, null, null, "data/app");
        assertParts("h2:////abs/app", "h2", "h2", null, null, null, null, null, "/abs/app");
    }

    @Test
    void serverForms() {
        assertParts("postgresql://scott:tiger@localhost/test", "postgresql", "postgresql", null, "scott", "tiger",
                "localhost", null, "test");
        assertParts("postgresql+psycopg2://user:password@localhost/dbname", "postgresql+psycopg2", "postgresql",
                "psycopg2", "user", "password", "localhost", null, "dbname");
        assertParts("postgresql+asyncpg://user:password@localhost:5433/dbname", "postgresql+asyncpg", "postgresql",
                "asyncpg", "user", "password", "localhost", 5433, "dbname");
        assertParts("mysql+pymysql://user:password@localhost/dbname", "mysql+pymysql", "mysql", "pymysql", "user",
                "password", "localhost", null, "dbname");
        assertParts("mysql+mysqldb://user:password@localhost/dbname", "mysql+mysqldb", "mysql", "mysqldb", "user",
                "password", "localhost", null, "dbname");
        assertParts("mariadb://root@127.0.0.1:3306/test", "mariadb", "mariadb", null, "root", null, "127.0.0.1",
                3306, "test");
        assertParts("postgresql://h", "postgresql", "postgresql", null, null, null, "h", null, null);
        assertParts("postgresql://u:@h/db", "postgresql", "postgresql", null, "u", "", "h", null, "db");
    }

    @Test
    void dialectAndDriverNamesAreLowerCased() {
        assertParts("POSTGRESQL+Psycopg2://h/db", "postgresql+psycopg2", "postgresql", "psycopg2", null, null, "h",
                null, "db");
    }

    @Test
    void ipv6HostIsGivenWithoutBrackets() {
        assertParts("postgresql://u:p@[::1]:5432/db", "postgresql", "postgresql", null, "u", "p", "::1", 5432, "db");
        assertParts("postgresql://[2001:db8::5]/db", "postgresql", "postgresql", null, null, null, "2001:db8::5",
                null, "db");
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        assertParts("postgresql://scott:p%40ss%3Aw%2Frd@localhost/test", "postgresql", "postgresql", null, "scott",
                "p@ss:w/rd", "localhost", null, "test");
        assertThat(DatabaseUrl.parse("postgresql://sc%20ott:x@h/db").username()).isEqualTo("sc ott");
        // A password may hold ':' and '/' unencoded; only '@' must be encoded.
        assertThat(DatabaseUrl.parse("postgresql://u:a:b/c@h/db").password()).isEqualTo("a:b/c");
        // '+' is kept as it is (it is not a space in the user-info part).
        assertThat(DatabaseUrl.parse("postgresql://u:a+b%21@h/db").password()).isEqualTo("a+b!");
        // Multi-byte UTF-8, encoded or not, beside an escape.
        assertThat(DatabaseUrl.parse("postgresql://j%C3%BCrgen:p%40ss%F0%9F%98%80@h/db").password())
                .isEqualTo("p@ss\uD83D\uDE00");
        assertThat(DatabaseUrl.parse("postgresql://j%C3%BCrgen:p%40ss%F0%9F%98%80@h/db").username())
                .isEqualTo("jürgen");
        assertThat(DatabaseUrl.parse("postgresql://jürgen:p%40ss\uD83D\uDE00é@h/db").password())
                .isEqualTo("p@ss\uD83D\uDE00é");
    }

    @Test
    void queryStringKeysInOrder() {
        assertParts("postgresql://h/db?sslmode=require&application_name=retort", "postgresql", "postgresql", null,
                null, null, "h", null, "db",
                orderedMap("sslmode", List.of("require"), "application_name", List.of("retort")));
        assertThat(DatabaseUrl.parse("postgresql://h/db?sslmode=require&application_name=retort").query().keySet())
                .containsExactly("sslmode", "application_name");
    }

    @Test
    void queryStringRepeatedKeysKeepEveryValue() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://h/db?x=1&a%20b=c%26d&x=2&flag&=e");
        assertThat(url.query()).containsExactly(Map.entry("x", List.of("1", "2")), Map.entry("a b", List.of("c&d")),
                Map.entry("flag", List.of("")), Map.entry("", List.of("e")));
        assertThat(url.database()).isEqualTo("db");
        assertThatThrownBy(() -> url.query().put("y", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> url.query().get("x").add("3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void jdbcUrlsAreKeptAsGiven() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/test?user=a&password=secret");
        assertThat(url.isJdbc()).isTrue();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/test?user=a&password=secret");
        assertThat(url.drivername()).isEqualTo("postgresql");
        assertThat(url.backendName()).isEqualTo("postgresql");
        assertThat(url.driverName()).isNull();
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.host()).isNull();
        assertThat(url.port()).isNull();
        assertThat(url.database()).isNull();
        assertThat(url.query()).isEmpty();
        assertThat(url.toString()).isEqualTo("jdbc:postgresql://localhost/test?user=a&password=***");
        assertThat(url.render(false)).isEqualTo("jdbc:postgresql://localhost/test?user=a&password=secret");

        assertThat(DatabaseUrl.parse("JDBC:H2:mem:x").backendName()).isEqualTo("h2");
        assertThat(DatabaseUrl.parse("  jdbc:sqlite:x.db  ").jdbcUrl()).isEqualTo("jdbc:sqlite:x.db");
        assertThat(DatabaseUrl.parse("jdbc:mysql://h/db;password=x;user=y").toString())
                .isEqualTo("jdbc:mysql://h/db;password=***;user=y");
        assertThat(DatabaseUrl.parse("jdbc:mysql://u:secret@h/db").toString()).isEqualTo("jdbc:mysql://u:***@h/db");
        // No user info: nothing to mask, even with an '@' further on.
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/db?options=a@b").toString())
                .isEqualTo("jdbc:postgresql://h:5432/db?options=a@b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sqlite:///relative.db                                         | sqlite:///relative.db",
        "sqlite:////absolute/path.db                                   | sqlite:////absolute/path.db",
        "sqlite://                                                     | sqlite://",
        "sqlite:///:memory:                                            | sqlite:///:memory:",
        "sqlite+pysqlite:///:memory:                                   | sqlite+pysqlite:///:memory:",
        "h2:mem:name                                                   | h2:mem:name",
        "h2:file:./data/app                                            | h2:file:./data/app",
        "postgresql://scott:tiger@localhost/test                       | postgresql://scott:***@localhost/test",
        "postgresql+psycopg2://user:password@localhost/dbname          | postgresql+psycopg2://user:***@localhost/dbname",
        "postgresql+asyncpg://user:password@localhost:5433/dbname      | postgresql+asyncpg://user:***@localhost:5433/dbname",
        "mysql+pymysql://user:password@localhost/dbname                | mysql+pymysql://user:***@localhost/dbname",
        "mysql+mysqldb://user:password@localhost/dbname                | mysql+mysqldb://user:***@localhost/dbname",
        "mariadb://root@127.0.0.1:3306/test                            | mariadb://root@127.0.0.1:3306/test",
        "postgresql://u:p@[::1]:5432/db                                | postgresql://u:***@[::1]:5432/db",
        "postgresql://scott:p%40ss%3Aw%2Frd@localhost/test             | postgresql://scott:***@localhost/test",
        "postgresql://h/db?sslmode=require&application_name=retort     | postgresql://h/db?sslmode=require&application_name=retort",
        "postgresql://h/db?x=1&x=2                                     | postgresql://h/db?x=1&x=2",
        "postgresql://u@h/db?sslmode=require&password=secret           | postgresql://u@h/db?sslmode=require&password=***",
        "postgresql://h/db?PASSWORD=a&password=b                       | postgresql://h/db?PASSWORD=***&password=***",
        "jdbc:postgresql://localhost/test?user=a&password=secret       | jdbc:postgresql://localhost/test?user=a&password=***"})
    void toStringMasksThePassword(String text, String masked) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        assertThat(url.toString()).isEqualTo(masked).doesNotContain("tiger", "secret");
        assertThat(url.render(true)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite:///relative.db", "sqlite:////absolute/path.db", "sqlite://",
            "sqlite:///:memory:", "sqlite+pysqlite:///:memory:", "sqlite:///dir/a@b.db", "h2:mem:name", "h2:mem:",
            "h2:file:./data/app", "h2:///data/app", "h2:////abs/app", "postgresql://scott:tiger@localhost/test",
            "postgresql+psycopg2://user:password@localhost/dbname",
            "postgresql+asyncpg://user:password@localhost:5433/dbname",
            "mysql+pymysql://user:password@localhost/dbname", "mysql+mysqldb://user:password@localhost/dbname",
            "mariadb://root@127.0.0.1:3306/test", "jdbc:postgresql://localhost/test?user=a&password=secret",
            "postgresql://u:p@[::1]:5432/db", "postgresql://scott:p%40ss%3Aw%2Frd@localhost/test",
            "postgresql://h/db?sslmode=require&application_name=retort", "postgresql://h/db?x=1&a%20b=c%26d&x=2",
            "postgresql://u:a+b@h/db", "postgresql://j%C3%BCrgen:%F0%9F%98%80@h/db", "postgresql://u:@h/db",
            "postgresql://h", "postgresql:///db"})
    void renderWithoutMaskingRoundTrips(String text) {
        DatabaseUrl url = DatabaseUrl.parse(text);
        DatabaseUrl again = DatabaseUrl.parse(url.render(false));
        assertThat(again).isEqualTo(url);
        assertThat(again.hashCode()).isEqualTo(url.hashCode());
        assertThat(again.password()).isEqualTo(url.password());
    }

    @Test
    void renderWithoutMaskingEncodesSpecialCharacters() {
        assertThat(DatabaseUrl.parse("postgresql://scott:p%40ss%3Aw%2Frd@localhost/test").render(false))
                .isEqualTo("postgresql://scott:p%40ss%3Aw%2Frd@localhost/test");
        assertThat(DatabaseUrl.parse("postgresql://u:a:b/c@h/db").render(false))
                .isEqualTo("postgresql://u:a%3Ab%2Fc@h/db");
        assertThat(DatabaseUrl.parse("postgresql://h/db?a%20b=c%26d").render(false))
                .isEqualTo("postgresql://h/db?a%20b=c%26d");
    }

    @Test
    void equalityIncludesThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://u:a@h/db")).isNotEqualTo(DatabaseUrl.parse("postgresql://u:b@h/db"))
                .isEqualTo(DatabaseUrl.parse("postgresql://u:a@h/db"));
    }

    @Test
    void withCredentialsAndWithDatabaseMakeCopies() {
        DatabaseUrl original = DatabaseUrl.parse("postgresql://a:b@h:5432/db?x=1");
        DatabaseUrl url = original.withCredentials("app", "s3cret");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.host()).isEqualTo("h");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("db");
        assertThat(url.query()).isEqualTo(original.query());
        assertThat(original.username()).isEqualTo("a");
        assertThat(original.withDatabase("other").database()).isEqualTo("other");
        assertThat(original.withDatabase("other").toString()).isEqualTo("postgresql://a:***@h:5432/other?x=1");
    }

    @Test
    void nullOrBlankUrlsAreRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("A database URL is required, but was given null; expected "
                        + "dialect[+driver]://user:password@host:port/database?key=value (e.g. "
                        + "postgresql://scott:tiger@localhost/test, sqlite:///example.db, h2:mem:test) or a jdbc: URL");
        assertThatThrownBy(() -> DatabaseUrl.parse("  ")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("A database URL is required, but was given a blank string; expected dialect");
        assertThatThrownBy(() -> DatabaseUrl.parse("")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("a blank string");
    }

    @Test
    void malformedUrlsAreRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> DatabaseUrl.parse("://nothing")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("Could not parse database URL '://nothing': it does not start with a dialect"
                        + " name; expected dialect[+driver]://");
        assertThatThrownBy(() -> DatabaseUrl.parse("localhost/test")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("does not start with a dialect name");
        assertThatThrownBy(() -> DatabaseUrl.parse("1pg://h/db")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("does not start with a dialect name");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h:notaport/db"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Could not parse database URL 'postgresql://h:notaport/db': the port 'notaport' is not a"
                        + " number from 1 to 65535");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h:70000/db"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("the port '70000' is not a number from 1 to 65535");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h:0/db")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("the port '0'");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://[::1/db"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("an IPv6 host opened with '[' is not closed with ']'");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://[::1]x/db"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("unexpected text after the IPv6 host");
        assertThatThrownBy(() -> DatabaseUrl.parse("h2:")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("nothing follows the dialect name");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:oracle")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("expected jdbc:<subprotocol>:<rest>");
    }

    @Test
    void badPercentEscapesAreRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:bad%zzpass@h/db"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Could not parse database URL 'postgresql://u:***@h/db': a '%' is not followed by two"
                        + " hexadecimal digits; percent-encode special characters of the user name and password"
                        + " (e.g. '@' as %40, '%' as %25)");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:100%@h/db"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("two hexadecimal digits");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:ab%4@h/db"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("two hexadecimal digits");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?k=%G1"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("two hexadecimal digits");
    }

    @Test
    void errorMessagesNeverShowThePassword() {
        // The parser accepts '/' and ':' in a password, so the masking in error messages must cover them too.
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:se/cr:et@h:notaport/db"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'postgresql://u:***@h:notaport/db'").hasMessageNotContaining("cr:et");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:se/cret%zz@h/db"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'postgresql://u:***@h/db'").hasMessageNotContaining("cret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret@h/db?password=secret2&port=x%"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageNotContaining("secret");
    }

    private static Map<String, List<String>> orderedMap(String k1, List<String> v1, String k2, List<String> v2) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
