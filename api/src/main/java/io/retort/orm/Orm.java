package io.retort.orm;

import io.retort.orm.spi.OrmProvider;
import java.util.Objects;

/**
 * Static entry points of the ORM; import them statically beside {@code io.retort.sql.Sql.*}:
 *
 * <pre>{@code
 * import static io.retort.orm.Orm.select;
 *
 * User user = session.scalars(select(User.class).where(User_.name.eq("spongebob"))).one();
 * InstanceInfo info = Orm.inspect(user);   // PERSISTENT, identity 1
 * }</pre>
 */
public final class Orm {
    private Orm() {
    }

    /**
     * {@code SELECT} the columns of a mapped class's table, returning its instances when run by
     * {@link Session#scalars(EntitySelect)}.
     *
     * @throws io.retort.exception.MappingException if the class's mapping is invalid
     */
    public static <E> EntitySelect<E> select(Class<E> entity) {
        return EntitySelect.of(Objects.requireNonNull(entity, "entity"));
    }

    /**
     * A mapped field named by string, for code that builds queries dynamically:
     * {@code Orm.attribute(User.class, "name").eq("spongebob")}.
     *
     * @throws io.retort.exception.InvalidArgumentException if the class maps no such field, listing those it maps
     */
    @SuppressWarnings("unchecked")
    public static <E> ColumnAttribute<E, Object> attribute(Class<E> entity, String name) {
        EntityMapping<E> mapping = mapping(entity);
        mapping.column(name); // fails early, naming the fields the class maps
        return (ColumnAttribute<E, Object>) (ColumnAttribute<E, ?>) ColumnAttribute.of(entity, name,
                mapping.attributeType(name));
    }

    /**
     * The mapping of a class, built from its annotations on first use and validated.
     *
     * @throws io.retort.exception.MappingException naming the class and field when the mapping is invalid
     */
    public static <E> EntityMapping<E> mapping(Class<E> entity) {
        return OrmProvider.instance().mapping(Objects.requireNonNull(entity, "entity"));
    }

    /**
     * The state of a mapped object: transient, pending, persistent, deleted or detached, with its identity.
     *
     * @throws io.retort.exception.InvalidArgumentException if the object's class is not mapped
     */
    public static InstanceInfo inspect(Object instance) {
        return OrmProvider.instance().inspect(Objects.requireNonNull(instance, "instance"));
    }
}
