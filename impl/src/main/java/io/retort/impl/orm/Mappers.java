package io.retort.impl.orm;

import io.retort.exception.InvalidArgumentException;

/** The mapper of each mapped class, built on first use and kept with the class. Thread-safe. */
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
        Class<?> type = instance.getClass();
        if (!type.isAnnotationPresent(io.retort.orm.Mapped.class)) {
            throw new InvalidArgumentException("A " + type.getName() + " is not a mapped object: its class is not"
                    + " annotated @Mapped");
        }
        return of(type);
    }
}
