package io.retort.impl.orm;

import io.retort.engine.Result;
import io.retort.engine.Row;
import io.retort.engine.TypedResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The result of an ORM UPDATE or DELETE whose rows the ORM read itself (RETURNING): the number of rows, no rows. */
final class RowCountResult implements Result {
    private final long rowCount;
    private final TypedResult<Row> none = new ListResult<>(new ArrayList<>());

    RowCountResult(long rowCount) {
        this.rowCount = rowCount;
    }

    @Override
    public List<String> keys() {
        return List.of();
    }

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public long[] rowCounts() {
        return new long[] {rowCount};
    }

    @Override
    public Row insertedPrimaryKey() {
        throw new io.retort.exception.InvalidRequestException("insertedPrimaryKey() applies to the result of a"
                + " single-row insert(table).values(...); this result is of an ORM UPDATE or DELETE");
    }

    @Override
    public @Nullable Object scalar() {
        return null;
    }

    @Override
    public <T> @Nullable T scalar(Class<T> type) {
        return null;
    }

    @Override
    public @Nullable Object scalarOne() {
        return none.one();
    }

    @Override
    public TypedResult<@Nullable Object> scalars() {
        return new ListResult<>(new ArrayList<>());
    }

    @Override
    public <T> TypedResult<@Nullable T> scalars(Class<T> type) {
        return new ListResult<@Nullable T>(new ArrayList<>());
    }

    @Override
    public TypedResult<Map<String, @Nullable Object>> mappings() {
        return new ListResult<>(new ArrayList<>());
    }

    @Override
    public <R> TypedResult<R> mapTo(Class<R> type) {
        return new ListResult<>(new ArrayList<>());
    }

    @Override
    public TypedResult<@Nullable Object[]> arrays() {
        return new ListResult<>(new ArrayList<>());
    }

    @Override
    public List<Row> all() {
        return none.all();
    }

    @Override
    public @Nullable Row first() {
        return none.first();
    }

    @Override
    public Row one() {
        return none.one();
    }

    @Override
    public @Nullable Row oneOrNull() {
        return none.oneOrNull();
    }

    @Override
    public Stream<Row> stream() {
        return none.stream();
    }

    @Override
    public <R extends @Nullable Object> TypedResult<R> map(Function<? super Row, ? extends R> mapper) {
        return none.map(mapper);
    }

    @Override
    public Iterator<Row> iterator() {
        return none.iterator();
    }

    @Override
    public void close() {
        none.close();
    }
}
