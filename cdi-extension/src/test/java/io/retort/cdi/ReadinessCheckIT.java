package io.retort.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.cdi.TestContainers.Kind;
import io.retort.cdi.TestContainers.Running;
import io.retort.testing.TestEnvironment;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The MicroProfile Health readiness check of each database, with either extension: {@code UP} with the pool's
 * figures against the running PostgreSQL ({@code TEST_RETORT_POSTGRESQL_URL}), {@code DOWN} with the reason when the
 * server refuses connections or does not answer within {@code retort.health.timeout}.
 */
class ReadinessCheckIT {

    /**
     * The application's bean, which uses the default database. It must: the build-compatible extension plans the
     * databases without reading any URL (Quarkus runs it at build time, and one build runs against any database), so
     * a default database that no bean injects and no mapped class uses is not deployed there, and has no check.
     */
    @jakarta.enterprise.context.Dependent
    static class Probe {
        @jakarta.inject.Inject
        io.retort.engine.Engine engine;
    }

    private static String postgresql() {
        return TestEnvironment.get(TestEnvironment.POSTGRESQL_URL,
                "postgresql://postgres@127.0.0.1:5432/test");
    }

    /** The readiness responses of the container, by check name. */
    private static Map<String, HealthCheckResponse> readiness(Running running) {
        Map<String, HealthCheckResponse> responses = new HashMap<>();
        for (HealthCheck check : running.container().select(HealthCheck.class, Readiness.Literal.INSTANCE)) {
            HealthCheckResponse response = check.call();
            responses.put(response.getName(), response);
        }
        return responses;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void upAgainstARunningDatabaseDownWhenTheServerIsUnreachable(Kind kind) throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Running running = TestContainers.start(kind, Map.of(
                    "retort.url", postgresql(),
                    // Port 1: nothing listens, the connection is refused at once.
                    "retort.\"refused\".url", "postgresql://postgres@127.0.0.1:1/nowhere",
                    // A socket that accepts and never answers: the check gives up at the timeout.
                    "retort.\"silent\".url", "postgresql://postgres@127.0.0.1:" + silent.getLocalPort() + "/x",
                    "retort.\"silent\".health.timeout", "500ms"), Probe.class);
            try {
                Map<String, HealthCheckResponse> responses = readiness(running);
                assertThat(responses).containsOnlyKeys("retort", "retort-refused", "retort-silent");

                HealthCheckResponse up = responses.get("retort");
                assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
                assertThat(up.getData().orElseThrow()).containsEntry("database", "@Default")
                        .containsEntry("pool.max", 15L).containsEntry("pool.size", 1L).containsEntry("pool.idle", 1L)
                        .containsEntry("pool.in-use", 0L).containsEntry("pool.waiting", 0L)
                        .doesNotContainKey("reason");

                HealthCheckResponse refused = responses.get("retort-refused");
                assertThat(refused.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(refused.getData().orElseThrow()).containsEntry("database", "@Database(\"refused\")")
                        .containsEntry("pool.in-use", 0L);
                assertThat((String) refused.getData().orElseThrow().get("reason"))
                        .startsWith("OperationalException: ").contains("127.0.0.1:1");

                HealthCheckResponse quiet = responses.get("retort-silent");
                assertThat(quiet.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(quiet.getData().orElseThrow()).containsEntry("reason", "no valid connection within 500 ms"
                        + " (the database is slow or unreachable, or every pooled connection is in use)");
                assertThat((Long) quiet.getData().orElseThrow().get("elapsed-ms")).isBetween(500L, 3000L);
                // A second check waits for the same attempt rather than leaving another thread behind.
                assertThat(readiness(running).get("retort-silent").getStatus())
                        .isEqualTo(HealthCheckResponse.Status.DOWN);
            } finally {
                // The check's attempt still waits for the silent server (the driver has no login timeout by
                // default): closing the socket resets it, so that the engine can close.
                silent.close();
                running.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDisabledCheckReportsUpWithoutConnecting(Kind kind) {
        try (Running running = TestContainers.start(kind, Map.of(
                "retort.url", "postgresql://postgres@127.0.0.1:1/nowhere", "retort.health.enabled", "false"),
                Probe.class)) {
            HealthCheckResponse response = readiness(running).get("retort");
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData().orElseThrow()).containsEntry("checked", false);
            assertThat(running.container().select(io.retort.engine.Engine.class).get().poolStatus().open())
                    .isZero();
        }
    }

    /**
     * The check reads {@code retort.health.*} at each call, through the extension's settings reader like every other
     * key: a value that became invalid after the start (a dynamic config source, say) is reported, DOWN with the
     * property named, never read as some other value ({@code no} was taken as "enabled", and the check connected).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aHealthKeyThatBecameInvalidIsReportedNotReadAsAnotherValue(Kind kind) {
        try (Running running = TestContainers.start(kind, Map.of(
                "retort.url", "postgresql://postgres@127.0.0.1:1/nowhere", "retort.health.enabled", "false"),
                Probe.class)) {
            assertThat(readiness(running).get("retort").getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            ConfigProviderResolver resolver = ConfigProviderResolver.instance();
            Config changed = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                    "retort.url", "postgresql://postgres@127.0.0.1:1/nowhere", "retort.health.enabled", "no"),
                    "changed", 100)).build();
            resolver.releaseConfig(running.config());
            resolver.registerConfig(changed, loader);
            try {
                HealthCheckResponse response = readiness(running).get("retort");
                assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(response.getData().orElseThrow()).containsEntry("database", "@Default")
                        .containsEntry("reason", "ConfigurationException: retort.health.enabled has the invalid value"
                                + " 'no'; expected true or false")
                        .doesNotContainKey("elapsed-ms");
            } finally {
                resolver.releaseConfig(changed);
            }
        }
    }
}
