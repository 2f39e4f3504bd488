package io.retort.impl.engine;

import io.retort.engine.ExecutionListener;
import io.retort.engine.NPlusOneMode;
import io.retort.engine.StatementEvent;
import io.retort.engine.StatementOrigin;
import io.retort.exception.InvalidRequestException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Counts, for one checked-out connection (a Session's transaction, or a JTA transaction's), how often each statement
 * shape (its SQL text with placeholders) runs inside a {@link StatementOrigin}; the run after the threshold is an N+1
 * pattern: one WARN naming the statement, the count, the origin and the option that would batch it, or (RAISE) an
 * error before the statement runs. Statements outside an origin cost one thread-local read. Confined to the
 * connection's thread.
 */
final class NPlusOneDetector implements ExecutionListener {
    static final String LOGGER_NAME = "io.retort.orm.nplusone";
    private static final Logger LOGGER = System.getLogger(LOGGER_NAME);

    private final NPlusOneMode mode;
    private final int threshold;
    /** Runs per origin and SQL; made at the first statement run inside an origin. */
    private @Nullable Map<Shape, int[]> counts;

    private record Shape(String origin, String sql) {
    }

    NPlusOneDetector(NPlusOneMode mode, int threshold) {
        this.mode = mode;
        this.threshold = threshold;
    }

    @Override
    public void beforeExecute(StatementEvent event) {
        StatementOrigin origin = StatementOrigin.current();
        if (origin == null) {
            return;
        }
        Map<Shape, int[]> seen = counts;
        if (seen == null) {
            seen = new HashMap<>();
            counts = seen;
        }
        int[] count = seen.computeIfAbsent(new Shape(origin.description(), event.sql()), k -> new int[1]);
        if (++count[0] != threshold + 1) {
            return;
        }
        String message = "N+1 statements: " + origin.description() + " has run the same statement " + count[0]
                + " times on one connection (more than retort.n-plus-one.threshold=" + threshold + "); batch it: "
                + origin.batchingHint() + "\n[SQL: " + event.sql() + "]";
        if (mode == NPlusOneMode.RAISE) {
            throw new InvalidRequestException(message + "\n(retort.n-plus-one=raise makes this an error; set it to"
                    + " warn to log it instead)");
        }
        LOGGER.log(Level.WARNING, message);
    }
}
