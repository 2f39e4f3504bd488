package io.retort.impl.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.DatabaseUrl;
import io.retort.exception.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** URLs resolve to a dialect, a JDBC URL, a driver and connection properties. */
class DriversTest {

    private static Drivers.Resolved resolve(String url) {
        return Drivers.resolve(DatabaseUrl.parse(url), Map.of());
    }

    @ParameterizedTest
    @CsvSource({
        "sqlite:///relative.db, sqlite, jdbc:sqlite:relative.db, org.sqlite.JDBC",
        "sqlite:////absolute/path.db, sqlite, jdbc:sqlite:/absolute/path.db, org.sqlite.JDBC",
        "sqlite+pysqlite:///app.db, sqlite, jdbc:sqlite:app.db, org.sqlite.JDBC",
        "h2:mem:name, h2, jdbc:h2:mem:name, org.h2.Driver",
        "h2:file:./data/app, h2, jdbc:h2:file:./data/app, org.h2.Driver",
        "h2:///data/app, h2, jdbc:h2:./data/app, org.h2.Driver",
        "h2:////abs/app, h2, jdbc:h2:/abs/app, org.h2.Driver",
        "postgresql://scott:tiger@localhost/test, postgresql, jdbc:postgresql://localhost/test, org.postgresql.Driver",
        "postgresql+psycopg2://u:p@db:5433/app, postgresql, jdbc:postgresql://db:5433/app, org.postgresql.Driver",
        "postgresql+asyncpg://u:p@db/app, postgresql, jdbc:postgresql://db/app, org.postgresql.Driver",
        "postgresql://u@[::1]:5432/app, postgresql, jdbc:postgresql://[::1]:5432/app, org.postgresql.Driver",
        "mysql+pymysql://u:p@localhost/dbname, mysql, jdbc:mariadb://localhost/dbname, org.mariadb.jdbc.Driver",
        "mysql+mysqldb://u:p@localhost/dbname, mysql, jdbc:mariadb://localhost/dbname, org.mariadb.jdbc.Driver",
        "mariadb://root@127.0.0.1:3306/test, mariadb, jdbc:mariadb://127.0.0.1:3306/test, org.mariadb.jdbc.Driver",
        "jdbc:postgresql://h/db, postgresql, jdbc:postgresql://h/db, org.postgresql.Driver",
        "jdbc:h2:mem:x, h2, jdbc:h2:mem:x, org.h2.Driver",
        "jdbc:sqlite:x.db, sqlite, jdbc:sqlite:x.db, org.sqlite.JDBC",
        "jdbc:mariadb://h/db, mariadb, jdbc:mariadb://h/db, org.mariadb.jdbc.Driver"})
    void resolvesEachForm(String url, String dialect, String jdbcUrl, String driverClass) {
        Drivers.Resolved resolved = resolve(url);
        assertThat(resolved.dialect().name()).isEqualTo(dialect);
        assertThat(resolved.target().jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(resolved.target().driverClassName()).isEqualTo(driverClass);
    }

    @Test
    void inMemoryDatabasesGetUniqueNames() {
        for (String url : new String[] {"sqlite://", "sqlite:///:memory:"}) {
            JdbcTarget first = resolve(url).target();
            JdbcTarget second = resolve(url).target();
            assertThat(first.jdbcUrl()).startsWith("jdbc:sqlite:file:retort-memory-").endsWith("mode=memory&cache=shared");
            assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
            assertThat(first.inMemory()).isTrue();
        }
        assertThat(resolve("h2:mem:").target().jdbcUrl()).startsWith("jdbc:h2:mem:retort-memory-");
        assertThat(resolve("h2:mem:").target().jdbcUrl()).isNotEqualTo(resolve("h2:mem:").target().jdbcUrl());
        assertThat(resolve("h2:mem:named").target().inMemory()).isTrue();
        assertThat(resolve("h2:file:./x").target().inMemory()).isFalse();
    }

    @Test
    void credentialsQueryKeysAndConnectArgsBecomeProperties() {
        JdbcTarget target = Drivers.resolve(DatabaseUrl.parse(
                "postgresql://scott:p%40ss@localhost/test?sslmode=disable&ApplicationName=url"),
                Map.of("ApplicationName", "args")).target();
        assertThat(target.properties()).containsEntry("user", "scott").containsEntry("password", "p@ss")
                .containsEntry("sslmode", "disable").containsEntry("ApplicationName", "args");
        assertThat(resolve("sqlite:///a.db").target().properties()).containsEntry("foreign_keys", "true");
        assertThat(resolve("sqlite:///a.db?foreign_keys=false").target().properties())
                .containsEntry("foreign_keys", "false");
    }

    @Test
    void plainMysqlJdbcUrlsUseMariaDbConnectorWhenConnectorJIsAbsent() {
        Drivers.Resolved resolved = resolve("jdbc:mysql://h/db");
        assertThat(resolved.dialect().name()).isEqualTo("mysql");
        assertThat(resolved.target().driverClassName()).isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(resolved.target().properties()).containsEntry("permitMysqlScheme", "true");
    }

    @Test
    void unknownDialectDriverOrSubprotocolListsTheSupportedOnes() {
        assertThatThrownBy(() -> resolve("oracle://x/y")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown database dialect 'oracle'")
                .hasMessageContaining("supported dialects: h2, mariadb, mysql, postgresql, sqlite");
        assertThatThrownBy(() -> resolve("postgresql+foo://h/db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown driver 'foo' for dialect 'postgresql'")
                .hasMessageContaining("psycopg2").hasMessageContaining("asyncpg");
        assertThatThrownBy(() -> resolve("jdbc:oracle:thin:@x:1521:xe")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no dialect for the 'oracle' subprotocol");
        assertThatThrownBy(() -> resolve("mysql+mysqlconnector://h/db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("add the dependency com.mysql:mysql-connector-j");
        assertThatThrownBy(() -> resolve("h2://")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names no database");
    }
}
