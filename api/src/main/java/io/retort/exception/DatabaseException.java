package io.retort.exception;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The database refused a statement. Retort translates every {@link SQLException} raised while running a statement
 * into a subclass chosen by the SQLSTATE class (as DB-API does in Python): {@link IntegrityException},
 * {@link DataException}, {@link OperationalException}, {@link ProgrammingException}, {@link NotSupportedException},
 * {@link InternalDatabaseException}, or this class when the state says nothing more precise.
 *
 * <p>The exception carries the SQL that failed and the parameters it was run with; both appear in the message:
 *
 * <pre>
 * (IntegrityException) [SQLSTATE 23505] duplicate key value violates unique constraint "some_table_pkey"
 * [SQL: INSERT INTO some_table (x, y) VALUES (?, ?)]
 * [parameters: {x=1, y=1}]
 * </pre>
 */
public class DatabaseException extends RetortException {
    private static final long serialVersionUID = 1L;
    private static final int PARAMETER_SETS_SHOWN = 10;

    /** The SQL sent to the database. */
    private final String sql;
    /** The parameters, one map per execution of the statement. */
    private final List<Map<String, @Nullable Object>> parameterSets;
    /** The SQLSTATE the driver reported, if any. */
    private final @Nullable String sqlState;
    /** The database's own error code. */
    private final int vendorCode;
    /** Notes added while the error travelled up, such as the object a failed flush was writing. */
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Creates the exception.
     *
     * @param sql the SQL sent to the database
     * @param parameterSets the parameters, one map for a single execution, several for an executemany batch
     * @param cause the driver's exception; its message, SQLSTATE and vendor code are kept
     */
    public DatabaseException(String sql, List<? extends Map<String, ? extends @Nullable Object>> parameterSets,
            SQLException cause) {
        super("", cause);
        this.sql = sql;
        List<Map<String, @Nullable Object>> copy = new ArrayList<>(parameterSets.size());
        for (Map<String, ? extends @Nullable Object> set : parameterSets) {
            copy.add(Collections.unmodifiableMap(set));
        }
        this.parameterSets = Collections.unmodifiableList(copy);
        this.sqlState = cause.getSQLState();
        this.vendorCode = cause.getErrorCode();
    }

    /** The SQL statement that failed, as sent to the driver. */
    public String sql() {
        return sql;
    }

    /** The parameters of the failed execution: one map, or one per row of an executemany batch. */
    public List<Map<String, @Nullable Object>> parameterSets() {
        return parameterSets;
    }

    /** The five-character SQLSTATE the driver reported, or {@code null} when it reported none (SQLite). */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /** The driver's vendor error code (for SQLite the SQLite result code, for MariaDB the server's error number). */
    public int vendorCode() {
        return vendorCode;
    }

    /**
     * Adds a line of context shown after the parameters, such as the object a session was flushing when the
     * statement failed.
     */
    public void addNote(String note) {
        notes.add(note);
    }

    /** The notes added with {@link #addNote}, oldest first. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The driver's exception. */
    @Override
    public synchronized SQLException getCause() {
        // The constructor sets it and Throwable lets nobody change it afterwards.
        return (SQLException) java.util.Objects.requireNonNull(super.getCause());
    }

    @Override
    public String getMessage() {
        StringBuilder message = new StringBuilder();
        message.append('(').append(getClass().getSimpleName()).append(") ");
        if (sqlState != null) {
            message.append("[SQLSTATE ").append(sqlState).append("] ");
        }
        message.append(getCause().getMessage());
        message.append("\n[SQL: ").append(sql).append(']');
        if (parameterSets.size() == 1) {
            if (!parameterSets.get(0).isEmpty()) {
                message.append("\n[parameters: ").append(parameterSets.get(0)).append(']');
            }
        } else if (!parameterSets.isEmpty()) {
            message.append("\n[parameters: ");
            if (parameterSets.size() <= PARAMETER_SETS_SHOWN) {
                message.append(parameterSets);
            } else {
                message.append(parameterSets.subList(0, PARAMETER_SETS_SHOWN))
                        .append(" ... displaying ").append(PARAMETER_SETS_SHOWN).append(" of ")
                        .append(parameterSets.size()).append(" parameter sets");
            }
            message.append(']');
        }
        for (String note : notes) {
            message.append('\n').append(note);
        }
        return message.toString();
    }
}
