package io.retort.processor;

/**
 * A mapped field of a {@code @Mapped} class.
 *
 * @param name the field's name, which is also the attribute's name
 * @param javaType the source text of the field's boxed type, usable as a type argument and in a class literal
 */
record MappedField(String name, String javaType) {
}
