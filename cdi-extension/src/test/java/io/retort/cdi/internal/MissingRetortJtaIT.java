package io.retort.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.EngineOptions;
import io.retort.exception.ConfigurationException;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, case 3: a container with a JTA TransactionManager (Narayana's CDI extension, in Weld SE) and no
 * {@code retort-jta} must not start engines that would run their own transactions beside the container's, whose
 * writes a {@code @Transactional} method would then lose at the end of the request. The class path of this module
 * holds retort-jta, so the test hides it from {@link JtaSupport}.
 */
class MissingRetortJtaIT {
    /** A bean, since Weld SE wants at least one. */
    @jakarta.enterprise.context.Dependent
    static class Probe {
    }

    private static final ClassLoader LOADER = Thread.currentThread().getContextClassLoader();
    /** Retort's build-compatible extension runs in these containers too: it needs a database. */
    private static final Config CONFIG = ConfigProviderResolver.instance().getBuilder().forClassLoader(LOADER)
            .addDefaultSources().withSources(new io.smallrye.config.PropertiesConfigSource(
                    Map.of("retort.url", "sqlite:///:memory:"), "test", 500)).build();

    @BeforeAll
    static void configure() {
        ConfigProviderResolver.instance().registerConfig(CONFIG, LOADER);
    }

    @AfterAll
    static void release() {
        ConfigProviderResolver.instance().releaseConfig(CONFIG);
    }

    private static WeldContainer start(boolean narayana) {
        Weld weld = new Weld("retort-missing-jta-" + System.nanoTime()).disableDiscovery()
                .property("org.jboss.weld.se.shutdownHook", false).addBeanClasses(Probe.class);
        if (narayana) {
            weld.addExtension(new com.arjuna.ats.jta.cdi.TransactionExtension());
        }
        return weld.initialize();
    }

    @Test
    void aTransactionManagerWithoutRetortJtaFailsNamingTheArtifact() {
        try (WeldContainer container = start(true)) {
            assertThatThrownBy(() -> JtaSupport.apply(EngineOptions.builder().build(), false, container, "@Default",
                    name -> !name.startsWith("io.retort.jta.")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("The container has a JTA TransactionManager, but the engine @Default cannot join its"
                            + " transactions because the artifact io.retort:retort-jta is not on the class path: add"
                            + " the dependency io.retort:retort-jta (the same version as retort-cdi). Without it,"
                            + " writes in @Transactional methods would be rolled back when the request ends.");
        }
    }

    @Test
    void withRetortJtaTheEngineJoinsTheContainersTransactions() {
        EngineOptions plain = EngineOptions.builder().build();
        try (WeldContainer container = start(true)) {
            EngineOptions joined = JtaSupport.apply(plain, false, container, "@Default");
            assertThat(joined.transactionCoordinator()).isNotSameAs(plain.transactionCoordinator());
            assertThat(joined.transactionCoordinator().getClass().getName()).startsWith("io.retort.jta.");
        }
    }

    @Test
    void withoutATransactionManagerTheEngineStaysResourceLocal() {
        EngineOptions plain = EngineOptions.builder().build();
        try (WeldContainer container = start(false)) {
            EngineOptions applied = JtaSupport.apply(plain, false, container, "@Default",
                    name -> !name.startsWith("io.retort.jta."));
            assertThat(applied).isSameAs(plain);
        }
    }
}
