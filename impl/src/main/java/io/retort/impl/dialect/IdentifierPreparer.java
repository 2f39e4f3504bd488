package io.retort.impl.dialect;

import java.util.Locale;
import java.util.Set;

/**
 * Quotes identifiers only when needed, as SQLAlchemy's identifier preparer: a name is quoted if it is a reserved
 * word, is not all lower case (so its case survives databases that fold unquoted names), does not start with a
 * letter or underscore, or holds characters other than letters, digits, underscores and dollar signs. A quote
 * character inside a name is doubled.
 */
public final class IdentifierPreparer {
    /** Words reserved by SQL:2016 or by one of the supported databases, that name tables and columns often. */
    static final Set<String> COMMON_RESERVED = Set.copyOf(java.util.Arrays.asList("all", "alter", "and", "any", "array", "as", "asc",
            "authorization", "between", "both", "by", "case", "cast", "check", "collate", "column", "constraint",
            "create", "cross", "current", "current_date", "current_time", "current_timestamp", "current_user",
            "default", "delete", "desc", "distinct", "do", "drop", "else", "end", "except", "exists", "false",
            "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "if", "in", "index", "inner",
            "insert", "intersect", "interval", "into", "is", "join", "key", "leading", "left", "like", "limit",
            "localtime", "localtimestamp", "natural", "not", "null", "offset", "on", "or", "order", "outer", "over",
            "partition", "primary", "range", "references", "returning", "right", "row", "rows", "select",
            "session_user", "set", "some", "table", "then", "to", "trailing", "true", "union", "unique", "update",
            "user", "using", "values", "when", "where", "window", "with", "value", "rank", "schema", "database",
            "minus", "qualify", "top", "regexp", "rlike", "div", "mod", "sql", "references", "trigger", "char",
            "varchar", "int", "integer", "decimal", "numeric", "float", "double", "real", "date", "time",
            "timestamp", "read", "write", "release", "replace", "require", "return", "signal", "usage", "leave"));

    private final char quote;
    private final Set<String> reserved;

    /** A preparer quoting with {@code quote} and treating {@code reserved} (lower case) as reserved. */
    public IdentifierPreparer(char quote, Set<String> reserved) {
        this.quote = quote;
        this.reserved = reserved;
    }

    /** Whether the name must be quoted. */
    public boolean requiresQuotes(String name) {
        if (name.isEmpty() || reserved.contains(name.toLowerCase(Locale.ROOT))
                || !name.equals(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        char first = name.charAt(0);
        if (!(Character.isLetter(first) || first == '_')) {
            return true;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                return true;
            }
        }
        return false;
    }

    /** The name, quoted if needed. */
    public String quote(String name) {
        if (!requiresQuotes(name)) {
            return name;
        }
        String q = String.valueOf(quote);
        return q + name.replace(q, q + q) + q;
    }
}
