package io.retort.orm;

import org.jspecify.annotations.Nullable;

/**
 * A row of three elements, typed: {@link OrmResult#tuples(Class, Class, Class)}.
 *
 * @param first the first element (null for an entity an outer join did not find, or a NULL value)
 * @param second the second element
 * @param third the third element
 * @param <A> the first element's type
 * @param <B> the second element's type
 * @param <C> the third element's type
 */
public record Tuple3<A, B, C>(@Nullable A first, @Nullable B second, @Nullable C third) {
}
