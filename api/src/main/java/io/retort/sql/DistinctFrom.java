package io.retort.sql;

/**
 * {@code left IS [NOT] DISTINCT FROM right}: a comparison in which NULL equals NULL ({@code <=>} on MySQL).
 *
 * @param left the left operand
 * @param right the right operand
 * @param negated whether it is {@code IS NOT DISTINCT FROM}
 */
public record DistinctFrom(Expression<?> left, Expression<?> right, boolean negated) implements Predicate {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitDistinctFrom(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
