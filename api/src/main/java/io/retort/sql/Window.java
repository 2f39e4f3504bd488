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
 * @param framed whether a frame is given
 * @param unit what the frame counts: rows, a range of the ORDER BY value, or peer groups
 * @param exclusion what the frame leaves out around the current row
 */
public record Window(List<Expression<?>> partitionBy, List<OrderBy> orderBy, @Nullable Integer frameStart,
        @Nullable Integer frameEnd, boolean framed, FrameUnit unit, FrameExclusion exclusion) {

    /** What a frame's bounds count. */
    public enum FrameUnit {
        /** {@code ROWS}: rows. */ ROWS,
        /** {@code RANGE}: values of the single ORDER BY expression. */ RANGE,
        /** {@code GROUPS}: groups of peer rows (PostgreSQL, SQLite, H2). */ GROUPS
    }

    /** What a frame leaves out (PostgreSQL, SQLite, H2). */
    public enum FrameExclusion {
        /** Nothing: the default, not written. */ NO_OTHERS("EXCLUDE NO OTHERS"),
        /** {@code EXCLUDE CURRENT ROW}. */ CURRENT_ROW("EXCLUDE CURRENT ROW"),
        /** {@code EXCLUDE GROUP}: the current row and its peers. */ GROUP("EXCLUDE GROUP"),
        /** {@code EXCLUDE TIES}: the current row's peers, not itself. */ TIES("EXCLUDE TIES");

        private final String sql;

        FrameExclusion(String sql) {
            this.sql = sql;
        }

        /** The clause. */
        public String sql() {
            return sql;
        }
    }

    /** Copies the lists. */
    public Window {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        java.util.Objects.requireNonNull(unit, "unit");
        java.util.Objects.requireNonNull(exclusion, "exclusion");
    }

    /** An empty window: the whole result. */
    public static Window all() {
        return new Window(List.of(), List.of(), null, null, false, FrameUnit.ROWS, FrameExclusion.NO_OTHERS);
    }

    /** A window partitioned by expressions. */
    public static Window partitionBy(Expression<?>... expressions) {
        return new Window(List.of(expressions), List.of(), null, null, false, FrameUnit.ROWS,
                FrameExclusion.NO_OTHERS);
    }

    /** A window ordered by items. */
    public static Window ordered(OrderBy... items) {
        return all().orderBy(items);
    }

    /** Adds ORDER BY items. */
    public Window orderBy(OrderBy... items) {
        List<OrderBy> more = new ArrayList<>(orderBy);
        more.addAll(List.of(items));
        return new Window(partitionBy, more, frameStart, frameEnd, framed, unit, exclusion);
    }

    /**
     * {@code ROWS BETWEEN start PRECEDING AND end FOLLOWING}: null is UNBOUNDED, 0 is CURRENT ROW.
     *
     * @param preceding rows before the current row, or null for unbounded
     * @param following rows after the current row, or null for unbounded
     */
    public Window rowsBetween(@Nullable Integer preceding, @Nullable Integer following) {
        return new Window(partitionBy, orderBy, preceding, following, true, FrameUnit.ROWS, exclusion);
    }

    /**
     * {@code RANGE BETWEEN ...}: the bounds count values of the (single, numeric) ORDER BY expression; null is
     * UNBOUNDED, 0 is CURRENT ROW: {@code rangeBetween(null, 0)} gives
     * {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}.
     */
    public Window rangeBetween(@Nullable Integer preceding, @Nullable Integer following) {
        return new Window(partitionBy, orderBy, preceding, following, true, FrameUnit.RANGE, exclusion);
    }

    /** {@code GROUPS BETWEEN ...}: the bounds count groups of peer rows (not MySQL or MariaDB). */
    public Window groupsBetween(@Nullable Integer preceding, @Nullable Integer following) {
        return new Window(partitionBy, orderBy, preceding, following, true, FrameUnit.GROUPS, exclusion);
    }

    /**
     * Leaves rows out of the frame: {@code ... EXCLUDE CURRENT ROW} (not MySQL or MariaDB).
     *
     * @throws io.retort.exception.InvalidArgumentException without a frame
     */
    public Window exclude(FrameExclusion excluded) {
        if (!framed) {
            throw new io.retort.exception.InvalidArgumentException("EXCLUDE needs a frame: give one with"
                    + " rowsBetween, rangeBetween or groupsBetween first");
        }
        return new Window(partitionBy, orderBy, frameStart, frameEnd, true, unit, excluded);
    }
}
