/**
 * The metamodel annotation processor: for each {@code @io.retort.orm.Mapped} class {@code User} it generates
 * {@code User_}, a class of {@code io.retort.orm.ColumnAttribute} constants, one per mapped field, following the
 * mapping rules of the runtime mapper in {@code retort-impl}.
 *
 * <p>Only {@link io.retort.processor.MetamodelProcessor} is API (as a service); the other classes are its parts.
 */
@NullMarked
package io.retort.processor;

import org.jspecify.annotations.NullMarked;
