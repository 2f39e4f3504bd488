package io.retort.cdi;

import io.retort.cdi.internal.DeploymentPlan;
import io.retort.cdi.internal.EngineStarter;
import io.retort.cdi.internal.PortableExtensionPresence;
import io.retort.cdi.internal.RequestSessions;
import io.retort.cdi.internal.RetortBeans;
import io.retort.engine.Engine;
import io.retort.exception.ConfigurationException;
import io.retort.orm.Mapped;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.schema.MetaData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanDisposer;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The build-compatible extension (CDI Lite, the only kind Quarkus runs), producing the same beans from the same
 * configuration as {@link RetortExtension}, through the same {@link DeploymentPlan}. Where the portable extension runs
 * too (Weld with both registered), this one stands aside: the portable one announces itself in
 * {@code BeforeBeanDiscovery} ({@link PortableExtensionPresence}). It is not annotated
 * {@code @SkipIfPortableExtensionPresent}, because Weld takes that as "never run", and this extension must also run
 * in Weld when the portable one is switched off.
 *
 * <p>The deployment-time plan validates; what the beans need at run time travels as parameters (the database's name
 * and its mapped classes), and the settings are read again from MicroProfile Config when the engine starts. A
 * synthetic observer of {@link Startup} starts every engine, so that schema generation runs, and fails, at start.
 */
public class RetortBuildCompatibleExtension implements BuildCompatibleExtension {
    private static final String NAME = "name";
    private static final String CLASSES = "classes";
    private static final String REASON = "reason";

    private final Set<String> discovered = new TreeSet<>();
    private final Set<String> injectedNames = new TreeSet<>();
    private boolean standAside;

    /** Stands aside if the portable extension runs in this container. */
    @Discovery
    public void checkForPortableExtension() {
        standAside = PortableExtensionPresence.isMarked();
    }

    /**
     * Collects a discovered mapped class. CDI Lite has no way to veto a type, so unlike with the portable extension a
     * mapped class in an archive with {@code bean-discovery-mode="all"} is also a {@code @Dependent} bean here.
     */
    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = Mapped.class)
    public void collectMappedClass(ClassInfo type) {
        if (!standAside && type.hasAnnotation(Mapped.class)) {
            discovered.add(type.name());
        }
    }

    /** Notes the databases that beans' injection points ask for. */
    @Registration(types = Object.class)
    public void collectInjectionPoints(BeanInfo bean) {
        if (standAside) {
            return;
        }
        for (InjectionPointInfo point : bean.injectionPoints()) {
            Type type = point.type();
            if (type.isParameterizedType()) {
                String generic = type.asParameterizedType().declaration().name();
                if (generic.equals(Instance.class.getName()) || generic.equals(jakarta.inject.Provider.class.getName())) {
                    type = type.asParameterizedType().typeArguments().get(0);
                }
            }
            if (!type.isClass() || !RetortBeans.INJECTABLE_TYPES.contains(type.asClass().declaration().name())) {
                continue;
            }
            boolean qualified = false;
            for (AnnotationInfo qualifier : point.qualifiers()) {
                if (qualifier.name().equals(Database.class.getName())) {
                    injectedNames.add(qualifier.value().asString());
                    qualified = true;
                } else if (qualifier.name().equals(Default.class.getName())) {
                    injectedNames.add("");
                    qualified = true;
                } else if (!qualifier.name().equals(jakarta.inject.Named.class.getName())) {
                    qualified = true;
                }
            }
            if (!qualified) {
                injectedNames.add("");
            }
        }
    }

    /** Plans the deployment, reports its problems, and adds the beans of each database. */
    @Synthesis
    public void addBeans(SyntheticComponents components, Messages messages) {
        if (standAside) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = RetortBuildCompatibleExtension.class.getClassLoader();
        }
        org.eclipse.microprofile.config.Config config = ConfigProvider.getConfig(loader);
        // At Quarkus build time the mapped classes are enhanced after this extension runs: see them enhanced.
        loader = io.retort.cdi.internal.BuildTimeEnhancement.loaderFor(loader);
        List<Class<?>> classes = new ArrayList<>();
        for (String name : discovered) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                messages.error(new ConfigurationException("The mapped class " + name + " cannot be loaded: " + e, e));
            }
        }
        // Only the package-to-database assignment is read here (Quarkus runs this at build time); the engine reads the
        // URL, credentials and pool settings when it starts.
        DeploymentPlan plan = DeploymentPlan.create(config, classes, injectedNames, loader,
                true);
        if (!plan.problems().isEmpty()) {
            plan.problems().forEach(messages::error);
            // Weld reports these errors only after validating injection points, so each database that may be asked
            // for still gets its beans (never created: the deployment fails first), lest an "unsatisfied
            // dependency" hide the real problem.
            Set<String> names = new TreeSet<>(injectedNames);
            names.add("");
            for (String name : names) {
                addBeans(components, name, new Class<?>[0], false, "");
            }
            return;
        }
        for (DeploymentPlan.Unit unit : plan.units()) {
            addBeans(components, unit.name(), unit.registry().mappedClasses().toArray(new Class<?>[0]), true,
                    unit.name().isEmpty() ? plan.defaultDatabaseReason() : "");
        }
    }

    private static void addBeans(SyntheticComponents components, String name, Class<?>[] classes, boolean start,
            String reason) {
        // Every bean gets a name: ArC (Quarkus) removes unused beans, and a named bean is never unused. Retort looks
        // up the Engine, RequestSessions, SessionFactory and Registry beans itself, which ArC cannot see.
        String id = beanName(name);
        components.addBean(Engine.class).type(Engine.class).qualifier(RetortBeans.qualifier(name)).name(id + "Engine")
                .scope(ApplicationScoped.class).withParam(NAME, name)
                .withParam(REASON, reason).createWith(EngineCreator.class).disposeWith(EngineDisposer.class);
        components.addBean(SessionFactory.class).type(SessionFactory.class).qualifier(RetortBeans.qualifier(name))
                .name(id + "SessionFactory").scope(Singleton.class).withParam(NAME, name)
                .createWith(SessionFactoryCreator.class);
        components.addBean(RequestSessions.class).type(RequestSessions.class).qualifier(RetortBeans.qualifier(name))
                .name(id + "RequestSessions").scope(RequestScoped.class).withParam(NAME, name)
                .createWith(RequestSessionsCreator.class).disposeWith(RequestSessionsDisposer.class);
        components.addBean(Session.class).type(Session.class).qualifier(RetortBeans.qualifier(name))
                .name(id + "Session").scope(Singleton.class).withParam(NAME, name).createWith(SessionCreator.class);
        components.addBean(Registry.class).type(Registry.class).qualifier(RetortBeans.qualifier(name))
                .name(id + "Registry").scope(Singleton.class).withParam(CLASSES, classes)
                .createWith(RegistryCreator.class);
        components.addBean(MetaData.class).type(MetaData.class).qualifier(RetortBeans.qualifier(name))
                .name(id + "MetaData").scope(Singleton.class).withParam(NAME, name).createWith(MetaDataCreator.class);
        if (start) {
            components.addObserver(Startup.class).declaringClass(RetortBuildCompatibleExtension.class)
                    .priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE).withParam(NAME, name)
                    .observeWith(EngineStartup.class);
            io.retort.cdi.internal.HealthSupport.addBean(components, name); // only with MicroProfile Health there
        }
    }

    /**
     * The prefix of the bean names of a database: {@code io.retort.default.} or {@code io.retort.database.<name>.}.
     */
    static String beanName(String name) {
        return "io.retort." + (name.isEmpty() ? "default." : "database." + name + ".");
    }

    private static String name(Parameters parameters) {
        return parameters.get(NAME, String.class);
    }

    /** Creates the {@code Engine} bean. */
    public static final class EngineCreator implements SyntheticBeanCreator<Engine> {
        @Override
        public Engine create(Instance<Object> lookup, Parameters parameters) {
            // The database's one Registry: the bean, also given to its SessionFactory and MetaData beans.
            Registry registry = lookup.select(Registry.class, RetortBeans.qualifier(name(parameters))).get();
            io.retort.cdi.internal.DatabaseSettings settings;
            try {
                settings = RetortBeans.readSettings(name(parameters));
            } catch (ConfigurationException e) {
                String reason = parameters.get(REASON, String.class, "");
                if (reason.isEmpty()) {
                    throw e;
                }
                throw new ConfigurationException(e.getMessage() + reason, e);
            }
            return EngineStarter.start(settings, registry, lookup);
        }
    }

    /** Closes the engine's pool when the application context ends. */
    public static final class EngineDisposer implements SyntheticBeanDisposer<Engine> {
        @Override
        public void dispose(Engine engine, Instance<Object> lookup, Parameters parameters) {
            engine.close();
        }
    }

    /** Creates the {@code SessionFactory} bean. */
    public static final class SessionFactoryCreator implements SyntheticBeanCreator<SessionFactory> {
        @Override
        public SessionFactory create(Instance<Object> lookup, Parameters parameters) {
            return RetortBeans.sessionFactory(name(parameters), lookup);
        }
    }

    /** Creates a request's session holder. */
    public static final class RequestSessionsCreator implements SyntheticBeanCreator<RequestSessions> {
        @Override
        public RequestSessions create(Instance<Object> lookup, Parameters parameters) {
            return RetortBeans.requestSessions(name(parameters), lookup);
        }
    }

    /** Rolls back and closes a request's session when the request ends. */
    public static final class RequestSessionsDisposer implements SyntheticBeanDisposer<RequestSessions> {
        @Override
        public void dispose(RequestSessions sessions, Instance<Object> lookup, Parameters parameters) {
            sessions.end();
        }
    }

    /** Creates the contextual {@code Session} bean. */
    public static final class SessionCreator implements SyntheticBeanCreator<Session> {
        @Override
        public Session create(Instance<Object> lookup, Parameters parameters) {
            return RetortBeans.contextualSession(name(parameters), lookup);
        }
    }

    /** Creates the {@code Registry} bean. */
    public static final class RegistryCreator implements SyntheticBeanCreator<Registry> {
        @Override
        public Registry create(Instance<Object> lookup, Parameters parameters) {
            return Registry.of(RetortBeans.classes(parameters.get(CLASSES, Class[].class)));
        }
    }

    /** Creates the {@code MetaData} bean: the registry's. */
    public static final class MetaDataCreator implements SyntheticBeanCreator<MetaData> {
        @Override
        public MetaData create(Instance<Object> lookup, Parameters parameters) {
            return lookup.select(Registry.class, RetortBeans.qualifier(name(parameters))).get().metadata();
        }
    }

    /** Starts the engine at application start, so that schema generation runs (and fails) then. */
    public static final class EngineStartup implements SyntheticObserver<Startup> {
        @Override
        public void observe(EventContext<Startup> event, Parameters parameters) {
            CDI.current().select(Engine.class, RetortBeans.qualifier(name(parameters))).get().dialectName();
        }
    }
}
