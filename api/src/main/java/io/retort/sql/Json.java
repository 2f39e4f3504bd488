package io.retort.sql;

import io.retort.types.Types;
import java.util.List;

/**
 * Operators on JSON documents (columns of type {@code JSON}); keys are bound as parameters, never spliced:
 *
 * <pre>{@code
 * Json.get(docs.c("body"), "author")            // docs.body -> ?                 (a JSON value)
 * Json.text(docs.c("body"), "author", "name")   // docs.body -> ? ->> ?           (text)
 * Json.contains(docs.c("body"), literal(JSON, "{\"tags\": [\"a\"]}"))   // docs.body @> ?
 * }</pre>
 *
 * PostgreSQL uses {@code ->}, {@code ->>} and {@code @>} (on JSONB); SQLite {@code -> '$."a"'} and
 * {@code ->> '$."a"'}; MySQL and MariaDB {@code JSON_EXTRACT(x, '$."a"')}, {@code JSON_UNQUOTE(...)} and
 * {@code JSON_CONTAINS(x, y)}. H2 has no JSON access, and SQLite no containment: compile errors name them.
 */
public final class Json {
    private Json() {
    }

    /** The JSON value at a key path of a document: {@code doc -> 'a' -> 'b'}. */
    public static JsonAccess<String> get(Expression<?> document, String... path) {
        return new JsonAccess<>(document, List.of(path), false, Types.JSON);
    }

    /** The value at a key path of a document, as text (a string without its quotes): {@code doc -> 'a' ->> 'b'}. */
    public static JsonAccess<String> text(Expression<?> document, String... path) {
        return new JsonAccess<>(document, List.of(path), true, Types.STRING);
    }

    /** Whether the document contains another (PostgreSQL {@code @>}, MySQL {@code JSON_CONTAINS}). */
    public static Predicate contains(Expression<?> document, Expression<?> contained) {
        return new JsonContains(document, contained);
    }
}
