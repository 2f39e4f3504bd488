package io.retort.cdi.internal;

import io.retort.cdi.Database;
import io.retort.engine.Engine;
import io.retort.exception.ConfigurationException;
import io.retort.orm.EntityListener;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.SessionListener;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The beans of one database and how each is made, shared by the portable and the build-compatible extension:
 *
 * <table>
 *   <caption>Beans per database, qualified {@code @Default} or {@code @Database("name")}</caption>
 *   <tr><th>type</th><th>scope</th><th>made from</th></tr>
 *   <tr><td>{@code Engine}</td><td>{@code @ApplicationScoped}, closed at shutdown</td><td>the configuration</td></tr>
 *   <tr><td>{@code SessionFactory}</td><td>{@code @Singleton}</td><td>the engine</td></tr>
 *   <tr><td>{@code RequestSessions}</td><td>{@code @RequestScoped}, session closed at request end</td>
 *       <td>the session factory</td></tr>
 *   <tr><td>{@code Session}</td><td>{@code @Singleton}, forwards to the request's session</td>
 *       <td>the request sessions</td></tr>
 *   <tr><td>{@code Registry}, {@code MetaData}</td><td>{@code @Singleton}</td><td>the mapped classes</td></tr>
 * </table>
 */
public final class RetortBeans {
    /** The bean types an application injects, whose injection points tell which databases are needed. */
    public static final Set<String> INJECTABLE_TYPES = Set.of(Engine.class.getName(), Session.class.getName(),
            SessionFactory.class.getName(), io.retort.orm.Registry.class.getName(),
            io.retort.schema.MetaData.class.getName());

    private RetortBeans() {
    }

    /** {@code @Default} for the empty name, else {@code @Database(name)}. */
    public static Annotation qualifier(String name) {
        return name.isEmpty() ? Default.Literal.INSTANCE : Database.Literal.of(name);
    }

    /**
     * The session factory of the database, on the client proxy of its engine, with the database's {@code Registry}
     * bean (the one registry of the database: its sessions map exactly its classes), and the {@link EntityListener}
     * and {@link SessionListener} beans of the same qualifier ({@code @Default}, or {@code @Database(name)}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SessionFactory sessionFactory(String name, Instance<Object> lookup) {
        SessionFactory.Builder builder = SessionFactory.builder(lookup.select(Engine.class, qualifier(name)).get())
                .registry(lookup.select(io.retort.orm.Registry.class, qualifier(name)).get())
                .expireOnCommit(new SettingsReader(ConfigProvider.getConfig()).expireOnCommit(name));
        // EntityListener<?>, not the raw type: CDI does not resolve a bean of EntityListener<Report> for a raw one.
        for (EntityListener<?> listener : lookup.select(new jakarta.enterprise.util.TypeLiteral<EntityListener<?>>() {
        }, qualifier(name))) {
            builder.listener((Class) Listeners.listenedClass(listener), listener);
        }
        for (SessionListener listener : lookup.select(SessionListener.class, qualifier(name))) {
            builder.listener(listener);
        }
        return builder.build();
    }

    /** A request's session holder. */
    public static RequestSessions requestSessions(String name, Instance<Object> lookup) {
        return new RequestSessions(lookup.select(SessionFactory.class, qualifier(name)).get(),
                DatabaseSettings.description(name));
    }

    /** The contextual Session bean. */
    public static Session contextualSession(String name, Instance<Object> lookup) {
        RequestSessions requestSessions = lookup.select(RequestSessions.class, qualifier(name)).get();
        SessionFactory sessions = lookup.select(SessionFactory.class, qualifier(name)).get();
        return ContextualSessionHandler.create(DatabaseSettings.description(name), () -> requestSessions,
                () -> sessions);
    }

    /**
     * Reads a database's settings at run time, for the build-compatible extension, whose deployment-time plan does
     * not travel to run time (only names and classes do) and read no more than the packages.
     *
     * @throws ConfigurationException naming every problem of the database's configuration
     */
    public static DatabaseSettings readSettings(String name) {
        List<ConfigurationException> problems = new java.util.ArrayList<>();
        DatabaseSettings settings = new SettingsReader(ConfigProvider.getConfig()).read(name, problems::add);
        if (settings == null) {
            if (problems.size() == 1) {
                throw problems.get(0);
            }
            ConfigurationException all = new ConfigurationException("The configuration of the database "
                    + DatabaseSettings.description(name) + " has " + problems.size() + " problems: "
                    + String.join(" | ", problems.stream().map(Throwable::getMessage).toList()));
            problems.forEach(all::addSuppressed);
            throw all;
        }
        return settings;
    }

    /** The classes as a list, for {@code Registry.of}. */
    public static List<Class<?>> classes(Class<?>[] classes) {
        return List.of(classes);
    }
}
