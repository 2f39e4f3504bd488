package io.retort.impl.orm;

import io.retort.engine.TypedResult;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The objects of an ORM query, read completely (their relationships are loaded after the rows), as a
 * {@link TypedResult}.
 *
 * @param <T> the element type
 */
final class ListResult<T extends @Nullable Object> implements TypedResult<T> {
    private final List<T> elements;
    private int position;

    /** A result over {@code elements}, a mutable list that becomes the result's (and then {@link #all()}'s). */
    ListResult(List<T> elements) {
        this.elements = elements;
    }

    private List<T> remaining() {
        List<T> rest = elements.subList(position, elements.size());
        position = elements.size();
        return rest;
    }

    @Override
    public List<T> all() {
        if (position == 0) {
            // The result's own list, filled for it and read once: handed over rather than copied.
            position = elements.size();
            return elements;
        }
        return new ArrayList<>(remaining());
    }

    @Override
    public @Nullable T first() {
        List<T> rest = remaining();
        return rest.isEmpty() ? null : rest.get(0);
    }

    @Override
    public T one() {
        List<T> rest = remaining();
        if (rest.isEmpty()) {
            throw new NoResultException("No object was found when exactly one was required by one()");
        }
        if (rest.size() > 1) {
            throw new MultipleResultsException("Multiple objects (" + rest.size() + ") were found when exactly one"
                    + " was required by one()");
        }
        return rest.get(0);
    }

    @Override
    public @Nullable T oneOrNull() {
        List<T> rest = remaining();
        if (rest.size() > 1) {
            throw new MultipleResultsException("Multiple objects (" + rest.size() + ") were found when one or none"
                    + " was required by oneOrNull()");
        }
        return rest.isEmpty() ? null : rest.get(0);
    }

    @Override
    public Stream<T> stream() {
        return new ArrayList<>(remaining()).stream();
    }

    @Override
    public <R extends @Nullable Object> TypedResult<R> map(Function<? super T, ? extends R> mapper) {
        // A stream, not a loop: NullAway (0.14) reads Function<? super T, ...> as taking a non-null T.
        List<R> mapped = remaining().stream().map(mapper)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        return new ListResult<>(mapped);
    }

    @Override
    public Iterator<T> iterator() {
        return new ArrayList<>(remaining()).iterator();
    }

    @Override
    public void close() {
        position = elements.size();
    }
}
