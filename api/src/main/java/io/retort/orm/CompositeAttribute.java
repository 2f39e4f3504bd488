package io.retort.orm;

import io.retort.schema.Column;
import io.retort.orm.spi.OrmProvider;
import io.retort.sql.Expression;
import io.retort.sql.Predicate;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Composite} field as a comparison of all its columns: {@code Order_.price.eq(new Money(...))} is
 * {@code price_amount = ? AND price_currency = ?}. The metamodel that {@code retort-processor} generates holds one
 * per composite field. Immutable; equal when they name the same field of the same class.
 *
 * @param <E> the mapped class
 * @param <T> the record type
 */
public final class CompositeAttribute<E, T extends Record> {
    private final Class<E> entity;
    private final String attribute;
    private final Class<T> type;

    private CompositeAttribute(Class<E> entity, String attribute, Class<T> type) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The attribute for a composite field; used by generated metamodel classes. */
    public static <E, T extends Record> CompositeAttribute<E, T> of(Class<E> entity, String attribute,
            Class<T> type) {
        return new CompositeAttribute<>(entity, attribute, type);
    }

    /** The mapped class. */
    public Class<E> entityClass() {
        return entity;
    }

    /** The field's name. */
    public String attributeName() {
        return attribute;
    }

    /** The record type. */
    public Class<T> javaType() {
        return type;
    }

    /**
     * The columns, one per record component.
     *
     * @throws io.retort.exception.InvalidArgumentException if the class maps no composite field of this name
     */
    public List<Column<?>> columns() {
        EntityMapping<E> mapping = OrmProvider.instance().mapping(entity);
        List<Column<?>> columns = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            columns.add(mapping.column(attribute + "." + component.getName()));
        }
        return columns;
    }

    /** Every column equal to the value's component ({@code IS NULL} for a null component, or a null value). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Predicate eq(@Nullable T value) {
        List<Column<?>> columns = columns();
        RecordComponent[] components = type.getRecordComponents();
        Predicate all = null;
        for (int i = 0; i < components.length; i++) {
            Object part = value == null ? null : component(components[i], value);
            Column column = columns.get(i);
            Predicate one = part == null ? column.isNull() : column.eq((Object) part);
            all = all == null ? one : all.and(one);
        }
        return Objects.requireNonNull(all, "a record without components");
    }

    /** Some column differs from the value's component: {@code NOT (a = ? AND b = ?)}. */
    public Predicate ne(@Nullable T value) {
        return io.retort.sql.Sql.not(eq(value));
    }

    /** Every column NULL: the composite is null. */
    public Predicate isNull() {
        return eq(null);
    }

    private static @Nullable Object component(RecordComponent component, Object value) {
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new io.retort.exception.InvalidArgumentException("Cannot read component " + component.getName()
                    + " of " + value.getClass().getName() + ": " + e);
        }
    }

    /** The columns, for use as expressions ({@code select(Order_.price.expressions())}). */
    public List<Expression<?>> expressions() {
        return List.copyOf(columns());
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CompositeAttribute<?, ?> that && that.entity.equals(entity)
                && that.attribute.equals(attribute);
    }

    @Override
    public int hashCode() {
        return entity.hashCode() * 31 + attribute.hashCode();
    }

    /** {@code Order.price}. */
    @Override
    public String toString() {
        return entity.getSimpleName() + "." + attribute;
    }
}
