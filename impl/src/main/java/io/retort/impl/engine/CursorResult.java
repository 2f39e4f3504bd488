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
 * Elements read lazily from a {@link RowCursor} and mapped from rows. A {@code null} cursor means the statement
 * returned no rows: asking for rows is then an error.
 */
class CursorResult<T> implements TypedResult<T> {
    private final @Nullable RowCursor cursor;
    private final Function<Row, ? extends T> mapper;

    CursorResult(@Nullable RowCursor cursor, Function<Row, ? extends T> mapper) {
        this.cursor = cursor;
        this.mapper = mapper;
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

    private @Nullable T nextOrNull() {
        Row row = rows().next();
        return row == null ? null : mapper.apply(row);
    }

    private boolean hasNextRow(RowCursor rows, Object[] lookahead) {
        if (lookahead[0] != null) {
            return true;
        }
        lookahead[0] = rows.next();
        return lookahead[0] != null;
    }

    @Override
    public Iterator<T> iterator() {
        RowCursor rows = rows();
        return new Iterator<>() {
            private final Object[] lookahead = new Object[1];

            @Override
            public boolean hasNext() {
                return hasNextRow(rows, lookahead);
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("No more rows");
                }
                Row row = (Row) lookahead[0];
                lookahead[0] = null;
                return mapper.apply(row);
            }
        };
    }

    @Override
    public List<T> all() {
        RowCursor rows = rows();
        List<T> all = new ArrayList<>();
        try {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                all.add(mapper.apply(row));
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
            return nextOrNull();
        } finally {
            rows.close();
        }
    }

    @Override
    public T one() {
        RowCursor rows = rows();
        try {
            Row row = rows.next();
            if (row == null) {
                throw new NoResultException("No row was found when exactly one was required");
            }
            if (rows.next() != null) {
                throw new MultipleResultsException("Multiple rows were found when exactly one was required");
            }
            return mapper.apply(row);
        } finally {
            rows.close();
        }
    }

    @Override
    public @Nullable T oneOrNull() {
        RowCursor rows = rows();
        try {
            Row row = rows.next();
            if (row == null) {
                return null;
            }
            if (rows.next() != null) {
                throw new MultipleResultsException("Multiple rows were found when one or none was required");
            }
            return mapper.apply(row);
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
    public <R> TypedResult<R> map(Function<? super T, ? extends R> next) {
        return new CursorResult<>(cursor, mapper.andThen(next));
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
        }
    }
}
