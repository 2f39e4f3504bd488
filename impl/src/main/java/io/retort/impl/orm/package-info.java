/**
 * The ORM runtime: mappers built from annotations ({@link io.retort.impl.orm.EntityMapper}), the session with its
 * identity map and instance states ({@link io.retort.impl.orm.DefaultSession}), the unit of work that turns state
 * changes into batched DML in dependency order ({@link io.retort.impl.orm.UnitOfWork}), and the loading of rows into
 * objects. It uses Core only through the public API ({@code io.retort.engine}, {@code io.retort.sql}), and decides
 * nothing by dialect name.
 */
@NullMarked
package io.retort.impl.orm;

import org.jspecify.annotations.NullMarked;
