package io.retort.cdi;

import io.retort.cdi.internal.DeploymentPlan;
import io.retort.cdi.internal.EngineStarter;
import io.retort.cdi.internal.PortableExtensionPresence;
import io.retort.cdi.internal.RequestSessions;
import io.retort.cdi.internal.RetortBeans;
import io.retort.engine.Engine;
import io.retort.orm.Mapped;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.schema.MetaData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI portable extension: registered in {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}, so
 * containers that run portable extensions (Weld, OpenWebBeans, Helidon, EE servers) load it by itself.
 *
 * <ol>
 *   <li>{@link #announce} tells the build-compatible extension, if it is present too, to stand aside.</li>
 *   <li>{@link #collectMappedClass} collects (and vetoes) the {@code @Mapped} classes the container discovers
 *       (archives with {@code bean-discovery-mode="all"}); {@code retort.packages} adds those of archives in
 *       annotated mode, and without it the archives of the beans that inject Retort types are scanned.</li>
 *   <li>{@link #collectInjectionPoint} notes which databases injection points ask for.</li>
 *   <li>{@link #addBeans} reads the configuration, builds and validates every mapping, reports each problem as a
 *       definition error, and adds the beans of each database.</li>
 *   <li>{@link #startEngines} starts each engine (applying {@code schema-generation}) and reports a failure as a
 *       deployment problem, so that a database the application cannot use fails the start.</li>
 * </ol>
 */
public class RetortExtension implements Extension {
    private final Set<Class<?>> discovered = new LinkedHashSet<>();
    private final Set<String> injectedNames = new TreeSet<>();
    /** The archives (jar or directory) of the beans that inject a Retort type. */
    private final Set<java.net.URL> injectingArchives = new LinkedHashSet<>();
    private List<DeploymentPlan.Unit> units = List.of();

    /** Tells the build-compatible extension, whose discovery runs next, to stand aside. */
    void announce(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) BeforeBeanDiscovery event) {
        PortableExtensionPresence.mark();
    }

    /** Ends the announcement: the build-compatible extension has read it in {@code BeforeBeanDiscovery}. */
    void endAnnouncement(@Observes AfterTypeDiscovery event) {
        PortableExtensionPresence.clear();
    }

    /**
     * Collects a discovered mapped class, and vetoes it: mapped classes are data, not beans (as Jakarta EE treats
     * JPA entities).
     */
    void collectMappedClass(@Observes @WithAnnotations(Mapped.class) ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (type.isAnnotationPresent(Mapped.class)) {
            discovered.add(type);
            event.veto();
        }
    }

    /** Notes the database of an injection point of a Retort type ({@code Session}, {@code Engine}, ...). */
    void collectInjectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint point = event.getInjectionPoint();
        Type type = point.getType();
        if (type instanceof ParameterizedType && (((ParameterizedType) type).getRawType() == Instance.class
                || ((ParameterizedType) type).getRawType() == Provider.class)) {
            type = ((ParameterizedType) type).getActualTypeArguments()[0];
        }
        if (!(type instanceof Class<?>) || !RetortBeans.INJECTABLE_TYPES.contains(((Class<?>) type).getName())) {
            return;
        }
        if (point.getBean() != null) {
            java.security.CodeSource source = point.getBean().getBeanClass().getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                injectingArchives.add(source.getLocation());
            }
        }
        for (Annotation qualifier : point.getQualifiers()) {
            if (qualifier instanceof Database) {
                injectedNames.add(((Database) qualifier).value());
            } else if (qualifier instanceof Default) {
                injectedNames.add("");
            }
        }
    }

    /**
     * Plans the deployment, reports its problems, and adds the beans of each database. Unless a database lists
     * {@code packages}, the archives of the beans that inject Retort types are scanned for mapped classes too: in
     * annotated bean discovery (an empty {@code beans.xml}, Helidon's default) the container shows them none, and a
     * deployment may mix such archives with ones it does show.
     */
    void addBeans(@Observes AfterBeanDiscovery event) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = contextLoader != null ? contextLoader : RetortExtension.class.getClassLoader();
        org.eclipse.microprofile.config.Config config = ConfigProvider.getConfig();
        if (!listsPackages(config)) {
            for (java.net.URL archive : injectingArchives) {
                discovered.addAll(io.retort.cdi.internal.MappedClassScanner.scanArchive(loader, archive));
            }
        }
        DeploymentPlan plan = DeploymentPlan.create(config, discovered, injectedNames, loader);
        if (!plan.problems().isEmpty()) {
            plan.problems().forEach(event::addDefinitionError);
            return;
        }
        units = plan.units();
        for (DeploymentPlan.Unit unit : units) {
            addBeans(event, unit);
        }
    }

    /** Whether {@code retort.packages} or any {@code retort."name".packages} is set: then it decides alone. */
    private static boolean listsPackages(org.eclipse.microprofile.config.Config config) {
        if (config.getOptionalValue("retort.packages", String.class).isPresent()) {
            return true; // also set as the environment variable RETORT_PACKAGES, which has its own property name
        }
        for (String property : config.getPropertyNames()) {
            if (property.equals("retort.packages")
                    || property.startsWith("retort.\"") && property.endsWith("\".packages")) {
                return true;
            }
        }
        return false;
    }

    private static void addBeans(AfterBeanDiscovery event, DeploymentPlan.Unit unit) {
        String name = unit.name();
        Annotation qualifier = RetortBeans.qualifier(name);
        String id = "io.retort.cdi." + (name.isEmpty() ? "default" : "database." + name) + ".";
        event.<Engine>addBean().id(id + "Engine").beanClass(RetortExtension.class)
                .types(Engine.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .produceWith(lookup -> EngineStarter.start(unit.settings(), unit.registry(), lookup))
                .disposeWith((engine, lookup) -> engine.close());
        event.<SessionFactory>addBean().id(id + "SessionFactory").beanClass(RetortExtension.class)
                .types(SessionFactory.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .produceWith(lookup -> RetortBeans.sessionFactory(name, lookup));
        event.<RequestSessions>addBean().id(id + "RequestSessions").beanClass(RetortExtension.class)
                .types(RequestSessions.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(RequestScoped.class)
                .produceWith(lookup -> RetortBeans.requestSessions(name, lookup))
                .disposeWith((sessions, lookup) -> sessions.end());
        event.<Session>addBean().id(id + "Session").beanClass(RetortExtension.class)
                .types(Session.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .produceWith(lookup -> RetortBeans.contextualSession(name, lookup));
        event.<Registry>addBean().id(id + "Registry").beanClass(RetortExtension.class)
                .types(Registry.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .createWith(context -> unit.registry());
        event.<MetaData>addBean().id(id + "MetaData").beanClass(RetortExtension.class)
                .types(MetaData.class, Object.class).qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .createWith(context -> unit.registry().metadata());
        io.retort.cdi.internal.HealthSupport.addBean(event, name); // only with MicroProfile Health on the class path
    }

    /** Starts every engine now, so that a database that cannot be used (or validated) fails the deployment. */
    void startEngines(@Observes AfterDeploymentValidation event, BeanManager beans) {
        List<Throwable> failures = new ArrayList<>();
        for (DeploymentPlan.Unit unit : units) {
            try {
                beans.createInstance().select(Engine.class, RetortBeans.qualifier(unit.name())).get().dialectName();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        failures.forEach(event::addDeploymentProblem);
    }
}
