package io.retort.sql;

import io.retort.types.SqlType;

/**
 * {@code function(...) OVER (window)}: a window function, made by {@link FunctionCall#over(Window)}.
 *
 * @param function the aggregate or ranking function
 * @param window the window
 * @param <T> the Java type of the result
 */
public record Over<T>(FunctionCall<T> function, Window window) implements Expression<T> {
    @Override
    public SqlType<T> type() {
        return function.type();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitOver(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
