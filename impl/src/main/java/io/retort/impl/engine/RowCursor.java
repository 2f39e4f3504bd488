package io.retort.impl.engine;

import io.retort.exception.ResourceClosedException;
import io.retort.impl.dialect.ColumnReader;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.JdbcTypes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.retort.types.SqlType;
import org.jspecify.annotations.Nullable;

/**
 * Reads rows from an open JDBC result set, one at a time, and closes the result set and its statement when the last
 * row has been read or {@link #close()} is called. Owned by one {@link DefaultConnection}.
 */
final class RowCursor {
    private final DefaultConnection connection;
    private final @Nullable PreparedStatement statement;
    private final @Nullable ResultSet resultSet;
    /** Where rows and values are read: the driver's own result set behind the pool's wrapper, where allowed. */
    private final @Nullable ResultSet reading;
    /** Rows read already (an insert executemany's RETURNING rows), served instead of a result set. */
    private final java.util.@Nullable Iterator<@Nullable Object[]> buffered;
    private final Columns columns;
    private final String sql;
    private final List<Map<String, @Nullable Object>> parameters;
    /** One reader per result column, chosen once from its declared type (or untyped). */
    private final ColumnReader[] readers;
    private boolean closed;
    /** Whether the statement goes back to the connection's statement cache when the cursor closes. */
    private boolean keepStatement;
    /** Every row was read: reading on gives no more rows, where a cursor closed before its end is an error. */
    private boolean exhausted;
    /** What closed the cursor before its last row, for the error a later read raises. */
    private @Nullable String closedBy;

    /**
     * A cursor over a statement's result set. With {@code labelsFixed} (the SQL text fixes the result's columns: an
     * expression-language statement none of whose result columns is literal SQL) the columns of an earlier result of
     * the {@code cached} statement serve again without asking the driver for the labels; otherwise the labels are read
     * and compared with the earlier ones.
     */
    RowCursor(DefaultConnection connection, PreparedStatement statement, ResultSet resultSet, Dialect dialect,
            String sql, List<Map<String, @Nullable Object>> parameters, Map<String, SqlType<?>> columnTypes,
            @Nullable SqlType<?> @Nullable [] positionalTypes, StatementCache.@Nullable Entry cached,
            boolean labelsFixed) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.reading = connection.forValues(resultSet, ResultSet.class);
        this.buffered = null;
        this.sql = sql;
        this.parameters = parameters;
        // Where the SQL text fixes the result's columns, an earlier result of the same SQL had the same ones: the
        // driver is not asked for its metadata at all (a new object per result on H2 and PostgreSQL), provided the
        // earlier result had as many columns as the statement names.
        Columns known = labelsFixed && cached != null ? cached.knownColumns() : null;
        if (known != null && positionalTypes != null && known.size() == positionalTypes.length) {
            this.columns = known;
        } else {
            ResultSetMetaData metaData = resultSet.getMetaData();
            int count = metaData.getColumnCount();
            String[] labels = new String[count];
            for (int i = 0; i < count; i++) {
                labels[i] = metaData.getColumnLabel(i + 1);
            }
            this.columns = cached != null ? cached.columns(labels, dialect) : columnsOf(labels, dialect);
        }
        if (cached != null && columnTypes.isEmpty() && positionalTypes != null
                && columns.size() == positionalTypes.length) {
            this.readers = cached.readers(positionalTypes, dialect); // the shape's types: the same readers as before
            return;
        }
        @Nullable SqlType<?>[] types = new SqlType<?>[columns.size()];
        if (positionalTypes != null) {
            System.arraycopy(positionalTypes, 0, types, 0, Math.min(types.length, positionalTypes.length));
        }
        if (!columnTypes.isEmpty()) {
            for (Map.Entry<String, SqlType<?>> declared : columnTypes.entrySet()) {
                types[columns.indexOf(declared.getKey())] = declared.getValue();
            }
        }
        this.readers = readers(types, dialect);
    }

    /** The reader of each column: of its type, or untyped where the type is null. */
    static ColumnReader[] readers(@Nullable SqlType<?>[] types, Dialect dialect) {
        ColumnReader[] readers = new ColumnReader[types.length];
        for (int i = 0; i < types.length; i++) {
            SqlType<?> type = types[i];
            readers[i] = type != null ? dialect.jdbcTypes().reader(type) : JdbcTypes.untypedReader();
        }
        return readers;
    }

    /** The columns named by the labels a driver gave, as the dialect normalizes them. */
    static Columns columnsOf(String[] labels, Dialect dialect) {
        List<String> names = new ArrayList<>(labels.length);
        for (String label : labels) {
            names.add(dialect.normalizeColumnLabel(label));
        }
        return new Columns(names);
    }

    /** A cursor over rows read already; it holds no JDBC resources. */
    RowCursor(DefaultConnection connection, Columns columns, List<@Nullable Object[]> rows, Dialect dialect,
            String sql) {
        this.connection = connection;
        this.statement = null;
        this.resultSet = null;
        this.reading = null;
        this.buffered = rows.iterator();
        this.columns = columns;
        this.sql = sql;
        this.parameters = List.of();
        this.readers = new ColumnReader[0];
    }

    /** Reads the values of the current row of a result set into a new array, one reader per column. */
    static @Nullable Object[] readValues(ResultSet resultSet, ColumnReader[] readers) throws SQLException {
        int count = readers.length;
        @Nullable Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = readers[i].read(resultSet, i + 1);
        }
        return values;
    }

    /** Gives the statement back to the connection for reuse when the cursor closes, unless reading fails. */
    void keepStatementOnClose() {
        keepStatement = true;
    }

    Columns columns() {
        return columns;
    }

    /**
     * The values of the next row in a new array the caller owns, or {@code null} when there are no more (the cursor
     * is then closed).
     *
     * @throws ResourceClosedException if the cursor was closed before its last row was read: the rows not read are
     *         gone, which must not look like an empty result (SQLAlchemy's {@code ResourceClosedError})
     */
    @Nullable Object @Nullable [] nextValues() {
        if (closed) {
            if (exhausted) {
                return null;
            }
            throw new ResourceClosedException("This Result is closed: " + closedBy + " before all its rows were"
                    + " read, and the rows not read are gone. Read the rows you need (all(), or a loop to the end)"
                    + " before commit(), rollback() or close(), and before closing the Result");
        }
        ResultSet rows = reading;
        if (buffered != null || rows == null) {
            if (buffered != null && buffered.hasNext()) {
                return buffered.next();
            }
            exhausted = true;
            close();
            return null;
        }
        try {
            if (!rows.next()) {
                exhausted = true;
                close();
                return null;
            }
            return readValues(rows, readers);
        } catch (SQLException e) {
            keepStatement = false;
            close("reading a row failed with a database error, which");
            throw connection.translate(e, sql, parameters);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the cursor, because the Result was closed or read through first(), one() or oneOrNull(). */
    void close() {
        close("the Result was closed (close(), or first(), one(), oneOrNull() or scalar() read it and closed it)");
    }

    /** Closes the cursor; {@code reason} says what closed it, for the error a later read raises. */
    void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        closedBy = reason;
        if (resultSet == null || statement == null) {
            connection.forget(this);
            return;
        }
        try {
            resultSet.close();
        } catch (SQLException e) {
            SqlLog.warn("Could not close a result set", e);
        }
        if (keepStatement) {
            connection.releaseStatement(sql, statement);
        } else {
            try {
                statement.close();
            } catch (SQLException e) {
                SqlLog.warn("Could not close a statement", e);
            }
        }
        connection.forget(this);
    }
}
