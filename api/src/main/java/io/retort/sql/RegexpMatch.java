package io.retort.sql;

import java.util.Objects;

/**
 * {@code expression} matches a regular expression, made by {@link Expression#regexpMatch(String)}: {@code x ~ ?} on
 * PostgreSQL, {@code x REGEXP ?} on MySQL and MariaDB, {@code REGEXP_LIKE(x, ?)} on H2; SQLite has no regular
 * expressions without a loaded extension, so it is a compile error there. The pattern syntax is the database's.
 *
 * @param expression the tested expression
 * @param pattern the regular expression, bound as a parameter
 * @param negated whether it is a non-match
 */
public record RegexpMatch(Expression<?> expression, Expression<?> pattern, boolean negated) implements Predicate {
    /** Checks the parts. */
    public RegexpMatch {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitRegexpMatch(this);
    }

    /** This predicate as SQL in the default dialect with {@code :name} parameters. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
