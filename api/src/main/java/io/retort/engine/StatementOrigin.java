package io.retort.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Names what issued the statements run on the current thread inside a block, so that diagnostics can name it: the
 * N+1 warning says which relationship or loader ran a statement too often, and which option would batch it. The ORM
 * marks its lazy loads this way; an application may mark its own repeated work too.
 *
 * <pre>{@code
 * try (StatementOrigin origin = StatementOrigin.enter("OrderService.totals", "load the orders with one query")) {
 *     ... // statements run here are counted under "OrderService.totals"
 * }
 * }</pre>
 *
 * <p>Only statements run inside an origin are counted for the N+1 warning. Origins nest; {@link #close()} restores
 * the enclosing one. Confined to the thread that entered it.
 */
public final class StatementOrigin implements AutoCloseable {
    private static final ThreadLocal<@Nullable StatementOrigin> CURRENT = new ThreadLocal<>();

    private final String description;
    private final String batchingHint;
    private final @Nullable StatementOrigin enclosing;
    private boolean closed;

    private StatementOrigin(String description, String batchingHint, @Nullable StatementOrigin enclosing) {
        this.description = description;
        this.batchingHint = batchingHint;
        this.enclosing = enclosing;
    }

    /**
     * Marks the statements this thread runs until {@link #close()} as issued by {@code description}.
     *
     * @param description what issues them, e.g. {@code "lazy load of User.addresses"}
     * @param batchingHint what would run them as fewer statements, e.g. {@code "options(selectIn(User_.addresses))"}
     * @return the origin, to close in a try-with-resources block
     */
    public static StatementOrigin enter(String description, String batchingHint) {
        StatementOrigin origin = new StatementOrigin(Objects.requireNonNull(description, "description"),
                Objects.requireNonNull(batchingHint, "batchingHint"), CURRENT.get());
        CURRENT.set(origin);
        return origin;
    }

    /** The innermost origin this thread is in, or {@code null} outside any. */
    public static @Nullable StatementOrigin current() {
        return CURRENT.get();
    }

    /** What issues the statements. */
    public String description() {
        return description;
    }

    /** What would batch the statements. */
    public String batchingHint() {
        return batchingHint;
    }

    /**
     * Leaves the origin; the enclosing one (if any) is current again. Closing twice does nothing. Closed out of order,
     * an origin leaves the ones inside it too, and one closed after its enclosing origin changes nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!isOrEncloses(CURRENT.get())) {
            return; // an enclosing origin was closed first: the current one is not inside this one
        }
        StatementOrigin restored = enclosing;
        while (restored != null && restored.closed) {
            restored = restored.enclosing;
        }
        if (restored != null) {
            CURRENT.set(restored);
        } else {
            CURRENT.remove();
        }
    }

    private boolean isOrEncloses(@Nullable StatementOrigin origin) {
        for (StatementOrigin each = origin; each != null; each = each.enclosing) {
            if (each == this) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return description;
    }
}
