package io.retort.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.cdi.internal.DatabaseSettings;
import io.retort.cdi.internal.SchemaGeneration;
import io.retort.cdi.internal.SettingsReader;
import io.retort.exception.ConfigurationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the {@code retort.*} keys, without a container. */
class SettingsReaderTest {

    private static SettingsReader reader(Map<String, String> properties, Map<String, String> environment) {
        return new SettingsReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withSources(new EnvConfigSource(environment, 300))
                .build());
    }

    private static DatabaseSettings read(SettingsReader reader, String name) {
        List<ConfigurationException> problems = new ArrayList<>();
        DatabaseSettings settings = reader.read(name, problems::add);
        assertThat(problems).isEmpty();
        return settings;
    }

    @Test
    void expireOnCommitIsOnUnlessSetOffPerDatabaseAndAnInvalidValueNamesTheKey() {
        SettingsReader reader = reader(Map.of("retort.url", "sqlite:///:memory:", "retort.\"reporting\".url",
                "sqlite:///:memory:", "retort.\"reporting\".expire-on-commit", "false"), Map.of());
        assertThat(reader.expireOnCommit("")).isTrue();
        assertThat(reader.expireOnCommit("reporting")).isFalse();
        assertThat(reader(Map.of(), Map.of("RETORT_EXPIRE_ON_COMMIT", "false")).expireOnCommit("")).isFalse();
        List<ConfigurationException> problems = new ArrayList<>();
        reader(Map.of("retort.url", "sqlite:///:memory:", "retort.expire-on-commit", "never"), Map.of())
                .read("", problems::add);
        assertThat(problems).singleElement().extracting(Throwable::getMessage).asString()
                .contains("retort.expire-on-commit has the invalid value 'never'; expected true or false");
    }

    @Test
    void statementCacheSizeIsReadPerDatabaseAndANegativeValueNamesTheKey() {
        SettingsReader reader = reader(Map.of("retort.url", "sqlite:///:memory:", "retort.\"reporting\".url",
                "sqlite:///:memory:", "retort.\"reporting\".statement-cache-size", "0"), Map.of());
        assertThat(read(reader, "").options().statementCacheSize()).isEqualTo(100);
        assertThat(read(reader, "reporting").options().statementCacheSize()).isZero();
        assertThat(read(reader(Map.of("retort.url", "sqlite:///:memory:"), Map.of("RETORT_STATEMENT_CACHE_SIZE", "7")),
                "").options().statementCacheSize()).isEqualTo(7);
        List<ConfigurationException> problems = new ArrayList<>();
        reader(Map.of("retort.url", "sqlite:///:memory:", "retort.statement-cache-size", "-1"), Map.of())
                .read("", problems::add);
        assertThat(problems).singleElement().extracting(Throwable::getMessage).asString()
                .contains("retort.statement-cache-size");
    }

    @Test
    void defaultsWhenOnlyTheUrlIsSet() {
        DatabaseSettings settings = read(reader(Map.of("retort.url", "sqlite:///:memory:"), Map.of()), "");
        assertThat(settings.url().backendName()).isEqualTo("sqlite");
        assertThat(settings.options().echo()).isFalse();
        assertThat(settings.options().poolSize()).isEqualTo(5);
        assertThat(settings.options().maxOverflow()).isEqualTo(10);
        assertThat(settings.options().poolTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.options().poolRecycle()).isNull();
        assertThat(settings.options().poolPrePing()).isFalse();
        assertThat(settings.schemaGeneration()).isEqualTo(SchemaGeneration.NONE);
        assertThat(settings.packages()).isEmpty();
        assertThat(settings.datasource()).isNull();
    }

    @Test
    void everyKeyOfTheDesign() {
        DatabaseSettings settings = read(reader(Map.ofEntries(
                Map.entry("retort.url", "postgresql://app:secret@localhost:5432/app"),
                Map.entry("retort.username", "reader"),
                Map.entry("retort.password", "p@ss"),
                Map.entry("retort.echo", "TRUE"),
                Map.entry("retort.pool.size", "20"),
                Map.entry("retort.pool.max-overflow", "0"),
                Map.entry("retort.pool.timeout", "PT1M"),
                Map.entry("retort.pool.recycle", "3600"),
                Map.entry("retort.pool.pre-ping", "true"),
                Map.entry("retort.connect-args.sslmode", "require"),
                Map.entry("retort.connect-args.ApplicationName", "retort"),
                Map.entry("retort.schema-generation", "Drop-And-Create"),
                Map.entry("retort.packages", "com.acme.model, com.acme.audit")), Map.of()), "");
        assertThat(settings.url().username()).isEqualTo("reader");
        assertThat(settings.url().password()).isEqualTo("p@ss");
        assertThat(settings.url().host()).isEqualTo("localhost");
        assertThat(settings.options().echo()).isTrue();
        assertThat(settings.options().poolSize()).isEqualTo(20);
        assertThat(settings.options().maxOverflow()).isZero();
        assertThat(settings.options().poolTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.options().poolRecycle()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.options().poolPrePing()).isTrue();
        assertThat(settings.options().connectArgs()).containsExactly(Map.entry("ApplicationName", "retort"),
                Map.entry("sslmode", "require"));
        assertThat(settings.schemaGeneration()).isEqualTo(SchemaGeneration.DROP_AND_CREATE);
        assertThat(settings.packages()).containsExactly("com.acme.model", "com.acme.audit");
    }

    @Test
    void durationsAsSecondsUnitsOrIso8601() {
        assertThat(SettingsReader.parseDuration("p", "30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SettingsReader.parseDuration("p", "2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(SettingsReader.parseDuration("p", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SettingsReader.parseDuration("p", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SettingsReader.parseDuration("p", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(SettingsReader.parseDuration("p", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(SettingsReader.parseDuration("p", "1d")).isEqualTo(Duration.ofDays(1));
        assertThat(SettingsReader.parseDuration("p", "PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SettingsReader.parseDuration("p", "-1")).isEqualTo(Duration.ofSeconds(-1));
        assertThatThrownBy(() -> SettingsReader.parseDuration("retort.pool.recycle", "1 hour"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("retort.pool.recycle has the invalid value '1 hour'; expected a number of seconds (30), a"
                        + " number with a unit ms, s, m, h or d (30s, 500ms, 1h), or an ISO-8601 duration (PT30S)");
    }

    @Test
    void aRecycleOfMinusOneKeepsConnections() {
        DatabaseSettings settings = read(reader(Map.of("retort.url", "sqlite://", "retort.pool.recycle", "-1"),
                Map.of()), "");
        assertThat(settings.options().poolRecycle()).isNull();
    }

    @Test
    void environmentVariablesOverrideProperties() {
        SettingsReader reader = reader(Map.of("retort.url", "sqlite://", "retort.pool.size", "3",
                        "retort.\"reporting\".url", "h2:mem:one"),
                Map.of("RETORT_POOL_SIZE", "7", "RETORT__REPORTING__URL", "h2:mem:two",
                        "RETORT__REPORTING__POOL_MAX_OVERFLOW", "2"));
        assertThat(read(reader, "").options().poolSize()).isEqualTo(7);
        DatabaseSettings reporting = read(reader, "reporting");
        assertThat(reporting.url().database()).isEqualTo("mem:two");
        assertThat(reporting.options().maxOverflow()).isEqualTo(2);
    }

    @Test
    void namedDatabasesComeFromTheirQuotedKeys() {
        SettingsReader reader = reader(Map.of("retort.url", "sqlite://", "retort.\"reporting\".url", "h2:mem:r",
                "retort.\"audit.log\".url", "h2:mem:a", "retort.\"reporting\".packages", "com.acme.reporting"),
                Map.of());
        assertThat(reader.configuredNames()).containsExactly("audit.log", "reporting");
        DatabaseSettings reporting = read(reader, "reporting");
        assertThat(reporting.packages()).containsExactly("com.acme.reporting");
        assertThat(reporting.description()).isEqualTo("@Database(\"reporting\")");
        assertThat(reporting.keyPrefix()).isEqualTo("retort.\"reporting\".");
    }

    @Test
    void aJdbcUrlTakesItsCredentialsAsConnectionProperties() {
        DatabaseSettings settings = read(reader(Map.of("retort.url", "jdbc:postgresql://localhost/app",
                "retort.username", "app", "retort.password", "secret"), Map.of()), "");
        assertThat(settings.url().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(settings.options().connectArgs()).containsEntry("user", "app").containsEntry("password", "secret");
    }

    @Test
    void misspeltKeysAreFound() {
        SettingsReader reader = reader(Map.of("retort.url", "sqlite://", "retort.pool.szie", "3",
                "retort.\"reporting\".ur", "x", "retort.connect-args.foo", "bar"), Map.of());
        assertThat(reader.unknownKeys()).containsExactly("retort.\"reporting\".ur", "retort.pool.szie");
    }

    @Test
    void theEnvironmentNameOfAProperty() {
        assertThat(SettingsReader.environmentName("retort.pool.max-overflow")).isEqualTo("RETORT_POOL_MAX_OVERFLOW");
        assertThat(SettingsReader.environmentName("retort.\"reporting\".url")).isEqualTo("RETORT__REPORTING__URL");
    }
}
