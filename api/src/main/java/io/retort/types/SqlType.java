package io.retort.types;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SQL type and the Java type that represents its values. Subclasses are immutable; two types are equal when they
 * are of the same kind with the same parameters ({@code string(30)} equals {@code string(30)}).
 *
 * @param <T> the Java type of values
 */
public abstract class SqlType<T> {
    private final Class<T> javaType;
    /**
     * {@link #hashCode()}, 0 until first computed: the compiled-statement cache hashes the types of a statement's
     * columns and values at every execution, and a type is immutable. A race computes it twice, to the same value.
     */
    private int hash;

    /** A type whose values are represented by {@code javaType}. */
    protected SqlType(Class<T> javaType) {
        this.javaType = Objects.requireNonNull(javaType, "javaType");
    }

    /** The Java type of values of this type. */
    public final Class<T> javaType() {
        return javaType;
    }

    /** The generic kind of this type, which dialects render in DDL. */
    public abstract TypeKind kind();

    /** The type's parameters (length, precision and scale, enum values, ...), for equality and display. */
    protected List<@Nullable Object> parameters() {
        return List.of();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other != null && other.getClass() == getClass() && ((SqlType<?>) other).javaType == javaType
                && ((SqlType<?>) other).parameters().equals(parameters());
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(getClass(), javaType, parameters());
            hash = h;
        }
        return h;
    }

    /** The generic SQL name with its parameters, e.g. {@code VARCHAR(30)} or {@code NUMERIC(10, 2)}. */
    @Override
    public String toString() {
        List<@Nullable Object> parameters = parameters();
        if (parameters.isEmpty() || parameters.stream().allMatch(Objects::isNull)) {
            return kind().name();
        }
        StringBuilder text = new StringBuilder(kind().name()).append('(');
        boolean first = true;
        for (Object parameter : parameters) {
            if (parameter != null) {
                text.append(first ? "" : ", ").append(parameter);
                first = false;
            }
        }
        return text.append(')').toString();
    }
}
