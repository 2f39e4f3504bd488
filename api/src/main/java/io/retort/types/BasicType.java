package io.retort.types;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A built-in SQL type: a {@link TypeKind} with its Java type and optional length, precision and scale. Made by
 * {@link Types}.
 *
 * @param <T> the Java type of values
 */
public final class BasicType<T> extends SqlType<T> {
    private final TypeKind kind;
    private final @Nullable Integer length;
    private final @Nullable Integer precision;
    private final @Nullable Integer scale;

    BasicType(TypeKind kind, Class<T> javaType, @Nullable Integer length, @Nullable Integer precision,
            @Nullable Integer scale) {
        super(javaType);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.length = length;
        this.precision = precision;
        this.scale = scale;
    }

    @Override
    public TypeKind kind() {
        return kind;
    }

    /** The maximum length of a {@code VARCHAR}, or {@code null} for none. */
    public @Nullable Integer length() {
        return length;
    }

    /** The precision of a {@code NUMERIC}, or {@code null} for the database's default. */
    public @Nullable Integer precision() {
        return precision;
    }

    /** The scale of a {@code NUMERIC}, or {@code null} for the database's default. */
    public @Nullable Integer scale() {
        return scale;
    }

    @Override
    protected List<@Nullable Object> parameters() {
        return Arrays.asList(length, precision, scale);
    }
}
