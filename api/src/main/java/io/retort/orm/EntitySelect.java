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
    private final java.util.List<QueryOption> queryOptions;
    private final io.retort.sql.@Nullable Executable source;

    private EntitySelect(Class<E> entity, Select statement, java.util.List<LoadOption> options) {
        this(entity, statement, options, java.util.List.of(), null);
    }

    private EntitySelect(Class<E> entity, Select statement, java.util.List<LoadOption> options,
            java.util.List<QueryOption> queryOptions, io.retort.sql.@Nullable Executable source) {
        this.entity = entity;
        this.statement = statement;
        this.options = java.util.List.copyOf(options);
        this.queryOptions = java.util.List.copyOf(queryOptions);
        this.source = source;
    }

    static <E> EntitySelect<E> of(Class<E> entity) {
        EntityMapping<E> mapping = OrmProvider.instance().mapping(entity);
        return new EntitySelect<>(entity, mapping.select(), java.util.List.of());
    }

    private EntitySelect<E> with(Select changed) {
        return new EntitySelect<>(entity, changed, options, queryOptions, source);
    }

    /** Query options: {@code .options(QueryOption.populateExisting())}, {@code .options(QueryOption.yieldPer(1000))}. */
    public EntitySelect<E> options(QueryOption... more) {
        java.util.List<QueryOption> all = new java.util.ArrayList<>(queryOptions);
        all.addAll(java.util.List.of(more));
        return new EntitySelect<>(entity, statement, options, all, source);
    }

    /** The query options given with {@link #options(QueryOption...)}. */
    public java.util.List<QueryOption> queryOptions() {
        return queryOptions;
    }

    /**
     * Loads the objects from another statement, as SQLAlchemy's {@code select(User).from_statement(...)}: a
     * {@code text()}, a UNION or any select whose result has a column of each name of the class's table (matched
     * case-insensitively; other columns are ignored).
     *
     * <pre>{@code
     * session.scalars(select(User.class).fromStatement(text("SELECT * FROM user_account WHERE name = :name")),
     *         Map.of("name", "sandy"))
     * }</pre>
     */
    public EntitySelect<E> fromStatement(io.retort.sql.Executable other) {
        return new EntitySelect<>(entity, statement, options, queryOptions,
                Objects.requireNonNull(other, "statement"));
    }

    /** The statement given to {@link #fromStatement}, or null. */
    public io.retort.sql.@Nullable Executable source() {
        return source;
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
            Class<?> first = option.entityClass();
            if (!first.isAssignableFrom(entity)) {
                throw new io.retort.exception.InvalidArgumentException("Loader option " + option + " starts at "
                        + first.getSimpleName() + ", but this query selects " + entity.getSimpleName());
            }
            more.add(option);
        }
        return new EntitySelect<>(entity, statement, more, queryOptions, source);
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

    /** {@code JOIN} through a relationship to an alias of its target: {@code join(User_.addresses, a1)}. */
    public EntitySelect<E> join(RelationshipAttribute<?, ?> relationship, EntityAlias<?> target) {
        EntityMapping<?> mapping = OrmProvider.instance().mapping(relationship.entityClass());
        return with(mapping.joinRelationship(statement, relationship.attributeName(), mapping.table(), target.table(),
                false));
    }

    /** {@code JOIN} an entity alias, the ON clause inferred from the foreign key between the tables. */
    public EntitySelect<E> join(EntityAlias<?> alias) {
        return with(statement.join(alias.table()));
    }

    /** {@code JOIN} an entity alias {@code ON onClause}. */
    public EntitySelect<E> join(EntityAlias<?> alias, Predicate onClause) {
        return with(statement.join(alias.table(), onClause));
    }

    /** {@code LEFT OUTER JOIN} an entity alias {@code ON onClause}. */
    public EntitySelect<E> outerJoin(EntityAlias<?> alias, Predicate onClause) {
        return with(statement.outerJoin(alias.table(), onClause));
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

    /**
     * {@code FOR UPDATE}: lock the rows until the transaction ends. Objects the session holds already are refreshed
     * from the rows the query locks (as with {@code populateExisting()}), so that what the application changes is what
     * it locked; SQLAlchemy raises for a versioned object whose version moved instead, and refreshes nothing else.
     */
    public EntitySelect<E> forUpdate() {
        return with(statement.forUpdate());
    }

    /** {@code FOR UPDATE}, as SQLAlchemy's {@code with_for_update()}. */
    public EntitySelect<E> withForUpdate() {
        return forUpdate();
    }

    /** A row lock: {@code withForUpdate(RowLock.forUpdate().skipLocked())}. */
    public EntitySelect<E> withForUpdate(io.retort.sql.RowLock lock) {
        return with(statement.lock(lock));
    }

    /** {@code FOR UPDATE NOWAIT}. */
    public EntitySelect<E> forUpdateNoWait() {
        return with(statement.forUpdateNoWait());
    }

    /** {@code FOR UPDATE SKIP LOCKED}. */
    public EntitySelect<E> forUpdateSkipLocked() {
        return with(statement.forUpdateSkipLocked());
    }

    /** The SQL and parameters for a dialect, without a database (the statement given to {@link #fromStatement}). */
    public CompiledSql compile(String dialect) {
        return source != null ? io.retort.sql.Sql.compile(source, dialect) : statement.compile(dialect);
    }

    /** Readable SQL with named parameters: what {@link Session#scalars} sends, joined loaders included. */
    @Override
    public String toString() {
        return OrmProvider.instance().describe(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof EntitySelect && ((EntitySelect<?>) other).entity.equals(entity)
                && ((EntitySelect<?>) other).statement.equals(statement)
                && ((EntitySelect<?>) other).options.equals(options)
                && ((EntitySelect<?>) other).queryOptions.equals(queryOptions)
                && Objects.equals(((EntitySelect<?>) other).source, source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entity, statement, options, queryOptions, source);
    }
}
