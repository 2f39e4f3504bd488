package io.retort.sql;

/**
 * {@code expression IS [NOT] NULL}.
 *
 * @param expression the tested expression
 * @param negated whether it is {@code IS NOT NULL}
 */
public record NullTest(Expression<?> expression, boolean negated) implements Predicate {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitNullTest(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
