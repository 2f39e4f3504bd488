package io.retort.engine;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of executing a statement: the rows of a query, or the row count of an INSERT, UPDATE, DELETE.
 *
 * <pre>{@code
 * Result result = conn.execute(text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y"), Map.of("y", 6));
 * for (Row row : result) {
 *     System.out.println("x: " + row.get("x") + " y: " + row.get("y"));
 * }
 * Integer count = conn.execute(text("SELECT count(*) FROM some_table")).scalar(Integer.class);
 * List<Point> points = conn.execute(text("SELECT x, y FROM some_table")).mapTo(Point.class).all();  // a record
 * }</pre>
 *
 * <p>Not thread-safe; read it on the thread that executed the statement, before the connection is closed.
 */
public interface Result extends TypedResult<Row> {

    /** The column names, in order (empty for a statement that returns no rows). */
    List<String> keys();

    /** Whether the statement returned rows (a query, or DML with RETURNING). */
    boolean returnsRows();

    /**
     * The number of rows an INSERT, UPDATE or DELETE affected (summed over an executemany batch), or -1 when the
     * driver did not report it or the statement returned rows.
     */
    long rowCount();

    /**
     * The rows each execution affected: one count per parameter set of an executemany batch, in order, as the driver
     * reports them ({@code -1} where it does not know, as JDBC's {@code SUCCESS_NO_INFO}); a single count otherwise.
     * Empty when the statement returned rows.
     */
    long[] rowCounts();

    /**
     * The primary key of the row a single-row {@code insert(table).values(...)} inserted, as a {@link Row} of the
     * key columns in key order (SQLAlchemy's {@code CursorResult.inserted_primary_key}): values the statement gave,
     * and values the database generated, read back with {@code RETURNING} where the database has it (the statement
     * then ends in {@code RETURNING <key columns>}) and as JDBC generated keys elsewhere. A generated value is
     * {@code null} when no row was inserted ({@code ON CONFLICT DO NOTHING}).
     *
     * <pre>{@code
     * Row key = conn.execute(insert(users).values(Map.of("name", "ed"))).insertedPrimaryKey();
     * int id = (Integer) key.get("id");
     * }</pre>
     *
     * @throws io.retort.exception.InvalidRequestException for the result of another statement, an executemany, a
     *         multi-row VALUES, an insert with {@code returning(...)} (read the key from its rows), or a table
     *         without a primary key
     */
    Row insertedPrimaryKey();

    /** The first column of the first row, or {@code null}; the result is closed. */
    @Nullable Object scalar();

    /** The first column of the first row converted to {@code type}, or {@code null}; the result is closed. */
    <T> @Nullable T scalar(Class<T> type);

    /** The first column of exactly one row; errors as {@link #one()}. */
    @Nullable Object scalarOne();

    /** The first column of each row. */
    TypedResult<@Nullable Object> scalars();

    /** The first column of each row, converted to {@code type} ({@code null} for a SQL NULL). */
    <T> TypedResult<@Nullable T> scalars(Class<T> type);

    /** Each row as an unmodifiable map from column name to value, in column order. */
    TypedResult<Map<String, @Nullable Object>> mappings();

    /**
     * Each row mapped onto a record (or a class with a matching constructor): components are matched to columns by
     * name, ignoring case and underscores ({@code full_name} fills {@code fullName}), and values are converted to
     * the component types.
     *
     * @throws io.retort.exception.InvalidArgumentException if a component has no matching column; the message lists
     *         the columns
     */
    <R> TypedResult<R> mapTo(Class<R> type);

    /**
     * Each row's values as an array in column order, without building a {@link Row}: for reading many rows where
     * only the values matter. Each array is new and the caller's to keep or change.
     *
     * <pre>{@code
     * for (Object[] values : conn.execute(select(t.c("id"), t.c("name"))).arrays()) {
     *     index.put((Integer) values[0], (String) values[1]);
     * }
     * }</pre>
     */
    TypedResult<@Nullable Object[]> arrays();
}
