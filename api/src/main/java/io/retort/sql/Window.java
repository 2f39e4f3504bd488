package io.retort.sql;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A window for {@link FunctionCall#over(Window)}: partitions, order and an optional ROWS frame.
 *
 * <pre>{@code
 * sum(orders.c("amount")).over(Window.partitionBy(orders.c("customer_id")).orderBy(orders.c("day").asc())
 *         .rowsBetween(null, 0))     // ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
 * }</pre>
 *
 * @param partitionBy the PARTITION BY expressions
 * @param orderBy the ORDER BY items
 * @param frameStart rows before the current one where the frame starts (0 = current row), or null for unbounded;
 *     only meaningful with {@code framed}
 * @param frameEnd rows after the current one where it ends (0 = current row), or null for unbounded
 * @param framed whether a ROWS frame is given
 */
public record Window(List<Expression<?>> partitionBy, List<OrderBy> orderBy, @Nullable Integer frameStart,
        @Nullable Integer frameEnd, boolean framed) {

    /** Copies the lists. */
    public Window {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /** An empty window: the whole result. */
    public static Window all() {
        return new Window(List.of(), List.of(), null, null, false);
    }

    /** A window partitioned by expressions. */
    public static Window partitionBy(Expression<?>... expressions) {
        return new Window(List.of(expressions), List.of(), null, null, false);
    }

    /** A window ordered by items. */
    public static Window ordered(OrderBy... items) {
        return all().orderBy(items);
    }

    /** Adds ORDER BY items. */
    public Window orderBy(OrderBy... items) {
        List<OrderBy> more = new ArrayList<>(orderBy);
        more.addAll(List.of(items));
        return new Window(partitionBy, more, frameStart, frameEnd, framed);
    }

    /**
     * {@code ROWS BETWEEN start PRECEDING AND end FOLLOWING}: null is UNBOUNDED, 0 is CURRENT ROW.
     *
     * @param preceding rows before the current row, or null for unbounded
     * @param following rows after the current row, or null for unbounded
     */
    public Window rowsBetween(@Nullable Integer preceding, @Nullable Integer following) {
        return new Window(partitionBy, orderBy, preceding, following, true);
    }
}
