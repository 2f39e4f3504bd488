package io.retort.impl.orm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Puts a row's values into an object's fields, in attribute order; the components of a {@code @Composite} become one
 * record, built when its last column is read. Stateless.
 */
final class Populate {
    private Populate() {
    }

    /** Sets every attribute of an instance from values in attribute order. */
    static void populate(EntityMapper<?> mapper, Object instance, @Nullable Object[] values) {
        populate(mapper, instance, values, Deferral.NONE);
    }

    /** Sets the attributes of an instance from values in attribute order, except the deferred ones (not selected). */
    static void populate(EntityMapper<?> mapper, Object instance, @Nullable Object[] values, Deferral deferral) {
        List<Attribute> attributes = mapper.attributes();
        for (int i = 0; i < values.length; i++) {
            Attribute attribute = attributes.get(i);
            if (deferral.deferred.get(i)) {
                continue;
            }
            if (attribute.part() == null) {
                attribute.set(instance, values[i]);
            } else if (attribute.part().last()) { // the record, from its columns' values
                int from = i - attribute.part().component();
                ((io.retort.orm.enhance.Enhanced) instance).$$retort_set(attribute.enhancedIndex(),
                        attribute.part().build(values, from, attribute.field()));
            }
        }
    }

    /** Sets the attributes of an instance from values in attribute order, except those whose field was written. */
    static void populateExcept(EntityMapper<?> mapper, Object instance, @Nullable Object[] values,
            boolean[] writtenFields) {
        populateExcept(mapper, instance, values, writtenFields, Deferral.NONE);
    }

    /** {@link #populateExcept(EntityMapper, Object, Object[], boolean[])}, deferred attributes left out too. */
    static void populateExcept(EntityMapper<?> mapper, Object instance, @Nullable Object[] values,
            boolean[] writtenFields, Deferral deferral) {
        List<Attribute> attributes = mapper.attributes();
        for (int i = 0; i < values.length; i++) {
            Attribute attribute = attributes.get(i);
            if (writtenFields[attribute.enhancedIndex()] || deferral.deferred.get(i)) {
                continue;
            }
            if (attribute.part() == null) {
                attribute.set(instance, values[i]);
            } else if (attribute.part().last()) {
                int from = i - attribute.part().component();
                ((io.retort.orm.enhance.Enhanced) instance).$$retort_set(attribute.enhancedIndex(),
                        attribute.part().build(values, from, attribute.field()));
            }
        }
    }
}
