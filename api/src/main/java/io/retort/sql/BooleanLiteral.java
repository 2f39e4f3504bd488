package io.retort.sql;

/**
 * The constant {@code true} or {@code false}, made by {@link Sql#trueValue()} and {@link Sql#falseValue()}, as
 * SQLAlchemy's {@code true()} and {@code false()}: {@code where(Sql.falseValue())} matches no row,
 * {@code join(t, Sql.trueValue())} joins every row (a LATERAL join's ON clause).
 *
 * @param value the constant
 */
public record BooleanLiteral(boolean value) implements Predicate {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitBooleanLiteral(this);
    }

    /** This predicate as SQL in the default dialect, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
