package io.retort.impl.orm;

import io.retort.schema.Column;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import org.jspecify.annotations.Nullable;

/**
 * One mapped field: its column and fast accessors. Immutable.
 *
 * @param name the field's name
 * @param index the field's position among the mapper's attributes (and the column's position in the table)
 * @param field the field
 * @param type the field's type, primitives boxed
 * @param primitive whether the field is primitive (it cannot hold null)
 * @param column the mapped column
 * @param getter {@code (Object) -> Object}
 * @param setter {@code (Object, Object) -> void}
 * @param serverDefault whether the column has a server-side default (omitted from an INSERT when the field is null)
 */
record Attribute(String name, int index, Field field, Class<?> type, boolean primitive, Column<?> column,
        MethodHandle getter, MethodHandle setter, boolean serverDefault) {

    /** The field's value in {@code instance}. */
    @Nullable Object get(Object instance) {
        try {
            return (Object) getter.invokeExact(instance);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Could not read " + this, e);
        }
    }

    /** Sets the field; a null for a primitive field is refused with a message naming the field. */
    void set(Object instance, @Nullable Object value) {
        if (value == null && primitive) {
            throw new io.retort.exception.InvalidRequestException("Column " + column.name() + " is NULL, but "
                    + this + " is a primitive " + field.getType().getName() + "; make the field a "
                    + type.getSimpleName() + " annotated @Nullable, or keep the column NOT NULL");
        }
        try {
            setter.invokeExact(instance, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Could not set " + this, e);
        }
    }

    /** {@code User.name}. */
    @Override
    public String toString() {
        return field.getDeclaringClass().getSimpleName() + "." + name;
    }
}
