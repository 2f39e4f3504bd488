package io.retort.impl.orm.service;

import io.retort.impl.orm.DefaultSession;
import io.retort.impl.orm.Inspection;
import io.retort.impl.orm.Mappers;
import io.retort.impl.orm.flush.UnitOfWork;

import io.retort.orm.EntityMapping;
import io.retort.orm.InstanceInfo;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.spi.OrmProvider;

/**
 * The ORM's implementation, registered as an {@link OrmProvider} service: mappings, sessions, inspection. It lives
 * above both the session ({@code io.retort.impl.orm}) and the unit of work ({@code io.retort.impl.orm.flush}) and
 * gives the session its flushes, so that the unit of work depends on the session's objects and not the other way
 * round (no package cycle).
 */
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
        return new DefaultSession(factory, UnitOfWork::new);
    }

    @Override
    public String describe(Object ormStatement) {
        return Mappers.describe(ormStatement);
    }

    @Override
    public InstanceInfo inspect(Object instance) {
        return Inspection.inspect(instance);
    }

    @Override
    public void makeTransient(Object instance) {
        Inspection.makeTransient(instance);
    }

    @Override
    public void makeTransientToDetached(Object instance) {
        Inspection.makeTransientToDetached(instance);
    }
}
