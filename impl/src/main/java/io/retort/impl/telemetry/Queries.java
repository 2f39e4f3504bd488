package io.retort.impl.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What metrics and spans say about a SQL text, worked out once per text: its operation name ({@code SELECT}), its
 * text with every literal replaced by {@code ?} (values are bound, so only literals written into the SQL itself could
 * carry data), and the attributes of its duration metric. At most {@value #LIMIT} texts are kept; the cache starts
 * over beyond that. Thread-safe.
 */
final class Queries {
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> QUERY_TEXT = AttributeKey.stringKey("db.query.text");
    private static final int LIMIT = 2000;

    /**
     * One SQL text.
     *
     * @param operation the first keyword, upper case
     * @param sanitized the text without literal values
     * @param metricAttributes {@code db.system.name} and {@code db.operation.name}
     */
    record Query(String operation, String sanitized, Attributes metricAttributes) {
    }

    private final String system;
    /** Whether the database reads a backslash in a string literal as an escape (MySQL and MariaDB do). */
    private final boolean backslashEscapes;
    private final ConcurrentHashMap<String, Query> known = new ConcurrentHashMap<>();

    Queries(String system) {
        this.system = system;
        this.backslashEscapes = system.equals("mysql") || system.equals("mariadb");
    }

    Query of(String sql) {
        Query query = known.get(sql);
        if (query != null) {
            return query;
        }
        if (known.size() >= LIMIT) {
            known.clear();
        }
        String operation = operation(sql);
        query = new Query(operation, sanitize(sql, backslashEscapes),
                Attributes.of(SYSTEM, system, OPERATION, operation));
        known.put(sql, query);
        return query;
    }

    /** H2's INSERT with RETURNING, {@code SELECT ... FROM FINAL TABLE (INSERT ...)}: its operation is the INSERT. */
    private static final String DELTA_TABLE = " FROM FINAL TABLE (";

    /**
     * The SQL's first keyword in upper case ({@code SELECT}, {@code WITH}), or {@code SQL} when it has none; for a
     * query of an insert's FINAL TABLE (H2's INSERT ... RETURNING), the keyword of the insert.
     */
    static String operation(String sql) {
        String first = keyword(sql, 0);
        int delta = first.equals("SELECT") ? sql.indexOf(DELTA_TABLE) : -1;
        return delta > 0 ? keyword(sql, delta + DELTA_TABLE.length()) : first;
    }

    private static String keyword(String sql, int from) {
        int start = from;
        while (start < sql.length() && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return end > start ? sql.substring(start, end).toUpperCase(Locale.ROOT) : "SQL";
    }

    /**
     * The SQL with each string literal ({@code 'it''s'}) and number literal that stands alone ({@code 42}, not the
     * {@code 2} of {@code t2}) replaced by {@code ?}; quoted identifiers ({@code "t"}, {@code `t`}) are kept.
     *
     * @param backslashEscapes whether {@code \'} inside a literal is an escaped quote (MySQL, MariaDB)
     */
    static String sanitize(String sql, boolean backslashEscapes) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int j = i + 1;
                while (j < sql.length()) {
                    if (sql.charAt(j) == '\'') {
                        if (j + 1 < sql.length() && sql.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (backslashEscapes && sql.charAt(j) == '\\' && j + 1 < sql.length()) {
                        j++;
                    }
                    j++;
                }
                out.append('?');
                i = j + 1;
            } else if (c == '"' || c == '`') {
                int j = sql.indexOf(c, i + 1);
                j = j < 0 ? sql.length() : j + 1;
                out.append(sql, i, j);
                i = j;
            } else if (Character.isDigit(c) && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                int j = i;
                while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                out.append('?');
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
