package io.retort.processor;

/**
 * A mapped field of a {@code @Mapped} class.
 *
 * @param name the field's name, which is also the attribute's name
 * @param javaType the source text of the field's boxed type (for a relationship, of the related class), usable as a
 *        type argument and in a class literal
 * @param relationship whether the field is a {@code @Relationship} (a {@code RelationshipAttribute}) rather than a
 *        column
 * @param composite whether the field is a {@code @Composite} record (a {@code CompositeAttribute})
 */
record MappedField(String name, String javaType, boolean relationship, boolean composite) {
}
