package io.retort.orm;

import org.jspecify.annotations.Nullable;

/**
 * A row of two elements, typed: {@link OrmResult#tuples(Class, Class)}.
 *
 * @param first the first element (null for an entity an outer join did not find, or a NULL value)
 * @param second the second element
 * @param <A> the first element's type
 * @param <B> the second element's type
 */
public record Tuple2<A, B>(@Nullable A first, @Nullable B second) {
}
