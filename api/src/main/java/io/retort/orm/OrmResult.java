package io.retort.orm;

import io.retort.engine.Row;
import io.retort.engine.TypedResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rows of an {@link OrmSelect} run by {@link Session#execute(OrmSelect)}: each {@link Row} holds, per element of
 * the select list, the identity-mapped instance of an entity element ({@code null} where an outer join found no row)
 * or the value of an expression element.
 *
 * <pre>{@code
 * OrmResult result = session.execute(Orm.select(User.class, Address.class).join(User_.addresses));
 * for (Tuple2<User, Address> pair : result.tuples(User.class, Address.class)) {
 *     System.out.println(pair.first().name + " " + pair.second().emailAddress);
 * }
 * }</pre>
 *
 * <p>{@code row.get(0, User.class)} returns the instance; {@code row.get("User")} finds an entity element by its class's
 * simple name or its alias's name. Not thread-safe; read it on the session's thread, before the session closes.
 */
public interface OrmResult extends TypedResult<Row> {

    /** The elements' names: class simple names, alias names, and column names or labels. */
    List<String> keys();

    /** The first element of each row, as {@code type}: null for a SQL NULL, or where an outer join found none. */
    <T> TypedResult<@Nullable T> scalars(Class<T> type);

    /**
     * Each row of two elements as a typed pair.
     *
     * @throws io.retort.exception.InvalidArgumentException if the rows do not have two elements, or an element's
     *         class or column type is not the one given
     */
    <A, B> TypedResult<Tuple2<A, B>> tuples(Class<A> first, Class<B> second);

    /** Each row of three elements as a typed triple; errors as {@link #tuples(Class, Class)}. */
    <A, B, C> TypedResult<Tuple3<A, B, C>> tuples(Class<A> first, Class<B> second, Class<C> third);
}
