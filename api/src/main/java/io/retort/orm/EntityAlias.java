package io.retort.orm;

import io.retort.exception.InvalidArgumentException;
import io.retort.orm.spi.OrmProvider;
import io.retort.sql.ColumnReference;
import io.retort.sql.DerivedTable;
import io.retort.sql.TableReference;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A mapped class under another name, as SQLAlchemy's {@code aliased(User)}: its rows are still instances of the
 * class (identity-mapped like any other), read from an alias of the class's table or from a subquery. Made by
 * {@link Orm#aliased(Class)}, {@link Orm#aliased(Class, String)} and {@link Orm#aliased(Class, DerivedTable)}.
 *
 * <pre>{@code
 * EntityAlias<User> manager = Orm.aliased(User.class, "manager");
 * session.execute(Orm.select(User.class, manager)
 *         .join(manager, User_.managerId.eq(manager.get(User_.id)))
 *         .where(manager.get(User_.name).eq("sandy")));
 * // SELECT user_account.id, ..., manager.id, ... FROM user_account
 * // JOIN user_account AS manager ON user_account.manager_id = manager.id WHERE manager.name = ?
 * }</pre>
 *
 * <p>An alias made without a name is named after its table and a number unique in the JVM ({@code user_account_3}),
 * so two aliases of one class never share a name in a statement; make such aliases once (a constant) rather than per
 * query, as each name is a different statement to the statement cache. Immutable and thread-safe; equal when they
 * alias the same class under the same name and source.
 *
 * @param <E> the mapped class
 */
public final class EntityAlias<E> {
    private static final ConcurrentHashMap<String, AtomicInteger> COUNTERS = new ConcurrentHashMap<>();

    private final Class<E> entity;
    private final TableReference table;

    private EntityAlias(Class<E> entity, TableReference table) {
        this.entity = entity;
        this.table = table;
    }

    static <E> EntityAlias<E> named(Class<E> entity, @Nullable String name) {
        EntityMapping<E> mapping = OrmProvider.instance().mapping(Objects.requireNonNull(entity, "entity"));
        String tableName = mapping.table().name();
        String alias = name != null ? name
                : tableName + "_" + COUNTERS.computeIfAbsent(tableName, t -> new AtomicInteger()).incrementAndGet();
        if (mapping.tables().size() > 1) {
            Class<?> root = entity;
            while (OrmProvider.instance().mapping(root).mappedSuperclass() != null) {
                root = Objects.requireNonNull(OrmProvider.instance().mapping(root).mappedSuperclass());
            }
            throw new InvalidArgumentException("Alias " + alias + " of " + entity.getSimpleName() + " would cover"
                    + " table " + tableName + " only, but a row of " + entity.getSimpleName() + " spans the tables of"
                    + " its superclasses too; alias the base class instead, Orm.aliased(" + root.getSimpleName()
                    + ".class), and filter its subclass rows by the discriminator");
        }
        return new EntityAlias<>(entity, mapping.table().alias(alias));
    }

    static <E> EntityAlias<E> of(Class<E> entity, DerivedTable subquery) {
        EntityMapping<E> mapping = OrmProvider.instance().mapping(Objects.requireNonNull(entity, "entity"));
        for (String attribute : mapping.attributeNames()) {
            String column = mapping.column(attribute).name();
            boolean found = subquery.columnReferences().stream().anyMatch(c -> c.name().equalsIgnoreCase(column));
            if (!found) {
                throw new InvalidArgumentException("Subquery " + subquery.name() + " has no column " + column + " for "
                        + entity.getSimpleName() + "." + attribute + " (its columns are "
                        + subquery.columnReferences().stream().map(ColumnReference::name).toList()
                        + "); select every column of " + mapping.table().name() + " in it, for example"
                        + " select(" + mapping.table().name() + ")");
            }
        }
        return new EntityAlias<>(entity, subquery);
    }

    /** The mapped class. */
    public Class<E> entityClass() {
        return entity;
    }

    /** The alias's name in SQL. */
    public String name() {
        return table.name();
    }

    /** The Core table it reads from: a {@link io.retort.sql.TableAlias} of the class's table, or the subquery. */
    public TableReference table() {
        return table;
    }

    /**
     * A mapped field of the class, as a column of this alias: {@code manager.get(User_.name).eq("sandy")} renders
     * {@code manager.name = ?}.
     *
     * @throws InvalidArgumentException if the attribute belongs to another class
     */
    @SuppressWarnings("unchecked")
    public <T> ColumnReference<T> get(ColumnAttribute<? super E, T> attribute) {
        if (!attribute.entityClass().isAssignableFrom(entity)) {
            throw new InvalidArgumentException(attribute + " is not an attribute of " + entity.getSimpleName()
                    + ", which alias " + name() + " stands for");
        }
        return (ColumnReference<T>) column(attribute.attributeName());
    }

    /** The column of this alias for a mapped field named by string. */
    public ColumnReference<?> column(String attribute) {
        String column = OrmProvider.instance().mapping(entity).column(attribute).name();
        for (ColumnReference<?> candidate : table.columnReferences()) {
            if (candidate.name().equalsIgnoreCase(column)) {
                return candidate;
            }
        }
        return table.columnReference(column);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof EntityAlias && ((EntityAlias<?>) other).entity.equals(entity)
                && ((EntityAlias<?>) other).table.equals(table);
    }

    @Override
    public int hashCode() {
        return entity.hashCode() * 31 + table.hashCode();
    }

    /** {@code aliased(User, manager)}. */
    @Override
    public String toString() {
        return "aliased(" + entity.getSimpleName() + ", " + name() + ")";
    }
}
