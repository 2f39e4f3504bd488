package io.retort.impl.orm;

import io.retort.orm.enhance.Enhanced;
import io.retort.schema.Column;
import java.lang.reflect.Field;
import org.jspecify.annotations.Nullable;

/**
 * One mapped field: its column, and its index in the enhanced class, through which the ORM reads and writes it
 * without events. Immutable.
 *
 * @param name the field's name
 * @param index the field's position among the mapper's attributes (and the column's position in the table)
 * @param field the field
 * @param type the field's type, primitives boxed
 * @param primitive whether the field is primitive (it cannot hold null)
 * @param column the mapped column
 * @param enhancedIndex the field's index among the enhanced class's fields ({@code Enhancement.fields()})
 * @param serverDefault whether the column has a server-side default (omitted from an INSERT when the field is null)
 * @param part for one component of a {@code @Composite} record field, how to read and set it; else null
 */
public record Attribute(String name, int index, Field field, Class<?> type, boolean primitive, Column<?> column,
        int enhancedIndex, boolean serverDefault, Composites.@Nullable Part part) {

    /** A plain column attribute. */
    Attribute(String name, int index, Field field, Class<?> type, boolean primitive, Column<?> column,
            int enhancedIndex, boolean serverDefault) {
        this(name, index, field, type, primitive, column, enhancedIndex, serverDefault, null);
    }

    /** The field's value in {@code instance} (for a composite's component, that component of the record). */
    public @Nullable Object get(Object instance) {
        Object value = ((Enhanced) instance).$$retort_get(enhancedIndex);
        return part == null ? value : part.read(value);
    }

    /** Sets the field; a null for a primitive field is refused with a message naming the field. */
    public void set(Object instance, @Nullable Object value) {
        if (part != null) {
            part.write(instance, enhancedIndex, value, field);
            return;
        }
        if (value == null && primitive) {
            throw new io.retort.exception.InvalidRequestException("Column " + column.name() + " is NULL, but "
                    + this + " is a primitive " + field.getType().getName() + "; make the field a "
                    + type.getSimpleName() + " annotated @Nullable, or keep the column NOT NULL");
        }
        ((Enhanced) instance).$$retort_set(enhancedIndex, value);
    }

    /** The values of {@code attributes} in {@code instance} (a key, a foreign key), or null while one is null. */
    public static Object @Nullable [] values(Attribute[] attributes, Object instance) {
        Object[] values = new Object[attributes.length];
        for (int i = 0; i < values.length; i++) {
            Object value = attributes[i].get(instance);
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return values;
    }

    /** The key values of an object whose row is written (or is being deleted): it has them all. */
    public static Object[] writtenValues(Attribute[] attributes, Object instance, EntityMapper<?> mapper) {
        Object[] values = values(attributes, instance);
        if (values == null) {
            throw new IllegalStateException(mapper.describe(instance) + " has a written row but a key attribute"
                    + " that is null");
        }
        return values;
    }

    /** {@code User.name}. */
    @Override
    public String toString() {
        return field.getDeclaringClass().getSimpleName() + "." + name;
    }
}
