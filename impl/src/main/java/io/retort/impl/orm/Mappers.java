package io.retort.impl.orm;

import io.retort.exception.InvalidArgumentException;

/**
 * The mapping of each mapped class, built on first use and kept with the class, as SQLAlchemy keeps a class's mapper
 * on the class ({@code __mapper__}): one per class, shared by every {@link io.retort.orm.Registry} that lists it, so
 * that an object's state, a query and a relationship event agree on it. Sessions of a factory that has a registry
 * take their mappers from that registry ({@link DefaultSession#mapper}); the class's own mapping serves what has no
 * session to ask (an event on a transient object, {@code Orm.select}). Thread-safe.
 */
public final class Mappers {
    private static final ClassValue<EntityMapper<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected EntityMapper<?> computeValue(Class<?> type) {
            return DeclarativeScan.build(type);
        }
    };

    private Mappers() {
    }

    /**
     * The mapper of a class.
     *
     * @throws io.retort.exception.MappingException if the class is not mapped or its mapping is invalid
     */
    @SuppressWarnings("unchecked")
    public static <E> EntityMapper<E> of(Class<E> type) {
        return (EntityMapper<E>) MAPPERS.get(type);
    }

    /**
     * The mapper of an object's class.
     *
     * @throws InvalidArgumentException if the object's class is not {@code @Mapped}
     */
    static EntityMapper<?> ofInstance(Object instance) {
        requireMapped(instance);
        return of(instance.getClass());
    }

    /**
     * Refuses an object whose class is not {@code @Mapped}.
     *
     * @throws InvalidArgumentException if it is not
     */
    static void requireMapped(Object instance) {
        Class<?> type = instance.getClass();
        if (!type.isAnnotationPresent(io.retort.orm.Mapped.class)) {
            throw new InvalidArgumentException("A " + type.getName() + " is not a mapped object: its class is not"
                    + " annotated @Mapped");
        }
    }

    /** The SQL an ORM statement sends, joined loaders included: its {@code toString()}. */
    public static String describe(Object statement) {
        if (statement instanceof io.retort.orm.OrmSelect select) {
            return QueryPlan.of(select, Mappers::of).toString();
        }
        if (statement instanceof io.retort.orm.EntitySelect<?> select) {
            EntityMapper<?> mapper = of(select.entityClass());
            return QueryPlan.forEntity(mapper, select.statement(), LoadPlan.of(mapper, select.loadOptions()),
                    select.source(), select.queryOptions()).toString();
        }
        if (statement instanceof io.retort.orm.OrmInsert<?> insert) {
            return OrmDml.describe(of(insert.entityClass()), insert);
        }
        if (statement instanceof io.retort.orm.OrmUpdate<?> update && update.values().isEmpty()
                && update.whereClause() == null) {
            return OrmDml.describe(of(update.entityClass()), update); // a bulk UPDATE by primary key
        }
        return statement.toString();
    }
}
