package io.retort.types;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A one-dimensional array of another type, made by {@link Types#array}: its values are {@code List}s (a Java array
 * is accepted when binding). PostgreSQL and H2 index arrays from 1, and so does Retort: {@code SqlArray.get(col, 1)}
 * is the first element (SQLAlchemy's default, {@code zero_indexes=False}); Retort has no zero-based option, so an
 * index is never shifted behind the user's back.
 *
 * @param <E> the Java type of the elements
 */
public final class ArrayType<E> extends SqlType<List<E>> {
    private final SqlType<E> elementType;

    @SuppressWarnings({"unchecked", "rawtypes"})
    ArrayType(SqlType<E> elementType) {
        super((Class) List.class);
        this.elementType = Objects.requireNonNull(elementType, "elementType");
        if (elementType instanceof ArrayType<?>) {
            throw new IllegalArgumentException("An array of arrays (" + elementType + "[]) is not supported: Retort"
                    + " arrays have one dimension; store rows in a child table or the nested list as JSON");
        }
    }

    /** The type of the elements. */
    public SqlType<E> elementType() {
        return elementType;
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ARRAY;
    }

    @Override
    protected List<@Nullable Object> parameters() {
        return List.of(elementType);
    }

    @Override
    public String toString() {
        return elementType + "[]";
    }
}
