package io.retort.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.EnvConfigSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.AbstractThrowableAssert;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Starts Weld SE containers with exactly one of the two extensions, and a MicroProfile Config of the test's own
 * (registered for the thread's class loader while the container runs).
 */
final class TestContainers {
    private static final AtomicInteger IDS = new AtomicInteger();

    /** Which extension a container runs. */
    enum Kind {
        /** {@link RetortExtension}, added explicitly (discovery is off, so nothing else is loaded). */
        PORTABLE,
        /** {@link RetortBuildCompatibleExtension} alone: the portable extension is switched off. */
        BUILD_COMPATIBLE
    }

    private TestContainers() {
    }

    /** A running container and its configuration; closing it shuts the container down and releases the config. */
    static final class Running implements AutoCloseable {
        private final WeldContainer container;
        private final Config config;

        Running(WeldContainer container, Config config) {
            this.container = container;
            this.config = config;
        }

        WeldContainer container() {
            return container;
        }

        Config config() {
            return config;
        }

        <T> T select(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
            return container.select(type, qualifiers).get();
        }

        @Override
        public void close() {
            try {
                if (container.isRunning()) {
                    container.shutdown();
                }
            } finally {
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }

    /** Starts a container. */
    static Running start(Kind kind, Map<String, String> properties, Class<?>... beanClasses) {
        return start(kind, properties, Map.of(), beanClasses);
    }

    /**
     * Starts a container whose config has {@code properties} (ordinal 100, as microprofile-config.properties) and the
     * environment variables {@code environment} (ordinal 300, mapped to property names as MicroProfile Config says).
     */
    static Running start(Kind kind, Map<String, String> properties, Map<String, String> environment,
            Class<?>... beanClasses) {
        return start(kind, false, properties, environment, beanClasses);
    }

    /** Starts a container with both extensions registered. */
    static Running startWithBoth(Map<String, String> properties, Class<?>... beanClasses) {
        return start(Kind.PORTABLE, true, properties, Map.of(), beanClasses);
    }

    @SuppressWarnings("unchecked")
    private static Running start(Kind kind, boolean both, Map<String, String> properties,
            Map<String, String> environment, Class<?>... beanClasses) {
        Config config = register(properties, environment);
        try {
            Weld weld = new Weld("retort-test-" + IDS.incrementAndGet()).disableDiscovery()
                    .property("org.jboss.weld.se.shutdownHook", false)
                    .addBeanClasses(beanClasses);
            if (kind == Kind.PORTABLE || both) {
                weld.addExtension(new RetortExtension());
            }
            if (kind == Kind.BUILD_COMPATIBLE || both) {
                weld.addBuildCompatibleExtensions(RetortBuildCompatibleExtension.class);
            }
            return new Running(weld.initialize(), config);
        } catch (RuntimeException | Error e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    /** Asserts that the container fails to start, and returns the assertion on the failure. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertStartFails(Kind kind, Map<String, String> properties,
            Class<?>... beanClasses) {
        return assertThatThrownBy(() -> start(kind, properties, beanClasses).close());
    }

    private static Config register(Map<String, String> properties, Map<String, String> environment) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        try {
            resolver.releaseConfig(resolver.getConfig(loader));
        } catch (RuntimeException e) {
            // no config was registered
        }
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test microprofile-config.properties", 100))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
        resolver.registerConfig(config, loader);
        return config;
    }
}
