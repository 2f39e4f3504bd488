package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import java.util.List;
import java.util.Locale;

/**
 * Words written after a statement's keyword ({@code SELECT}, {@code INSERT}, ...), as SQLAlchemy's
 * {@code prefix_with}: {@code INSERT IGNORE INTO}, {@code SELECT SQL_NO_CACHE}. Given with {@code prefixWith(...)}.
 *
 * @param text the SQL text, spliced as given
 * @param dialects the dialects it is written for ({@code mysql}, {@code mariadb}, ...); empty for every dialect
 */
public record Prefix(String text, List<String> dialects) {
    /** Copies the dialect names, lower-cased. */
    public Prefix {
        dialects = dialects.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * A prefix, checked: SQL text that ends no statement and holds no comment.
     *
     * @throws InvalidArgumentException if it is blank or holds {@code ;}, {@code --} or {@code /*}
     */
    static Prefix of(String text, String... dialects) {
        if (text == null || text.isBlank() || text.contains(";") || text.contains("--") || text.contains("/*")) {
            throw new InvalidArgumentException("A statement prefix must be SQL words such as \"IGNORE\" without ';'"
                    + " or comments, but was " + (text == null ? "null" : "'" + text + "'"));
        }
        return new Prefix(text.strip(), List.of(dialects));
    }

    /** Whether it is written for the dialect named. */
    public boolean appliesTo(String dialect) {
        return dialects.isEmpty() || dialects.contains(dialect);
    }
}
