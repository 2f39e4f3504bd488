package io.retort.sql;

/**
 * {@code expression [NOT] IN (?, ?, ...)} with an expanding parameter.
 *
 * @param expression the tested expression
 * @param values the expanding parameter holding the list
 * @param negated whether it is {@code NOT IN}
 */
public record InList(Expression<?> expression, BindParameter<?> values, boolean negated) implements Predicate {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitInList(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
