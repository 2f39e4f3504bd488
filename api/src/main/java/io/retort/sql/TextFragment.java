package io.retort.sql;

import io.retort.types.SqlType;

/**
 * Literal SQL inside a statement, with {@code :name} parameters given at execution, as SQLAlchemy's {@code text()}
 * used in a {@code select()}: made by {@link Sql#sqlFragment(String, SqlType)} for a value and
 * {@link Sql#sqlCondition(String)} for a WHERE criterion.
 *
 * @param sql the SQL text, with {@code :name} parameters
 * @param type the type of its value
 * @param <T> the Java type of the value
 */
public record TextFragment<T>(String sql, SqlType<T> type) implements Expression<T> {
    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitTextFragment(this);
    }

    /**
     * A literal SQL condition.
     *
     * @param sql the SQL text, with {@code :name} parameters
     */
    public record Condition(String sql) implements Predicate {
        /** This predicate as SQL in the default dialect with {@code :name} parameters. */
        @Override
        public String toString() {
            return Sql.renderNode(this);
        }

        @Override
        public void accept(SqlVisitor visitor) {
            visitor.visitTextFragment(new TextFragment<>(sql, type()));
        }
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
