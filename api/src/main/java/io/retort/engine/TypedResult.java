package io.retort.engine;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a result seen as values of one type: {@link Row}s ({@link Result} itself), scalars
 * ({@link Result#scalars()}), maps ({@link Result#mappings()}) or records ({@link Result#mapTo(Class)}).
 *
 * <p>Rows are read from the database as they are consumed. The underlying JDBC statement is closed as soon as the
 * last row is read, when {@link #all()}, {@link #first()}, {@link #one()} or {@link #oneOrNull()} returns, when
 * {@link #close()} is called, or when the connection commits, rolls back or closes.
 *
 * @param <T> the type of each element
 */
public interface TypedResult<T extends @Nullable Object> extends Iterable<T>, AutoCloseable {

    /** All remaining elements; the result is closed afterwards. */
    List<T> all();

    /** The first element, or {@code null} when there is none; the rest are discarded and the result closed. */
    @Nullable T first();

    /**
     * Exactly one element; the result is closed afterwards.
     *
     * @throws io.retort.exception.NoResultException if there is none
     * @throws io.retort.exception.MultipleResultsException if there are several
     */
    T one();

    /**
     * One element or {@code null}; the result is closed afterwards.
     *
     * @throws io.retort.exception.MultipleResultsException if there are several
     */
    @Nullable T oneOrNull();

    /** The remaining elements as a sequential stream; close the stream (or the result) if not read to the end. */
    Stream<T> stream();

    /** A view of the elements transformed by {@code mapper}, still read lazily. */
    <R extends @Nullable Object> TypedResult<R> map(Function<? super T, ? extends R> mapper);

    /** Closes the underlying JDBC statement; remaining elements are discarded. Idempotent. */
    @Override
    void close();
}
