package io.retort.sql;

import org.jspecify.annotations.Nullable;

/**
 * An ORDER BY item: {@code expression [DESC] [NULLS FIRST | NULLS LAST]}. Where the database has no NULLS FIRST/LAST
 * (MySQL, MariaDB) it is emulated by ordering on {@code expression IS NULL} first.
 *
 * @param expression the ordering expression
 * @param descending whether the order is descending
 * @param placeNullsFirst true for NULLS FIRST, false for NULLS LAST, null for the database's default
 */
public record OrderBy(Expression<?> expression, boolean descending, @Nullable Boolean placeNullsFirst)
        implements SqlNode {

    /** An item with the database's default placement of NULLs. */
    public OrderBy(Expression<?> expression, boolean descending) {
        this(expression, descending, null);
    }

    /** The same item with NULLs first. */
    public OrderBy nullsFirst() {
        return new OrderBy(expression, descending, true);
    }

    /** The same item with NULLs last. */
    public OrderBy nullsLast() {
        return new OrderBy(expression, descending, false);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitOrderBy(this);
    }

    /** This item as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
