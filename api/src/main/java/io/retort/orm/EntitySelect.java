package io.retort.orm;

import io.retort.orm.spi.OrmProvider;
import io.retort.sql.CompiledSql;
import io.retort.sql.Expression;
import io.retort.sql.OrderBy;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.TableReference;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ORM-enabled SELECT that returns instances of a mapped class, as SQLAlchemy's {@code select(User)}: made by
 * {@link Orm#select(Class)}, run by {@link Session#scalars(EntitySelect)}. Immutable and generative like
 * {@link Select}, whose clauses it offers; {@link #statement()} is the Core statement it wraps.
 *
 * <pre>{@code
 * List<User> users = session.scalars(select(User.class)
 *         .where(User_.name.startsWith("s"))
 *         .orderBy(User_.id.desc())
 *         .limit(10)).all();
 * // SELECT user_account.id, user_account.name, user_account.fullname FROM user_account
 * // WHERE user_account.name LIKE ? ESCAPE '/' ORDER BY user_account.id DESC LIMIT ?
 * }</pre>
 *
 * @param <E> the mapped class it returns
 */
public final class EntitySelect<E> {
    private final Class<E> entity;
    private final Select statement;
    private final java.util.List<LoadOption> options;

    private EntitySelect(Class<E> entity, Select statement, java.util.List<LoadOption> options) {
        this.entity = entity;
        this.statement = statement;
        this.options = java.util.List.copyOf(options);
    }

    static <E> EntitySelect<E> of(Class<E> entity) {
        EntityMapping<E> mapping = OrmProvider.instance().mapping(entity);
        return new EntitySelect<>(entity, io.retort.sql.Sql.select(mapping.table()), java.util.List.of());
    }

    private EntitySelect<E> with(Select changed) {
        return new EntitySelect<>(entity, changed, options);
    }

    /**
     * Loader strategies for relationships of this query's objects (and, with chained paths, of their related ones):
     * {@code .options(selectIn(User_.addresses), joined(User_.profile))}.
     *
     * @throws io.retort.exception.InvalidArgumentException if a path does not start at this query's class
     */
    public EntitySelect<E> options(LoadOption... loaders) {
        java.util.List<LoadOption> more = new java.util.ArrayList<>(options);
        for (LoadOption option : loaders) {
            RelationshipAttribute<?, ?> first = option.path().get(0).relationship();
            if (!first.entityClass().isAssignableFrom(entity)) {
                throw new io.retort.exception.InvalidArgumentException("Loader option " + option + " starts at "
                        + first.entityClass().getSimpleName() + ", but this query selects " + entity.getSimpleName());
            }
            more.add(option);
        }
        return new EntitySelect<>(entity, statement, more);
    }

    /** The loader options given with {@link #options}. */
    public java.util.List<LoadOption> loadOptions() {
        return options;
    }

    /**
     * {@code JOIN} through a relationship, the ON clause from its foreign key (a many-to-many joins its association
     * table too): {@code select(User.class).join(User_.addresses).where(Address_.email.like("%@x.org"))}. The query
     * still returns each object once per joined row; add {@link #distinct()} to return it once.
     */
    public EntitySelect<E> join(RelationshipAttribute<?, ?> relationship) {
        return with(OrmProvider.instance().mapping(relationship.entityClass())
                .joinRelationship(statement, relationship.attributeName(), false));
    }

    /** {@code LEFT OUTER JOIN} through a relationship. */
    public EntitySelect<E> outerJoin(RelationshipAttribute<?, ?> relationship) {
        return with(OrmProvider.instance().mapping(relationship.entityClass())
                .joinRelationship(statement, relationship.attributeName(), true));
    }

    /** The mapped class whose instances the statement returns. */
    public Class<E> entityClass() {
        return entity;
    }

    /** The Core SELECT: the mapped table's columns, in the order of {@link EntityMapping#attributeNames()}. */
    public Select statement() {
        return statement;
    }

    /** Adds WHERE criteria, joined with AND. */
    public EntitySelect<E> where(Predicate... criteria) {
        return with(statement.where(criteria));
    }

    /** Appends ORDER BY items. */
    public EntitySelect<E> orderBy(OrderBy... items) {
        return with(statement.orderBy(items));
    }

    /** Appends ORDER BY expressions, ascending. */
    public EntitySelect<E> orderBy(Expression<?>... expressions) {
        return with(statement.orderBy(expressions));
    }

    /** Sets LIMIT. */
    public EntitySelect<E> limit(int rows) {
        return with(statement.limit(rows));
    }

    /** Sets OFFSET. */
    public EntitySelect<E> offset(int rows) {
        return with(statement.offset(rows));
    }

    /** SELECT DISTINCT. */
    public EntitySelect<E> distinct() {
        return with(statement.distinct());
    }

    /** {@code JOIN} another mapped class's table, the ON clause inferred from the foreign key between them. */
    public EntitySelect<E> join(Class<?> other) {
        return with(statement.join(OrmProvider.instance().mapping(other).table()));
    }

    /** {@code JOIN} another mapped class's table {@code ON onClause}. */
    public EntitySelect<E> join(Class<?> other, Predicate onClause) {
        return with(statement.join(OrmProvider.instance().mapping(other).table(), onClause));
    }

    /** {@code JOIN} a table, the ON clause inferred from the foreign key. */
    public EntitySelect<E> join(TableReference table) {
        return with(statement.join(table));
    }

    /** {@code JOIN table ON onClause}. */
    public EntitySelect<E> join(TableReference table, Predicate onClause) {
        return with(statement.join(table, onClause));
    }

    /** {@code LEFT OUTER JOIN} another mapped class's table, the ON clause inferred. */
    public EntitySelect<E> outerJoin(Class<?> other) {
        return with(statement.outerJoin(OrmProvider.instance().mapping(other).table()));
    }

    /** {@code LEFT OUTER JOIN} another mapped class's table {@code ON onClause}. */
    public EntitySelect<E> outerJoin(Class<?> other, Predicate onClause) {
        return with(statement.outerJoin(OrmProvider.instance().mapping(other).table(), onClause));
    }

    /** {@code FOR UPDATE}: lock the rows until the transaction ends. */
    public EntitySelect<E> forUpdate() {
        return with(statement.forUpdate());
    }

    /** {@code FOR UPDATE NOWAIT}. */
    public EntitySelect<E> forUpdateNoWait() {
        return with(statement.forUpdateNoWait());
    }

    /** {@code FOR UPDATE SKIP LOCKED}. */
    public EntitySelect<E> forUpdateSkipLocked() {
        return with(statement.forUpdateSkipLocked());
    }

    /** The SQL and parameters for a dialect, without a database. */
    public CompiledSql compile(String dialect) {
        return statement.compile(dialect);
    }

    /** Readable SQL with named parameters. */
    @Override
    public String toString() {
        return statement.toString();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof EntitySelect && ((EntitySelect<?>) other).entity.equals(entity)
                && ((EntitySelect<?>) other).statement.equals(statement)
                && ((EntitySelect<?>) other).options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entity, statement, options);
    }
}
