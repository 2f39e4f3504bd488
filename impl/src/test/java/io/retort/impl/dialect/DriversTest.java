package io.retort.impl.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.DatabaseUrl;
import io.retort.exception.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** URLs resolve to a dialect, a JDBC URL, a driver and connection properties. */
class DriversTest {

    private static Drivers.Resolved resolve(String url) {
        return Drivers.resolve(DatabaseUrl.parse(url), Map.of());
    }

    private static Map<Object, Object> props(Object... keysAndValues) {
        java.util.Map<Object, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sqlite:///relative.db                                    | sqlite     | jdbc:sqlite:relative.db                | org.sqlite.JDBC",
        "sqlite:////absolute/path.db                              | sqlite     | jdbc:sqlite:/absolute/path.db          | org.sqlite.JDBC",
        "sqlite+pysqlite:///app.db                                | sqlite     | jdbc:sqlite:app.db                     | org.sqlite.JDBC",
        "sqlite+aiosqlite:///app.db                               | sqlite     | jdbc:sqlite:app.db                     | org.sqlite.JDBC",
        "h2:mem:name                                              | h2         | jdbc:h2:mem:name                       | org.h2.Driver",
        "h2:file:./data/app                                       | h2         | jdbc:h2:file:./data/app                | org.h2.Driver",
        "h2:///data/app                                           | h2         | jdbc:h2:./data/app                     | org.h2.Driver",
        "h2:////abs/app                                           | h2         | jdbc:h2:/abs/app                       | org.h2.Driver",
        "h2:~/app                                                 | h2         | jdbc:h2:~/app                          | org.h2.Driver",
        "h2://dbhost/~/app                                        | h2         | jdbc:h2:tcp://dbhost/~/app             | org.h2.Driver",
        "h2://dbhost:9092/mem:shared                              | h2         | jdbc:h2:tcp://dbhost:9092/mem:shared   | org.h2.Driver",
        "h2://[::1]:9092/app                                      | h2         | jdbc:h2:tcp://[::1]:9092/app           | org.h2.Driver",
        "postgresql://scott:tiger@localhost/test                  | postgresql | jdbc:postgresql://localhost/test       | org.postgresql.Driver",
        "postgresql+psycopg2://user:password@localhost/dbname     | postgresql | jdbc:postgresql://localhost/dbname     | org.postgresql.Driver",
        "postgresql+asyncpg://user:password@localhost:5433/dbname | postgresql | jdbc:postgresql://localhost:5433/dbname| org.postgresql.Driver",
        "postgresql+PG8000://h/db                                 | postgresql | jdbc:postgresql://h/db                 | org.postgresql.Driver",
        "postgresql://u:p@[::1]:5432/db                           | postgresql | jdbc:postgresql://[::1]:5432/db        | org.postgresql.Driver",
        "postgresql:///db                                         | postgresql | jdbc:postgresql://localhost/db         | org.postgresql.Driver",
        "mysql://h/db                                             | mysql      | jdbc:mariadb://h/db                    | org.mariadb.jdbc.Driver",
        "mysql+pymysql://user:password@localhost/dbname           | mysql      | jdbc:mariadb://localhost/dbname        | org.mariadb.jdbc.Driver",
        "mysql+mysqldb://user:password@localhost/dbname           | mysql      | jdbc:mariadb://localhost/dbname        | org.mariadb.jdbc.Driver",
        "mysql+mariadbconnector://h:3307/db                       | mysql      | jdbc:mariadb://h:3307/db               | org.mariadb.jdbc.Driver",
        "mariadb://root@127.0.0.1:3306/test                       | mariadb    | jdbc:mariadb://127.0.0.1:3306/test     | org.mariadb.jdbc.Driver",
        "mariadb+pymysql://user:password@localhost/dbname         | mariadb    | jdbc:mariadb://localhost/dbname        | org.mariadb.jdbc.Driver",
        "jdbc:postgresql://localhost/test?user=a&password=secret  | postgresql | jdbc:postgresql://localhost/test?user=a&password=secret | org.postgresql.Driver",
        "jdbc:h2:mem:x                                            | h2         | jdbc:h2:mem:x                          | org.h2.Driver",
        "jdbc:sqlite:x.db                                         | sqlite     | jdbc:sqlite:x.db                       | org.sqlite.JDBC",
        "jdbc:mariadb://h/db                                      | mariadb    | jdbc:mariadb://h/db                    | org.mariadb.jdbc.Driver"})
    void resolvesEachForm(String url, String dialect, String jdbcUrl, String driverClass) {
        Drivers.Resolved resolved = resolve(url);
        assertThat(resolved.dialect().name()).isEqualTo(dialect);
        assertThat(resolved.target().jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(resolved.target().driverClassName()).isEqualTo(driverClass);
        assertThat(resolved.target().inMemory()).isEqualTo(jdbcUrl.startsWith("jdbc:h2:mem:"));
    }

    @Test
    void mysqlAndMariaDbUseTheirOwnDialectClasses() {
        assertThat(resolve("mysql+pymysql://h/db").dialect()).isExactlyInstanceOf(MySqlDialect.class);
        assertThat(resolve("mariadb://h/db").dialect()).isExactlyInstanceOf(MariaDbDialect.class);
        assertThat(resolve("postgresql+psycopg2://h/db").dialect()).isExactlyInstanceOf(PostgresqlDialect.class);
        assertThat(resolve("sqlite://").dialect()).isExactlyInstanceOf(SqliteDialect.class);
        assertThat(resolve("h2:mem:x").dialect()).isExactlyInstanceOf(H2Dialect.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite://", "sqlite:///:memory:", "sqlite+pysqlite:///:memory:"})
    void inMemorySqliteGetsAUniqueSharedCacheDatabase(String url) {
        JdbcTarget first = resolve(url).target();
        JdbcTarget second = resolve(url).target();
        assertThat(first.jdbcUrl()).startsWith("jdbc:sqlite:file:retort-memory-")
                .endsWith("?mode=memory&cache=shared").matches("jdbc:sqlite:file:retort-memory-\\d+\\?.*");
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        assertThat(first.inMemory()).isTrue();
        assertThat(first.driverClassName()).isEqualTo("org.sqlite.JDBC");
        assertThat(first.properties()).containsExactlyInAnyOrderEntriesOf(props("foreign_keys", "true"));
    }

    @Test
    void h2InMemoryDatabases() {
        JdbcTarget named = resolve("h2:mem:name").target();
        assertThat(named.jdbcUrl()).isEqualTo("jdbc:h2:mem:name");
        assertThat(named.inMemory()).isTrue();

        String first = resolve("h2:mem:").target().jdbcUrl();
        String second = resolve("h2:mem:").target().jdbcUrl();
        assertThat(first).matches("jdbc:h2:mem:retort-memory-\\d+");
        assertThat(first).isNotEqualTo(second);
        assertThat(resolve("h2:mem:").target().inMemory()).isTrue();

        assertThat(resolve("h2:file:./x").target().inMemory()).isFalse();
        assertThat(resolve("jdbc:h2:mem:x").target().inMemory()).isTrue();
        assertThat(resolve("jdbc:sqlite::memory:").target().inMemory()).isTrue();
        assertThat(resolve("jdbc:sqlite:x.db").target().inMemory()).isFalse();
        // An in-memory database inside a TCP server lives as long as the server, not the engine.
        assertThat(resolve("h2://dbhost/mem:shared").target().inMemory()).isFalse();
    }

    @Test
    void credentialsBecomeProperties() {
        assertThat(resolve("postgresql://scott:tiger@localhost/test").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("user", "scott", "password", "tiger"));
        assertThat(resolve("postgresql+psycopg2://user:password@localhost/dbname").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("user", "user", "password", "password"));
        assertThat(resolve("mysql+pymysql://user:password@localhost/dbname").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("user", "user", "password", "password"));
        assertThat(resolve("mariadb://root@127.0.0.1:3306/test").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("user", "root"));
        assertThat(resolve("postgresql://scott:p%40ss%3Aw%2Frd@localhost/test").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("user", "scott", "password", "p@ss:w/rd"));
        assertThat(resolve("postgresql://u:@h/db").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("user", "u", "password", ""));
        assertThat(resolve("h2:mem:name").target().properties()).isEmpty();
        assertThat(resolve("postgresql://h/db").target().properties()).isEmpty();
    }

    @Test
    void jdbcUrlsGetNoPropertiesFromTheirQueryString() {
        // The driver reads user= and password= from a jdbc: URL itself.
        assertThat(resolve("jdbc:postgresql://localhost/test?user=a&password=secret").target().properties())
                .isEmpty();
        assertThat(resolve("jdbc:sqlite:x.db").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("foreign_keys", "true"));
        JdbcTarget withArgs = Drivers.resolve(DatabaseUrl.parse("jdbc:postgresql://h/db"), Map.of("user", "x"))
                .target();
        assertThat(withArgs.properties()).containsExactlyInAnyOrderEntriesOf(props("user", "x"));
    }

    @Test
    void queryKeysBecomePropertiesAndTheLastRepeatWins() {
        assertThat(resolve("postgresql://scott:tiger@h/db?sslmode=require&application_name=retort&x=1&x=2")
                .target().properties()).containsExactlyInAnyOrderEntriesOf(props("user", "scott",
                        "password", "tiger", "sslmode", "require", "application_name", "retort", "x", "2"));
        // The URL's user and password are set after the query's.
        assertThat(resolve("postgresql://scott:tiger@h/db?user=q&password=q").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("user", "scott", "password", "tiger"));
        assertThat(resolve("postgresql://h/db?user=q&password=s").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("user", "q", "password", "s"));
    }

    @Test
    void connectArgsOverrideQueryKeysAndCredentials() {
        JdbcTarget target = Drivers.resolve(DatabaseUrl.parse(
                "postgresql://scott:p%40ss@localhost/test?sslmode=disable&ApplicationName=url"),
                Map.of("ApplicationName", "args", "connectTimeout", "5")).target();
        assertThat(target.properties()).containsExactlyInAnyOrderEntriesOf(props("user", "scott", "password", "p@ss",
                "sslmode", "disable", "ApplicationName", "args", "connectTimeout", "5"));
        JdbcTarget overridden = Drivers.resolve(DatabaseUrl.parse("postgresql://scott:tiger@h/db"),
                Map.of("user", "admin", "password", "root")).target();
        assertThat(overridden.properties())
                .containsExactlyInAnyOrderEntriesOf(props("user", "admin", "password", "root"));
    }

    @Test
    void sqliteEnforcesForeignKeysUnlessTold() {
        assertThat(resolve("sqlite:///a.db").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("foreign_keys", "true"));
        assertThat(resolve("sqlite:///a.db?foreign_keys=false").target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("foreign_keys", "false"));
        assertThat(Drivers.resolve(DatabaseUrl.parse("sqlite:///a.db"), Map.of("foreign_keys", "false"))
                .target().properties()).containsEntry("foreign_keys", "false");
        assertThat(resolve("h2:mem:x").target().properties()).doesNotContainKey("foreign_keys");
        assertThat(resolve("postgresql://h/db").target().properties()).doesNotContainKey("foreign_keys");
    }

    @Test
    void plainMysqlJdbcUrlsUseMariaDbConnectorWhenConnectorJIsAbsent() {
        Drivers.Resolved resolved = resolve("jdbc:mysql://h/db");
        assertThat(resolved.dialect().name()).isEqualTo("mysql");
        assertThat(resolved.target().jdbcUrl()).isEqualTo("jdbc:mysql://h/db");
        assertThat(resolved.target().driverClassName()).isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(resolved.target().properties())
                .containsExactlyInAnyOrderEntriesOf(props("permitMysqlScheme", "true"));
    }

    @Test
    void unknownDialectListsTheSupportedOnes() {
        assertThatThrownBy(() -> resolve("oracle://x/y")).isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown database dialect 'oracle' in URL 'oracle://x/y'; supported dialects: h2, mariadb,"
                        + " mysql, postgresql, sqlite (or a jdbc: URL)");
        assertThatThrownBy(() -> resolve("oracle+cx_oracle://scott:tiger@x/y"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'oracle+cx_oracle://scott:***@x/y'")
                .hasMessageContaining("h2, mariadb, mysql, postgresql, sqlite")
                .hasMessageNotContaining("tiger");
    }

    @Test
    void unknownDriverListsTheSupportedOnes() {
        assertThatThrownBy(() -> resolve("postgresql+foo://h/db")).isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown driver 'foo' for dialect 'postgresql' in URL 'postgresql+foo://h/db'; supported"
                        + " drivers: pgjdbc (aliases: psycopg2, psycopg, psycopg2cffi, asyncpg, pg8000, postgresql)");
        assertThatThrownBy(() -> resolve("mysql+foo://u:secret@h/db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown driver 'foo' for dialect 'mysql'")
                .hasMessageContaining("mariadb-connector (aliases: mariadbconnector, pymysql, mysqldb")
                .hasMessageContaining("mysql-connector (aliases: mysqlconnector, connectorj, mysql)")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> resolve("sqlite+foo:///x.db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("supported drivers: sqlite-jdbc (aliases: pysqlite, aiosqlite, xerial)");
        assertThatThrownBy(() -> resolve("h2+foo:mem:x")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("supported drivers: h2");
    }

    @Test
    void unsupportedJdbcSubprotocolIsRejected() {
        assertThatThrownBy(() -> resolve("jdbc:oracle:thin:@x")).isInstanceOf(ConfigurationException.class)
                .hasMessage("Unsupported JDBC URL 'jdbc:oracle:thin:@x': Retort has no dialect for the 'oracle'"
                        + " subprotocol; supported: jdbc:sqlite:, jdbc:h2:, jdbc:postgresql:, jdbc:mariadb:,"
                        + " jdbc:mysql:");
        assertThatThrownBy(() -> resolve("jdbc:sqlserver://h;password=secret"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'sqlserver' subprotocol").hasMessageNotContaining("secret");
    }

    @Test
    void missingDriverNamesTheArtifact() {
        // MySQL Connector/J is not on this module's test class path.
        assertThatThrownBy(() -> resolve("mysql+mysqlconnector://h/db")).isInstanceOf(ConfigurationException.class)
                .hasMessage("The JDBC driver for mysql (com.mysql.cj.jdbc.Driver) is not on the class path; add the"
                        + " dependency com.mysql:mysql-connector-j");
    }

    @Test
    void h2UrlWithoutADatabaseIsRejected() {
        assertThatThrownBy(() -> resolve("h2://")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The H2 URL 'h2://' names no database");
    }
}
