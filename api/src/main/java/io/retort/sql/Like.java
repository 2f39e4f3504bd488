package io.retort.sql;

/**
 * {@code expression [NOT] LIKE pattern}, case-insensitive when {@code ignoreCase}.
 *
 * @param expression the tested expression
 * @param pattern the pattern
 * @param negated whether it is {@code NOT LIKE}
 * @param ignoreCase whether case is ignored (ILIKE)
 */
public record Like(Expression<?> expression, Expression<?> pattern, boolean negated, boolean ignoreCase)
        implements Predicate {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitLike(this);
    }
}
