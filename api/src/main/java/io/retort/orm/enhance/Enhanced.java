package io.retort.orm.enhance;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by every mapped class that {@code retort-enhancer} enhanced: the object carries its own ORM state and
 * gives raw access to its mapped fields. Field indexes are the positions of the class's mapped fields in
 * {@link Enhancement#fields()}. The methods are named so that they cannot clash with an application's own.
 */
public interface Enhanced {
    /** The object's ORM state, or null while no Session has held it and no relationship event created one. */
    @Nullable AttributeHooks $$retort_hooks();

    /** Replaces the object's ORM state. */
    void $$retort_hooks(@Nullable AttributeHooks hooks);

    /** The value of mapped field {@code index}, read without any ORM event (primitives boxed). */
    @Nullable Object $$retort_get(int index);

    /**
     * Sets mapped field {@code index} without any ORM event; a primitive field is unboxed from {@code value}.
     *
     * @throws NullPointerException if the field is primitive and {@code value} is null
     */
    void $$retort_set(int index, @Nullable Object value);
}
