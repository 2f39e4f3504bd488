package io.retort.sql;

import io.retort.types.SqlType;
import java.util.List;
import java.util.Objects;

/**
 * The value at a key path of a JSON document, made by {@link Json#get} and {@link Json#text}.
 *
 * @param document the JSON document
 * @param path the keys, outermost first; each is bound as a parameter
 * @param asText whether the value is returned as text rather than JSON
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record JsonAccess<T>(Expression<?> document, List<String> path, boolean asText, SqlType<T> type)
        implements Expression<T> {
    /** Copies the path and checks it is not empty. */
    public JsonAccess {
        Objects.requireNonNull(document, "document");
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new io.retort.exception.InvalidArgumentException("A JSON access needs at least one key, e.g."
                    + " Json.get(doc, \"author\")");
        }
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitJsonAccess(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
