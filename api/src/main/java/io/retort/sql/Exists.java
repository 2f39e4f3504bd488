package io.retort.sql;

/**
 * {@code [NOT] EXISTS (SELECT ...)}, made by {@link Sql#exists}.
 *
 * @param select the subquery
 * @param negated whether it is NOT EXISTS
 */
public record Exists(Select select, boolean negated) implements Predicate {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitExists(this);
    }

    @Override
    public Predicate not() {
        return new Exists(select, !negated);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
