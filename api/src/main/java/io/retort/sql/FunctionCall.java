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

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitFunction(this);
    }
}
