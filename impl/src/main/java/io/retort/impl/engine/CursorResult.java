package io.retort.impl.engine;

import io.retort.engine.Row;
import io.retort.engine.TypedResult;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.exception.ResourceClosedException;
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
 * Elements read lazily from a {@link RowCursor} and mapped from each row's values (an array the mapper may keep), so
 * that a result of scalars or arrays builds no {@link Row}. A {@code null} cursor means the statement returned no
 * rows: asking for rows is then an error.
 */
class CursorResult<T extends @Nullable Object> implements TypedResult<T> {
    private final @Nullable RowCursor cursor;
    private final Function<@Nullable Object[], ? extends T> mapper;

    CursorResult(@Nullable RowCursor cursor, Function<@Nullable Object[], ? extends T> mapper) {
        this.cursor = cursor;
        this.mapper = mapper;
    }

    /** Each row's values as a {@link Row} over the cursor's columns. */
    static Function<@Nullable Object[], Row> rows(@Nullable RowCursor cursor) {
        return cursor == null ? NO_ROWS : new RowMaker(cursor.columns());
    }

    private static final Function<@Nullable Object[], Row> NO_ROWS = values -> {
        throw new IllegalStateException("A result without rows has no row to build");
    };

    /**
     * Builds each row over the result's columns. A class rather than a capturing lambda: a result is made per
     * execution, and a lambda's creation that the JIT does not inline goes through a method handle that allocates
     * reflectively (2 % of a short transaction on H2).
     */
    private static final class RowMaker implements Function<@Nullable Object[], Row> {
        private final Columns columns;

        RowMaker(Columns columns) {
            this.columns = columns;
        }

        @Override
        public Row apply(@Nullable Object[] values) {
            return new DefaultRow(columns, values);
        }
    }

    final @Nullable RowCursor cursor() {
        return cursor;
    }

    private RowCursor rows() {
        if (cursor == null) {
            throw new ResourceClosedException("This result does not return rows: the statement was not a query"
                    + " (use rowCount() for the number of affected rows, or add RETURNING to get rows back)");
        }
        return cursor;
    }

    @Override
    public Iterator<T> iterator() {
        RowCursor rows = rows();
        return new Iterator<>() {
            private @Nullable Object @Nullable [] lookahead;

            @Override
            public boolean hasNext() {
                if (lookahead == null) {
                    lookahead = rows.nextValues();
                }
                return lookahead != null;
            }

            @Override
            public T next() {
                @Nullable Object[] values = lookahead != null ? lookahead : rows.nextValues();
                if (values == null) {
                    throw new NoSuchElementException("No more rows");
                }
                lookahead = null;
                return mapper.apply(values);
            }
        };
    }

    @Override
    public List<T> all() {
        RowCursor rows = rows();
        List<T> all = new ArrayList<>();
        try {
            for (@Nullable Object[] values = rows.nextValues(); values != null; values = rows.nextValues()) {
                all.add(mapper.apply(values));
            }
        } finally {
            rows.close();
        }
        return all;
    }

    @Override
    public @Nullable T first() {
        RowCursor rows = rows();
        try {
            @Nullable Object[] values = rows.nextValues();
            return values == null ? null : mapper.apply(values);
        } finally {
            rows.close();
        }
    }

    @Override
    public T one() {
        RowCursor rows = rows();
        try {
            @Nullable Object[] values = rows.nextValues();
            if (values == null) {
                throw new NoResultException("No row was found when exactly one was required");
            }
            if (rows.nextValues() != null) {
                throw new MultipleResultsException("Multiple rows were found when exactly one was required");
            }
            return mapper.apply(values);
        } finally {
            rows.close();
        }
    }

    @Override
    public @Nullable T oneOrNull() {
        RowCursor rows = rows();
        try {
            @Nullable Object[] values = rows.nextValues();
            if (values == null) {
                return null;
            }
            if (rows.nextValues() != null) {
                throw new MultipleResultsException("Multiple rows were found when one or none was required");
            }
            return mapper.apply(values);
        } finally {
            rows.close();
        }
    }

    @Override
    public Stream<T> stream() {
        RowCursor rows = rows();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(rows::close);
    }

    @Override
    public <R extends @Nullable Object> TypedResult<R> map(Function<? super T, ? extends R> next) {
        return new CursorResult<>(cursor, mapper.andThen(next));
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
        }
    }
}
