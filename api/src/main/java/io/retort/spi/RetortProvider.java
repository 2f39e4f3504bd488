package io.retort.spi;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.ConfigurationException;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The implementation of Retort, found with {@link ServiceLoader}. {@code retort-impl} registers one; the API calls
 * {@link #instance()} to create engines.
 */
public interface RetortProvider {

    /** Creates an engine for the URL with the options. */
    Engine createEngine(DatabaseUrl url, EngineOptions options);

    /** Creates an engine on a DataSource someone else owns; see {@link Engine#create(javax.sql.DataSource, String, EngineOptions)}. */
    Engine createEngine(javax.sql.DataSource dataSource, @org.jspecify.annotations.Nullable String dialect,
            EngineOptions options);

    /**
     * The DDL that creates ({@code create=true}) or drops everything in {@code metadata} on a dialect, without a
     * database.
     */
    java.util.List<String> ddl(io.retort.schema.MetaData metadata, String dialect, boolean create);

    /**
     * The mapping of a {@code @Mapped} class, built from its annotations on first use and shared afterwards.
     *
     * @throws io.retort.exception.MappingException naming the class and field when the mapping is invalid
     */
    <E> io.retort.orm.EntityMapping<E> mapping(Class<E> entity);

    /** Opens a session configured by {@code factory}. */
    io.retort.orm.Session openSession(io.retort.orm.SessionFactory factory);

    /**
     * The SQL an ORM statement ({@link io.retort.orm.OrmSelect}, {@link io.retort.orm.EntitySelect}) sends, in the
     * default dialect with {@code :name} parameters, joined loaders included: its {@code toString()}.
     */
    String describe(Object ormStatement);

    /** The state of a mapped object ({@link io.retort.orm.Orm#inspect}). */
    io.retort.orm.InstanceInfo inspect(Object instance);

    /**
     * The provider on the class path or module path.
     *
     * @throws ConfigurationException if none is found, saying which artifact to add
     */
    static RetortProvider instance() {
        return Holder.INSTANCE;
    }

    /** Lazily loads the provider once. */
    final class Holder {
        private static final RetortProvider INSTANCE = load();

        private Holder() {
        }

        private static RetortProvider load() {
            Iterator<RetortProvider> providers = ServiceLoader.load(RetortProvider.class).iterator();
            if (!providers.hasNext()) {
                providers = ServiceLoader.load(RetortProvider.class, RetortProvider.class.getClassLoader()).iterator();
            }
            if (!providers.hasNext()) {
                throw new ConfigurationException("No Retort implementation was found: add the artifact "
                        + "io.retort:retort-impl to the application's run-time class path (or module path)");
            }
            return providers.next();
        }
    }
}
