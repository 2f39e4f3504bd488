package io.retort.orm;

/**
 * Loader options for {@link EntitySelect#options}; import them statically. Each starts a path that
 * {@link LoadOption}'s methods of the same names continue:
 *
 * <pre>{@code
 * import static io.retort.orm.Load.*;
 *
 * select(User.class).options(selectIn(User_.addresses));                       // SELECT ... WHERE user_id IN (...)
 * select(User.class).options(joined(User_.addresses)).limit(10);               // LEFT OUTER JOIN, LIMIT on users
 * select(User.class).options(selectIn(User_.orders).joined(Order_.lines));     // a chained path
 * select(User.class).options(raise(User_.addresses));                          // access is an error
 * }</pre>
 */
public final class Load {
    private Load() {
    }

    /** Load a relationship with {@code SELECT ... WHERE key IN (...)} right after the query. */
    public static LoadOption selectIn(RelationshipAttribute<?, ?> relationship) {
        return LoadOption.of(relationship, Loading.SELECTIN);
    }

    /** Load a relationship in the query itself with a LEFT OUTER JOIN. */
    public static LoadOption joined(RelationshipAttribute<?, ?> relationship) {
        return LoadOption.of(relationship, Loading.JOINED);
    }

    /** Load a collection on first access, batched over the query's objects. */
    public static LoadOption lazy(RelationshipAttribute<?, ?> relationship) {
        return LoadOption.of(relationship, Loading.LAZY);
    }

    /** Make access to a collection an error. */
    public static LoadOption raise(RelationshipAttribute<?, ?> relationship) {
        return LoadOption.of(relationship, Loading.RAISE);
    }

    /**
     * Make access an error only where it would send SQL: a many-to-one whose target the session holds is read from
     * the identity map; anything else raises, as SQLAlchemy's {@code raiseload(..., sql_only=True)}.
     */
    public static LoadOption raiseOnSql(RelationshipAttribute<?, ?> relationship) {
        return LoadOption.of(relationship, Loading.RAISE_ON_SQL);
    }

    /**
     * Fill a relationship from a join the query has already, as SQLAlchemy's {@code contains_eager}: the target's
     * columns are added to the select list and read from that join, no join is added.
     *
     * <pre>{@code
     * select(User.class).join(User_.addresses).where(Address_.emailAddress.like("%@x.org"))
     *         .options(containsEager(User_.addresses))    // each user's collection holds only the matching addresses
     * }</pre>
     */
    public static LoadOption containsEager(RelationshipAttribute<?, ?> relationship) {
        return LoadOption.of(new LoadOption.Step(relationship, Loading.JOINED, false, true, null));
    }

    /** {@link #containsEager(RelationshipAttribute)} from a join to an alias of the target. */
    public static LoadOption containsEager(RelationshipAttribute<?, ?> relationship, EntityAlias<?> alias) {
        return LoadOption.of(new LoadOption.Step(relationship, Loading.JOINED, false, true, alias));
    }

    /**
     * Load the queried objects with only these columns and their key, as SQLAlchemy's {@code load_only}: the other
     * columns are deferred, left out of the SELECT and loaded (one SELECT by primary key) when first read.
     *
     * <pre>{@code
     * session.scalars(select(User.class).options(loadOnly(User_.name)))   // SELECT users.id, users.name FROM users
     * }</pre>
     */
    public static LoadOption loadOnly(ColumnAttribute<?, ?>... attributes) {
        return LoadOption.ofColumns(LoadOption.ColumnLoading.LOAD_ONLY, attributes);
    }

    /**
     * Leave these columns out of the query, as SQLAlchemy's {@code defer}: each loads (one SELECT by primary key) when
     * first read; {@code defer(User_.bio).raiseOnLoad()} makes that read an error instead.
     */
    public static LoadOption defer(ColumnAttribute<?, ?>... attributes) {
        return LoadOption.ofColumns(LoadOption.ColumnLoading.DEFER, attributes);
    }

    /** Load with the query columns whose mapping defers them ({@code @Column(deferred = true)}). */
    public static LoadOption undefer(ColumnAttribute<?, ?>... attributes) {
        return LoadOption.ofColumns(LoadOption.ColumnLoading.UNDEFER, attributes);
    }

    /** Load with the query the columns of {@code entityClass} whose mapping defers them in {@code group}. */
    public static LoadOption undeferGroup(Class<?> entityClass, String group) {
        return LoadOption.ofGroup(entityClass, group);
    }

    /** Leave a relationship unloaded: an empty collection, a null reference. */
    public static LoadOption noLoad(RelationshipAttribute<?, ?> relationship) {
        return LoadOption.of(relationship, Loading.NOLOAD);
    }
}
