package io.retort.sql;

/**
 * {@code expression [NOT] LIKE pattern [ESCAPE '/']}, case-insensitive when {@code ignoreCase}.
 *
 * @param expression the tested expression
 * @param pattern the pattern
 * @param negated whether it is {@code NOT LIKE}
 * @param ignoreCase whether case is ignored (ILIKE)
 * @param escapeChar the escape character of the pattern, or null
 */
public record Like(Expression<?> expression, Expression<?> pattern, boolean negated, boolean ignoreCase,
        @org.jspecify.annotations.Nullable Character escapeChar) implements Predicate {

    /** A pattern without escape character. */
    public Like(Expression<?> expression, Expression<?> pattern, boolean negated, boolean ignoreCase) {
        this(expression, pattern, negated, ignoreCase, null);
    }

    /** The escape character of {@link Expression#contains} and its siblings. */
    public static final char ESCAPE = '/';

    static char checkedEscape(char escape) {
        if (escape == '\'' || escape == '"' || escape == '\\' || escape == '`') {
            throw new io.retort.exception.InvalidArgumentException("LIKE escape character " + escape + " is a quote"
                    + " or a backslash, which databases read differently; use another, e.g. '/'");
        }
        return escape;
    }

    static String escape(String value) {
        return value.replace("/", "//").replace("%", "/%").replace("_", "/_");
    }

    static Like escaped(Expression<?> expression, String pattern) {
        return new Like(expression, BindParameter.of(io.retort.types.Types.STRING, pattern), false, false, ESCAPE);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitLike(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
