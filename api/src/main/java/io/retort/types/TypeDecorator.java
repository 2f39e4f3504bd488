package io.retort.types;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user-defined type stored as a built-in one, as SQLAlchemy's {@code TypeDecorator}:
 *
 * <pre>{@code
 * SqlType<Money> MONEY = new TypeDecorator<>(Money.class, Types.numeric(12, 2)) {
 *     protected BigDecimal toDatabase(Money value) { return value.amount(); }
 *     protected Money fromDatabase(BigDecimal value) { return new Money(value); }
 * };
 * }</pre>
 *
 * Nulls pass through without calling the conversions.
 *
 * @param <T> the Java type the application uses
 * @param <S> the Java type of the stored type
 */
public abstract class TypeDecorator<T, S> extends SqlType<T> {
    private final SqlType<S> storedAs;

    /** A type whose values are {@code javaType}, stored as {@code storedAs}. */
    protected TypeDecorator(Class<T> javaType, SqlType<S> storedAs) {
        super(javaType);
        this.storedAs = storedAs;
    }

    /** The built-in type the values are stored as. */
    public final SqlType<S> storedAs() {
        return storedAs;
    }

    @Override
    public final TypeKind kind() {
        return storedAs.kind();
    }

    /** Converts an application value (never null) to the stored type. */
    protected abstract S toDatabase(T value);

    /** Converts a stored value (never null) to the application type. */
    protected abstract T fromDatabase(S value);

    /** Applies {@link #toDatabase}, passing null through. */
    public final @Nullable S bindValue(@Nullable T value) {
        return value == null ? null : toDatabase(value);
    }

    /** Applies {@link #fromDatabase}, passing null through. */
    public final @Nullable T resultValue(@Nullable S value) {
        return value == null ? null : fromDatabase(value);
    }

    @Override
    protected List<@Nullable Object> parameters() {
        return List.of(storedAs);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().isEmpty() ? javaType().getSimpleName() + " as " + storedAs
                : getClass().getSimpleName();
    }
}
