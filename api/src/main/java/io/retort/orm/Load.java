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

    /** Leave a relationship unloaded: an empty collection, a null reference. */
    public static LoadOption noLoad(RelationshipAttribute<?, ?> relationship) {
        return LoadOption.of(relationship, Loading.NOLOAD);
    }
}
