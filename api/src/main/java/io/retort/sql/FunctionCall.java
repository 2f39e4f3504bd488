package io.retort.sql;

import io.retort.types.SqlType;
import java.util.List;

/**
 * {@code name(arguments...)} with a result type, made by {@link Sql#count()} and {@link Sql#function}.
 *
 * @param name the SQL function name
 * @param arguments the arguments; {@code count()} with none renders {@code count(*)}
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record FunctionCall<T>(String name, List<Expression<?>> arguments, SqlType<T> type) implements Expression<T> {
    /** Copies the arguments. */
    public FunctionCall {
        arguments = List.copyOf(arguments);
    }

    /** {@code this OVER (window)}: a window function. */
    public Over<T> over(Window window) {
        return new Over<>(this, window);
    }

    /** {@code this FILTER (WHERE predicate)}: aggregate only the rows the predicate accepts. */
    public Filtered<T> filter(Predicate predicate) {
        return new Filtered<>(this, predicate);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitFunction(this);
    }
}
