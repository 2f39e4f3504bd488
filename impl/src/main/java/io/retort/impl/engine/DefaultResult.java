package io.retort.impl.engine;

import io.retort.engine.Result;
import io.retort.engine.Row;
import io.retort.engine.TypedResult;
import io.retort.exception.NoResultException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The result of one execution: a cursor over rows, or a row count. */
final class DefaultResult extends CursorResult<Row> implements Result {
    private final long rowCount;
    private final long[] rowCounts;
    private @Nullable Row insertedPrimaryKey;
    private String noPrimaryKey = "insertedPrimaryKey() applies to the result of a single-row"
            + " insert(table).values(...); this result is of another statement";

    /** The row counts of a result with rows: none (never handed out, {@link #rowCounts()} gives a copy). */
    private static final long[] NO_COUNTS = new long[0];

    /** A result with rows. */
    DefaultResult(RowCursor cursor) {
        super(cursor, rows(cursor));
        this.rowCount = -1;
        this.rowCounts = NO_COUNTS;
    }

    /** A result without rows, from DML or DDL. */
    DefaultResult(long rowCount) {
        this(rowCount, new long[] {rowCount});
    }

    /** A result without rows, from an executemany batch: the total and the count per parameter set. */
    DefaultResult(long rowCount, long[] rowCounts) {
        super(null, rows(null));
        this.rowCount = rowCount;
        this.rowCounts = rowCounts;
    }

    /** This result with the inserted row's primary key, for {@link #insertedPrimaryKey()}. */
    DefaultResult withInsertedPrimaryKey(Row key) {
        this.insertedPrimaryKey = key;
        return this;
    }

    /** This result with the reason {@link #insertedPrimaryKey()} gives for having no key. */
    DefaultResult withoutPrimaryKey(String reason) {
        this.noPrimaryKey = reason;
        return this;
    }

    @Override
    public Row insertedPrimaryKey() {
        Row key = insertedPrimaryKey;
        if (key == null) {
            throw new io.retort.exception.InvalidRequestException(noPrimaryKey);
        }
        return key;
    }

    @Override
    public long[] rowCounts() {
        return rowCounts.clone();
    }

    @Override
    public List<String> keys() {
        RowCursor cursor = cursor();
        return cursor == null ? List.of() : cursor.columns().names();
    }

    @Override
    public boolean returnsRows() {
        return cursor() != null;
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public @Nullable Object scalar() {
        return scalars().first();
    }

    @Override
    public <T> @Nullable T scalar(Class<T> type) {
        return scalars(type).first();
    }

    @Override
    public @Nullable Object scalarOne() {
        try {
            return one().get(0);
        } catch (NoResultException e) {
            throw new NoResultException("No row was found when exactly one was required by scalarOne()");
        }
    }

    @Override
    public TypedResult<@Nullable Object> scalars() {
        return new CursorResult<@Nullable Object>(cursor(), this::firstOf);
    }

    @Override
    public <T> TypedResult<@Nullable T> scalars(Class<T> type) {
        List<String> keys = keys();
        return new CursorResult<@Nullable T>(cursor(), values -> ValueConverter.convert(firstOf(values), type, keys.get(0)));
    }

    private @Nullable Object firstOf(@Nullable Object[] values) {
        RowCursor cursor = cursor();
        if (values.length == 0 && cursor != null) {
            cursor.columns().checkIndex(0); // the error a Row gives
        }
        return values[0];
    }

    @Override
    public TypedResult<Map<String, @Nullable Object>> mappings() {
        return new CursorResult<>(cursor(), rows(cursor()).andThen(Row::asMap));
    }

    @Override
    public <R> TypedResult<R> mapTo(Class<R> type) {
        return new CursorResult<>(cursor(), rows(cursor()).andThen(new RecordMapper<>(type)));
    }

    @Override
    public TypedResult<@Nullable Object[]> arrays() {
        return new CursorResult<@Nullable Object[]>(cursor(), values -> values);
    }
}
