package io.retort.impl.compiler;

import io.retort.impl.dialect.Dialect;
import io.retort.sql.TextClause;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link TextClause}: each {@code :name} becomes a JDBC {@code ?} and its name is recorded in order.
 *
 * <p>Rules: a name starts with a letter or underscore and goes on with letters, digits and underscores; a colon
 * preceded by a letter, digit, underscore or another colon is not a parameter (so {@code 10:30} and PostgreSQL's
 * {@code ::} cast stay as they are); {@code \:} is a literal colon (inside string literals too, so statements written
 * for SQLAlchemy keep working); otherwise string literals, quoted identifiers, comments and PostgreSQL dollar-quoted
 * strings are copied untouched.
 */
public final class TextCompiler {
    private final boolean backslashEscapes;
    private final boolean escapeStrings;
    private final boolean dollarQuotes;

    /** A compiler following the quoting rules of a dialect. */
    public TextCompiler(Dialect dialect) {
        this.backslashEscapes = dialect.backslashEscapesInStrings();
        this.escapeStrings = dialect.escapeStringConstants();
        this.dollarQuotes = dialect.dollarQuotedStrings();
    }

    /** Compiles the clause. */
    public CompiledStatement compile(TextClause clause) {
        String text = clause.text();
        StringBuilder sql = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                // MySQL: backslash escapes in '...' and "..." strings; PostgreSQL: in E'...' strings only.
                boolean escapes = c != '`' && backslashEscapes || c == '\'' && escapeStrings && isEPrefix(text, i);
                int end = endOfQuoted(text, i, c, escapes);
                // No parameters inside quotes; "\:" still means ":" there, as SQLAlchemy reads it everywhere.
                sql.append(text.substring(i, end).replace("\\:", ":"));
                i = end;
            } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? length : end;
                sql.append(text, i, end);
                i = end;
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? length : end + 2;
                sql.append(text, i, end);
                i = end;
            } else if (c == '$' && dollarQuotes && (i == 0 || !isNamePart(text.charAt(i - 1)))) {
                int end = endOfDollarQuoted(text, i);
                sql.append(text, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < length && text.charAt(i + 1) == ':') {
                sql.append(':');
                i += 2;
            } else if (c == ':' && i + 1 < length && text.charAt(i + 1) == ':') {
                // PostgreSQL cast (x::int): copy both colons, so the name after them is not a parameter.
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < length && isNameStart(text.charAt(i + 1))
                    && (i == 0 || !isNamePart(text.charAt(i - 1)))) {
                int end = i + 1;
                while (end < length && isNamePart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                offsets.add(sql.length());
                sql.append('?');
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        for (String name : clause.expandingParameters()) {
            if (!names.contains(name)) {
                throw new io.retort.exception.InvalidArgumentException("expanding(\"" + name + "\") names no"
                        + " parameter of the statement: " + text + "\nIts parameters are " + names);
            }
        }
        return new CompiledStatement(sql.toString(), names, text, offsets, clause.expandingParameters());
    }

    /** Whether the quote at {@code quote} opens a PostgreSQL escape string: a standalone {@code E} before it. */
    private static boolean isEPrefix(String text, int quote) {
        return quote > 0 && (text.charAt(quote - 1) == 'E' || text.charAt(quote - 1) == 'e')
                && (quote == 1 || !isNamePart(text.charAt(quote - 2)));
    }

    private static int endOfQuoted(String text, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2; // doubled quote inside the literal
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static int endOfDollarQuoted(String text, int start) {
        int tagEnd = start + 1;
        while (tagEnd < text.length() && isNamePart(text.charAt(tagEnd)) && text.charAt(tagEnd) != '$') {
            tagEnd++;
        }
        if (tagEnd >= text.length() || text.charAt(tagEnd) != '$'
                || tagEnd > start + 1 && Character.isDigit(text.charAt(start + 1))) {
            return start + 1; // not a dollar quote ($1 is a positional parameter)
        }
        String tag = text.substring(start, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        return close < 0 ? text.length() : close + tag.length();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
