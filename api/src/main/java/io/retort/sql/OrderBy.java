package io.retort.sql;

/**
 * An ORDER BY item: {@code expression [DESC]}.
 *
 * @param expression the ordering expression
 * @param descending whether the order is descending
 */
public record OrderBy(Expression<?> expression, boolean descending) implements SqlNode {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitOrderBy(this);
    }
}
