package io.retort.orm.spi;

import io.retort.exception.ConfigurationException;
import io.retort.orm.EntityMapping;
import io.retort.orm.InstanceInfo;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Retort ORM's implementation, found with {@link ServiceLoader}: mappings, sessions and the inspection of mapped
 * objects. {@code retort-impl} registers one. Core never sees it: the ORM builds on Core, never the other way.
 * Implementations are thread-safe.
 */
public interface OrmProvider {

    /**
     * The mapping of a {@code @Mapped} class, built from its annotations on first use and shared afterwards.
     *
     * @throws io.retort.exception.MappingException naming the class and field when the mapping is invalid
     */
    <E> EntityMapping<E> mapping(Class<E> entity);

    /** Opens a session configured by {@code factory}. */
    Session openSession(SessionFactory factory);

    /**
     * The SQL an ORM statement ({@link io.retort.orm.OrmSelect}, {@link io.retort.orm.EntitySelect}) sends, in the
     * default dialect with {@code :name} parameters, joined loaders included: its {@code toString()}.
     */
    String describe(Object ormStatement);

    /** The state of a mapped object ({@link io.retort.orm.Orm#inspect}). */
    InstanceInfo inspect(Object instance);

    /** {@link io.retort.orm.Orm#makeTransient}. */
    void makeTransient(Object instance);

    /** {@link io.retort.orm.Orm#makeTransientToDetached}. */
    void makeTransientToDetached(Object instance);

    /**
     * The provider on the class path or module path.
     *
     * @throws ConfigurationException if none is found, saying which artifact to add
     */
    static OrmProvider instance() {
        return Holder.INSTANCE;
    }

    /** Lazily loads the provider once. */
    final class Holder {
        private static final OrmProvider INSTANCE = load();

        private Holder() {
        }

        private static OrmProvider load() {
            Iterator<OrmProvider> providers = ServiceLoader.load(OrmProvider.class).iterator();
            if (!providers.hasNext()) {
                providers = ServiceLoader.load(OrmProvider.class, OrmProvider.class.getClassLoader()).iterator();
            }
            if (!providers.hasNext()) {
                throw new ConfigurationException("No Retort ORM implementation was found: add the artifact "
                        + "io.retort:retort-impl to the application's run-time class path (or module path)");
            }
            return providers.next();
        }
    }
}
