package io.retort.sql;

import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code CASE WHEN p THEN v ... ELSE e END}, made by {@link Sql#caseWhen}:
 *
 * <pre>{@code
 * caseWhen(users.c("name").eq("sandy"), "squirrel").when(users.c("name").eq("patrick"), "starfish")
 *         .otherwise("sponge")
 * }</pre>
 *
 * @param <T> the Java type of the values
 */
public final class Case<T> implements Expression<T> {
    /**
     * One {@code WHEN predicate THEN value}.
     *
     * @param predicate the condition
     * @param value the result
     */
    public record When(Predicate predicate, Expression<?> value) {
    }

    private final List<When> whens;
    private final @Nullable Expression<?> otherwise;
    private final SqlType<T> type;

    Case(List<When> whens, @Nullable Expression<?> otherwise, SqlType<T> type) {
        this.whens = List.copyOf(whens);
        this.otherwise = otherwise;
        this.type = type;
    }

    /** Adds a {@code WHEN predicate THEN value}. */
    public Case<T> when(Predicate predicate, T value) {
        List<When> more = new ArrayList<>(whens);
        more.add(new When(predicate, BindParameter.of(type, value)));
        return new Case<>(more, otherwise, type);
    }

    /** Sets the {@code ELSE} value. */
    public Case<T> otherwise(@Nullable T value) {
        return new Case<>(whens, BindParameter.of(type, value), type);
    }

    /** The WHEN branches. */
    public List<When> whens() {
        return whens;
    }

    /** The ELSE value, or null for none (NULL). */
    public @Nullable Expression<?> otherwiseValue() {
        return otherwise;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitCase(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Case<?> && ((Case<?>) other).whens.equals(whens)
                && Objects.equals(((Case<?>) other).otherwise, otherwise) && ((Case<?>) other).type.equals(type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(whens, otherwise, type);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
