package io.retort.sql;

/**
 * {@code expression BETWEEN low AND high}.
 *
 * @param expression the tested expression
 * @param low the lower bound
 * @param high the upper bound
 */
public record Between(Expression<?> expression, Expression<?> low, Expression<?> high) implements Predicate {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitBetween(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
