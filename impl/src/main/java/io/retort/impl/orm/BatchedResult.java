package io.retort.impl.orm;

import io.retort.engine.TypedResult;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The result of an ORM query run with yieldPer: rows are read and turned into objects one batch at a time as the
 * elements are consumed, so only the current batch is held by the result.
 *
 * @param <T> the element type
 */
final class BatchedResult<T> implements TypedResult<T> {
    /** The batches of one query, shared by a result and its {@link #map} views. */
    private static final class Batches {
        private final OrmQuery query;
        private final boolean firsts;
        private List<@Nullable Object> batch = List.of();
        private int position;
        private boolean done;

        Batches(OrmQuery query, boolean firsts) {
            this.query = query;
            this.firsts = firsts;
        }

        boolean advance() {
            while (!done && position >= batch.size()) {
                List<Object> next = query.nextBatch(firsts);
                position = 0;
                if (next.isEmpty()) {
                    done = true;
                    batch = List.of();
                } else {
                    batch = new ArrayList<>(next);
                }
            }
            return !done;
        }

        @Nullable Object next() {
            if (!advance()) {
                throw new NoSuchElementException();
            }
            @Nullable Object next = batch.get(position);
            batch.set(position++, null); // the batch lets go of what was handed out
            return next;
        }

        void close() {
            done = true;
            batch = List.of();
            query.close();
        }
    }

    private final Batches batches;
    private final Function<Object, ? extends T> transform;

    BatchedResult(OrmQuery query, boolean firsts, Function<Object, ? extends T> transform) {
        this(new Batches(query, firsts), transform);
    }

    private BatchedResult(Batches batches, Function<Object, ? extends T> transform) {
        this.batches = batches;
        this.transform = transform;
    }

    private final Iterator<T> elements = new Iterator<>() {
        @Override
        public boolean hasNext() {
            return batches.advance();
        }

        @Override
        @SuppressWarnings("NullAway")
        public T next() {
            return transform.apply(batches.next());
        }
    };

    @Override
    public Iterator<T> iterator() {
        return elements;
    }

    @Override
    public List<T> all() {
        List<T> all = new ArrayList<>();
        elements.forEachRemaining(all::add);
        return all;
    }

    @Override
    public @Nullable T first() {
        T first = elements.hasNext() ? elements.next() : null;
        close();
        return first;
    }

    @Override
    public T one() {
        if (!elements.hasNext()) {
            close();
            throw new NoResultException("No object was found when exactly one was required by one()");
        }
        T one = elements.next();
        boolean more = elements.hasNext();
        close();
        if (more) {
            throw new MultipleResultsException("Multiple objects were found when exactly one was required by one()");
        }
        return one;
    }

    @Override
    public @Nullable T oneOrNull() {
        if (!elements.hasNext()) {
            close();
            return null;
        }
        return one();
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(elements, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    @Override
    public <R extends @Nullable Object> TypedResult<R> map(Function<? super T, ? extends R> mapper) {
        return new BatchedResult<>(batches, transform.andThen(mapper));
    }

    @Override
    public void close() {
        batches.close();
    }
}
