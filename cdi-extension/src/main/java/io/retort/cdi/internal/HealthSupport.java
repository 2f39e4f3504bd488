package io.retort.cdi.internal;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.inject.Singleton;

/**
 * Adds one MicroProfile Health {@code @Readiness} check ({@link EngineReadinessCheck}) per database, for both
 * extensions, when the MicroProfile Health API is on the class path; without it, nothing (and no error). Only the
 * nested classes name MicroProfile Health types, and they are loaded only when it is there.
 */
public final class HealthSupport {
    private static final String NAME = "name";

    private HealthSupport() {
    }

    /** Whether the MicroProfile Health API is on the class path. */
    public static boolean onClassPath() {
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck", false, HealthSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The portable extension's readiness check of the database {@code name}, if MicroProfile Health is there. */
    public static void addBean(AfterBeanDiscovery event, String name) {
        if (onClassPath()) {
            Portable.addBean(event, name);
        }
    }

    /** The build-compatible extension's readiness check of the database {@code name}, if MicroProfile Health is there. */
    public static void addBean(SyntheticComponents components, String name) {
        if (onClassPath()) {
            BuildCompatible.addBean(components, name);
        }
    }

    /**
     * {@code @Database(name)}, in the portable extension also for the default database ({@code @Database("")}): the
     * checks of several databases are otherwise the same bean to a container (same class, types and qualifiers), and
     * not {@code @Default}, so that an application's own unqualified {@code HealthCheck} injection is not ambiguous.
     */
    private static io.retort.cdi.Database distinct(String name) {
        return io.retort.cdi.Database.Literal.of(name);
    }

    private static String id(String name) {
        return "io.retort.cdi." + (name.isEmpty() ? "default" : "database." + name) + ".ReadinessCheck";
    }

    /** The portable extension's bean. */
    private static final class Portable {
        static void addBean(AfterBeanDiscovery event, String name) {
            event.<org.eclipse.microprofile.health.HealthCheck>addBean().id(id(name))
                    .beanClass(EngineReadinessCheck.class)
                    .types(org.eclipse.microprofile.health.HealthCheck.class, EngineReadinessCheck.class,
                            Object.class)
                    .qualifiers(org.eclipse.microprofile.health.Readiness.Literal.INSTANCE, distinct(name),
                            Any.Literal.INSTANCE)
                    .scope(Singleton.class)
                    .produceWith(lookup -> EngineReadinessCheck.of(name, lookup));
        }
    }

    /**
     * The build-compatible extension's bean. The default database's check is told apart by its bean name, not by
     * {@code @Database("")}: Quarkus (ArC) generates the bean's class at build time and fails with "Annotation class
     * not available: @io.retort.cdi.Database" for a qualifier of a jar it does not index. The name also keeps ArC
     * from removing the bean as unused (MicroProfile Health looks the checks up by their qualifier only).
     */
    private static final class BuildCompatible {
        static void addBean(SyntheticComponents components, String name) {
            var bean = components.addBean(EngineReadinessCheck.class)
                    .type(org.eclipse.microprofile.health.HealthCheck.class).type(EngineReadinessCheck.class)
                    .qualifier(org.eclipse.microprofile.health.Readiness.Literal.INSTANCE).name(id(name))
                    .scope(Singleton.class).withParam(NAME, name).createWith(Creator.class);
            if (!name.isEmpty()) {
                bean.qualifier(distinct(name));
            }
        }
    }

    /** Creates the build-compatible extension's readiness check bean. */
    public static final class Creator implements SyntheticBeanCreator<EngineReadinessCheck> {
        @Override
        public EngineReadinessCheck create(Instance<Object> lookup, Parameters parameters) {
            return EngineReadinessCheck.of(parameters.get(NAME, String.class), lookup);
        }
    }
}
