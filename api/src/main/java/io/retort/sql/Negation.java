package io.retort.sql;

import org.jspecify.annotations.Nullable;

/**
 * {@code NOT (predicate)}.
 *
 * @param predicate the negated predicate
 */
public record Negation(Predicate predicate) implements Predicate {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitNegation(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Negation && ((Negation) other).predicate.equals(predicate);
    }

    @Override
    public int hashCode() {
        return predicate.hashCode() ^ 0x5a5a;
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
