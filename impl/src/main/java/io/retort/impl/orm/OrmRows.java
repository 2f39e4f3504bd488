package io.retort.impl.orm;

import io.retort.engine.Row;
import io.retort.engine.TypedResult;
import io.retort.exception.InvalidArgumentException;
import io.retort.orm.OrmResult;
import io.retort.orm.Tuple2;
import io.retort.orm.Tuple3;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The rows of an ORM query ({@link io.retort.orm.Session#execute(io.retort.orm.OrmSelect)}). */
final class OrmRows implements OrmResult {
    private final List<String> keys;
    private final TypedResult<Row> rows;

    OrmRows(List<String> keys, TypedResult<Row> rows) {
        this.keys = keys;
        this.rows = rows;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public <T> TypedResult<@Nullable T> scalars(Class<T> type) {
        // Typed apart: NullAway's JSpecify mode does not infer R = @Nullable T from the lambda, and an explicit
        // rows.<@Nullable T>map(...) makes javac 17 print "ClassWriter: Position UNKNOWN in type annotation".
        Function<Row, @Nullable T> first = row -> row.get(0, type);
        return rows.map(first);
    }

    private void checkSize(int size) {
        if (keys.size() != size) {
            throw new InvalidArgumentException("tuples() of " + size + " types was asked of rows of " + keys.size()
                    + " elements " + keys);
        }
    }

    @Override
    public <A, B> TypedResult<Tuple2<A, B>> tuples(Class<A> first, Class<B> second) {
        checkSize(2);
        return rows.map(row -> new Tuple2<>(row.get(0, first), row.get(1, second)));
    }

    @Override
    public <A, B, C> TypedResult<Tuple3<A, B, C>> tuples(Class<A> first, Class<B> second, Class<C> third) {
        checkSize(3);
        return rows.map(row -> new Tuple3<>(row.get(0, first), row.get(1, second), row.get(2, third)));
    }

    @Override
    public List<Row> all() {
        return rows.all();
    }

    @Override
    public @Nullable Row first() {
        return rows.first();
    }

    @Override
    public Row one() {
        return rows.one();
    }

    @Override
    public @Nullable Row oneOrNull() {
        return rows.oneOrNull();
    }

    @Override
    public Stream<Row> stream() {
        return rows.stream();
    }

    @Override
    public <R extends @Nullable Object> TypedResult<R> map(Function<? super Row, ? extends R> mapper) {
        return rows.map(mapper);
    }

    @Override
    public Iterator<Row> iterator() {
        return rows.iterator();
    }

    @Override
    public void close() {
        rows.close();
    }
}
