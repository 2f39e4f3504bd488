package io.retort.sql;

import io.retort.types.SqlType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value bound to a statement as a parameter of a SQL type. Two bind parameters are equal when their types (and
 * whether they expand into a list) are: the value is left out, so statements differing only in values share one
 * compiled form.
 *
 * @param <T> the Java type of the value
 */
public final class BindParameter<T> implements Expression<T> {
    private final SqlType<T> type;
    private final @Nullable Object value;
    private final boolean expanding;
    private final @Nullable String name;

    private BindParameter(SqlType<T> type, @Nullable Object value, boolean expanding) {
        this(type, value, expanding, null);
    }

    private BindParameter(SqlType<T> type, @Nullable Object value, boolean expanding, @Nullable String name) {
        this.type = Objects.requireNonNull(type, "type");
        this.value = value;
        this.expanding = expanding;
        this.name = name;
    }

    /**
     * A named parameter whose value is given at execution, as SQLAlchemy's {@code bindparam("name")}:
     * {@code conn.execute(select(users).where(users.c("id").eq(bindParam("id", INTEGER))), Map.of("id", 5))}.
     * With a list of parameter maps the statement runs as one JDBC batch.
     */
    public static <T> BindParameter<T> named(String name, SqlType<T> type) {
        if (name == null || name.isEmpty()) {
            throw new io.retort.exception.InvalidArgumentException("A named bind parameter needs a name");
        }
        return new BindParameter<>(type, null, false, name);
    }

    /** The name of a parameter given at execution, or null for a parameter holding its value. */
    public @Nullable String name() {
        return name;
    }

    /** A single value. */
    public static <T> BindParameter<T> of(SqlType<T> type, @Nullable Object value) {
        return new BindParameter<>(type, value, false);
    }

    /** A value computed at each execution, such as a column's client-side default. */
    public static <T> BindParameter<T> computed(SqlType<T> type, java.util.function.Supplier<?> supplier) {
        return new BindParameter<>(type, new Computed(supplier), false);
    }

    /** The value of a {@link #computed} parameter: computed when the statement runs. */
    public record Computed(java.util.function.Supplier<?> supplier) {
    }

    /** A list of values that expands into {@code (?, ?, ...)} at execution. */
    public static <T> BindParameter<T> expanding(SqlType<T> type, java.util.List<?> values) {
        return new BindParameter<>(type, values, true);
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** The bound value (a list for an expanding parameter); a computed value is computed now. */
    public @Nullable Object value() {
        return value instanceof Computed ? ((Computed) value).supplier().get() : value;
    }

    /** Whether the value is computed at each execution ({@link #computed}), so that two executions bind others. */
    public boolean isComputed() {
        return value instanceof Computed;
    }

    /** Whether the value is a list that expands at execution. */
    public boolean isExpanding() {
        return expanding;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitBind(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof BindParameter<?> && ((BindParameter<?>) other).type.equals(type)
                && ((BindParameter<?>) other).expanding == expanding
                && Objects.equals(((BindParameter<?>) other).name, name);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + (expanding ? 1 : 0)) * 31 + Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return ":" + (name == null ? "param" : name);
    }
}
