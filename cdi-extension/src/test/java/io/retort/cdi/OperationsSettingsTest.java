package io.retort.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.cdi.internal.DatabaseSettings;
import io.retort.cdi.internal.SettingsReader;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.NPlusOneMode;
import io.retort.exception.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operational keys (slow statements, N+1, metrics, tracing, health) and what happens without OpenTelemetry: this
 * module's test class path has no OpenTelemetry API, as an application that does not use it.
 */
class OperationsSettingsTest {

    private static List<ConfigurationException> problems(Map<String, String> properties) {
        List<ConfigurationException> problems = new ArrayList<>();
        new SettingsReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()).read("", problems::add);
        return problems;
    }

    private static DatabaseSettings read(Map<String, String> properties) {
        List<ConfigurationException> problems = new ArrayList<>();
        DatabaseSettings settings = new SettingsReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()).read("", problems::add);
        assertThat(problems).isEmpty();
        return settings;
    }

    @Test
    void defaults() {
        EngineOptions options = read(Map.of("retort.url", "h2:mem:ops")).options();
        assertThat(options.slowStatementThreshold()).isNull();
        assertThat(options.nPlusOne()).isEqualTo(NPlusOneMode.WARN);
        assertThat(options.nPlusOneThreshold()).isEqualTo(20);
        // No OpenTelemetry API on this class path: metrics and tracing default to off, without an error.
        assertThat(options.metrics()).isFalse();
        assertThat(options.tracing()).isFalse();
    }

    @Test
    void everyOperationalKey() {
        EngineOptions options = read(Map.of("retort.url", "h2:mem:ops", "retort.slow-statement-threshold", "500ms",
                "retort.n-plus-one", "RAISE", "retort.n-plus-one.threshold", "5", "retort.metrics.enabled", "false",
                "retort.tracing.enabled", "false", "retort.health.enabled", "false", "retort.health.timeout", "2s"))
                .options();
        assertThat(options.slowStatementThreshold()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.nPlusOne()).isEqualTo(NPlusOneMode.RAISE);
        assertThat(options.nPlusOneThreshold()).isEqualTo(5);
        assertThat(new SettingsReader(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "retort.health.timeout", "2s", "retort.n-plus-one", "off"), "test", 100)).build()).unknownKeys())
                .isEmpty();
    }

    @Test
    void invalidValuesNameTheKeyAndTheAcceptedOnes() {
        assertThat(problems(Map.of("retort.url", "h2:mem:ops", "retort.n-plus-one", "loud",
                "retort.n-plus-one.threshold", "0", "retort.health.timeout", "0s")))
                .extracting(Throwable::getMessage).containsExactly(
                        "retort.n-plus-one has the invalid value 'loud'; expected warn, raise or off",
                        "retort.n-plus-one.threshold has the invalid value '0'; expected a whole number of 1 or more",
                        "retort.health.timeout has the invalid value 'PT0S'; expected a positive duration: a number"
                                + " of seconds (30), a number with a unit ms, s, m, h or d (30s, 500ms, 1h), or an"
                                + " ISO-8601 duration (PT30S)");
    }

    @Test
    void askingForMetricsWithoutOpenTelemetryFailsWithTheFix() {
        assertThatThrownBy(() -> Engine.create("h2:mem:ops", EngineOptions.builder().metrics(true).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Retort's metrics need the OpenTelemetry API, which is not on the class path: add"
                        + " io.opentelemetry:opentelemetry-api to the application, or switch them off"
                        + " (EngineOptions.metrics(false) / tracing(false); retort.metrics.enabled=false /"
                        + " retort.tracing.enabled=false)");
        // With the features off (the default here), an engine runs as before.
        try (Engine engine = Engine.create("h2:mem:ops")) {
            assertThat(engine.listeners()).isEmpty();
            assertThat(engine.check(Duration.ofSeconds(5)).up()).isTrue();
        }
    }
}
