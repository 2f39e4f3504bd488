package io.retort.sql;

import java.util.Objects;

/**
 * {@code document @> contained}: whether a JSON document contains another, made by {@link Json#contains}.
 *
 * @param document the JSON document
 * @param contained the document it must contain
 */
public record JsonContains(Expression<?> document, Expression<?> contained) implements Predicate {
    /** Checks the parts. */
    public JsonContains {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(contained, "contained");
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitJsonContains(this);
    }

    /** This predicate as SQL in the default dialect with {@code :name} parameters. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
