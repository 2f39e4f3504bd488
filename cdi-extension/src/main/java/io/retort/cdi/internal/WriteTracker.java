package io.retort.cdi.internal;

import io.retort.engine.Engine;
import io.retort.engine.ExecutionListener;
import io.retort.engine.StatementEvent;
import io.retort.spi.TransactionCoordinator;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Counts, per thread, the writing statements (INSERT, UPDATE, DELETE, MERGE) that one engine of the CDI beans ran, so
 * that a request whose Session of that engine ends with flushed but uncommitted writes can say so
 * ({@link RequestSessions#end}). Each engine has its own tracker: a write committed on one database is not pending on
 * another.
 * A request runs on one thread; the count is compared with the one taken when its Session last settled (opened,
 * committed or rolled back). Writes inside a JTA transaction are not counted: the transaction manager commits them,
 * and the request's Session is not the one that ran them.
 */
public final class WriteTracker implements ExecutionListener {
    private final ThreadLocal<long[]> writes = ThreadLocal.withInitial(() -> new long[1]);
    private final TransactionCoordinator coordinator;

    /** The listener of an engine whose transactions {@code coordinator} decides. */
    public WriteTracker(TransactionCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** The tracker among the listeners of {@code engine}, or null when the engine was not started with one. */
    public static @Nullable WriteTracker of(Engine engine) {
        for (ExecutionListener listener : engine.listeners()) {
            if (listener instanceof WriteTracker) {
                return (WriteTracker) listener;
            }
        }
        return null;
    }

    /** The number of writing statements this thread has run successfully on this tracker's engine. */
    public long count() {
        return writes.get()[0];
    }

    @Override
    public void afterExecute(StatementEvent event, long elapsedNanos, @Nullable SQLException failure) {
        if (failure == null && isWrite(event.sql()) && coordinator.currentTransaction() == null) {
            writes.get()[0]++;
        }
    }

    /** A writing statement inside a WITH clause. */
    private static final Pattern WRITE_KEYWORD = Pattern.compile("\\b(?:INSERT|UPDATE|DELETE|MERGE)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * A query of a data change delta table, as H2 writes an INSERT ... RETURNING:
     * {@code SELECT ... FROM FINAL TABLE (INSERT ...)}.
     */
    private static final Pattern DELTA_TABLE = Pattern.compile(
            "\\b(?:FINAL|NEW|OLD)\\s+TABLE\\s*\\(\\s*(?:INSERT|UPDATE|DELETE|MERGE)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Whether the statement writes rows: it starts with INSERT, UPDATE, DELETE or MERGE, or has one after a WITH
     * clause, or is a SELECT of the rows an INSERT, UPDATE, DELETE or MERGE wrote (H2's form of RETURNING). Matched in
     * place, without an upper-case copy of the SQL (an insert of a thousand rows per statement is long).
     */
    static boolean isWrite(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        if (startsWith(sql, start, "INSERT") || startsWith(sql, start, "UPDATE") || startsWith(sql, start, "DELETE")
                || startsWith(sql, start, "MERGE")) {
            return true;
        }
        if (startsWith(sql, start, "WITH")) {
            return WRITE_KEYWORD.matcher(sql).find();
        }
        return startsWith(sql, start, "SELECT") && DELTA_TABLE.matcher(sql).find();
    }

    private static boolean startsWith(String sql, int start, String keyword) {
        return sql.regionMatches(true, start, keyword, 0, keyword.length());
    }
}
