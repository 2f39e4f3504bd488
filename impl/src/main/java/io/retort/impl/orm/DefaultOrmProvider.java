package io.retort.impl.orm;

import io.retort.orm.EntityMapping;
import io.retort.orm.InstanceInfo;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.spi.OrmProvider;

/** The ORM's implementation, registered as an {@link OrmProvider} service: mappings, sessions, inspection. */
public final class DefaultOrmProvider implements OrmProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public DefaultOrmProvider() {
    }

    @Override
    public <E> EntityMapping<E> mapping(Class<E> entity) {
        return Mappers.of(entity);
    }

    @Override
    public Session openSession(SessionFactory factory) {
        return new DefaultSession(factory);
    }

    @Override
    public InstanceInfo inspect(Object instance) {
        return Inspection.inspect(instance);
    }
}
