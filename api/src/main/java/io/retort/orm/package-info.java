/**
 * The ORM, built on Core: mapped classes ({@link io.retort.orm.Mapped}), the {@link io.retort.orm.Session} as unit
 * of work with its identity map, object states ({@link io.retort.orm.ObjectState}, {@link io.retort.orm.Orm#inspect}),
 * ORM-enabled selects ({@link io.retort.orm.Orm#select(Class)}) and the typed metamodel attributes
 * ({@link io.retort.orm.ColumnAttribute}) that {@code retort-processor} generates.
 *
 * <p>This package builds on {@code io.retort.engine}, {@code io.retort.sql} and {@code io.retort.schema}; Core never
 * imports it.
 */
@NullMarked
package io.retort.orm;

import org.jspecify.annotations.NullMarked;
