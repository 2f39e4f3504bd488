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
     * An ORM {@code SELECT} of several elements in any mix, as SQLAlchemy 2.0's {@code select(User, Address.email)}:
     * mapped classes ({@code User.class}), {@linkplain #aliased(Class) entity aliases}, metamodel attributes
     * ({@code User_.name}) and Core expressions; {@link Session#execute(OrmSelect)} returns its rows, with the
     * identity-mapped instances of the entity elements.
     *
     * <pre>{@code
     * session.execute(Orm.select(User.class, Address.class).join(User_.addresses)).tuples(User.class, Address.class)
     * session.execute(Orm.select(User_.name, Address.class).join(User_.addresses))
     * }</pre>
     *
     * @throws io.retort.exception.InvalidArgumentException if an element is none of these
     */
    public static OrmSelect select(Object first, Object... more) {
        java.util.List<Object> items = new java.util.ArrayList<>();
        items.add(first);
        items.addAll(java.util.Arrays.asList(more));
        return OrmSelect.of(items);
    }

    /**
     * An alias of a mapped class's table, as SQLAlchemy's {@code aliased(User)}, named after the table and a number
     * unique in the JVM ({@code user_account_1}); for self-joins and two joins to one class.
     */
    public static <E> EntityAlias<E> aliased(Class<E> entity) {
        return EntityAlias.named(entity, null);
    }

    /** An alias of a mapped class's table under a name of your choosing: {@code aliased(User.class, "manager")}. */
    public static <E> EntityAlias<E> aliased(Class<E> entity, String name) {
        return EntityAlias.named(entity, Objects.requireNonNull(name, "name"));
    }

    /**
     * A mapped class read from a subquery, as SQLAlchemy's {@code aliased(User, stmt.subquery())}: the subquery must
     * have a column of each name of the class's table (a UNION of {@code select(table)} has).
     *
     * @throws io.retort.exception.InvalidArgumentException if a column of the table is missing, naming it
     */
    public static <E> EntityAlias<E> aliased(Class<E> entity, io.retort.sql.DerivedTable subquery) {
        return EntityAlias.of(entity, Objects.requireNonNull(subquery, "subquery"));
    }

    /**
     * An ORM-enabled UPDATE, as SQLAlchemy's {@code update(User)}: run by {@link Session#execute(OrmUpdate)}.
     *
     * @throws io.retort.exception.MappingException if the class's mapping is invalid
     */
    public static <E> OrmUpdate<E> update(Class<E> entity) {
        return OrmUpdate.of(Objects.requireNonNull(entity, "entity"));
    }

    /**
     * An ORM bulk INSERT of maps keyed by field name: {@link Session#execute(OrmInsert, java.util.List)} and
     * {@link Session#scalars(OrmInsert, java.util.List)}.
     *
     * @throws io.retort.exception.MappingException if the class's mapping is invalid
     */
    public static <E> OrmInsert<E> insert(Class<E> entity) {
        return OrmInsert.of(Objects.requireNonNull(entity, "entity"));
    }

    /**
     * An ORM-enabled DELETE, as SQLAlchemy's {@code delete(User)}: run by {@link Session#execute(OrmDelete)}.
     *
     * @throws io.retort.exception.MappingException if the class's mapping is invalid
     */
    public static <E> OrmDelete<E> delete(Class<E> entity) {
        return OrmDelete.of(Objects.requireNonNull(entity, "entity"));
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

    /**
     * Makes an object transient again, as SQLAlchemy's {@code make_transient()}: it leaves its session (if any) and
     * its identity, as if newly constructed with the values it had loaded, so that adding it to a session INSERTs a
     * new row with them (a copy of a row: clear or change its key first where the database does not assign it).
     * What was not loaded is cleared, since no row backs it any more: every field of an expired object, unloaded or
     * expired columns, unloaded references are null (a primitive field its default); a loaded collection keeps its
     * elements, an unloaded one is empty. A deleted object can be added again. A transient object is left as it is.
     *
     * @throws io.retort.exception.InvalidArgumentException if the object's class is not mapped
     */
    public static void makeTransient(Object instance) {
        OrmProvider.instance().makeTransient(Objects.requireNonNull(instance, "instance"));
    }

    /**
     * Makes a transient object whose primary key is set detached under that key, as SQLAlchemy's
     * {@code make_transient_to_detached()}: added to a session, it is persistent without an INSERT, as if it had been
     * loaded there. Its other attributes are expired, since nothing says they hold the row's values: the first read
     * in a session loads the row, a value written after the add is flushed, and values set before this call are not
     * (set them after adding it); its collections and references load from the rows.
     *
     * @throws io.retort.exception.InvalidRequestException if the object is not transient ("Given object must be
     *         transient"), or its primary key is not set
     */
    public static void makeTransientToDetached(Object instance) {
        OrmProvider.instance().makeTransientToDetached(Objects.requireNonNull(instance, "instance"));
    }
}
