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
}
