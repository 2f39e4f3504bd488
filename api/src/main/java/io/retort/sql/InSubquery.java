package io.retort.sql;

/**
 * {@code expression [NOT] IN (SELECT ...)}.
 *
 * @param expression the tested expression
 * @param select the subquery
 * @param negated whether it is NOT IN
 */
public record InSubquery(Expression<?> expression, Select select, boolean negated) implements Predicate {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitInSubquery(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
