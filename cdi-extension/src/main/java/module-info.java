/**
 * Retort's CDI integration: a portable extension ({@link io.retort.cdi.RetortExtension}) and a build-compatible one
 * ({@link io.retort.cdi.RetortBuildCompatibleExtension}, for CDI Lite containers such as Quarkus) that discover mapped
 * classes, validate them at deployment, and produce {@code Engine}, {@code Session}, {@code SessionFactory},
 * {@code Registry} and {@code MetaData} beans configured by MicroProfile Config ({@code retort.*}). Named databases
 * are chosen with the {@link io.retort.cdi.Database} qualifier.
 */
module io.retort.cdi {
    requires transitive io.retort;
    requires transitive jakarta.cdi;
    requires transitive org.eclipse.microprofile.config;
    requires java.naming;
    requires static io.retort.jta;
    requires static jakarta.transaction;
    requires static org.jspecify;
    // Optional: only HealthSupport's nested classes and EngineReadinessCheck name it.
    requires static microprofile.health.api;

    exports io.retort.cdi;
    // Bean classes the container instantiates and proxies; not API.
    exports io.retort.cdi.internal;
    opens io.retort.cdi.internal;

    provides jakarta.enterprise.inject.spi.Extension with io.retort.cdi.RetortExtension;
    provides jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension
            with io.retort.cdi.RetortBuildCompatibleExtension;
}
