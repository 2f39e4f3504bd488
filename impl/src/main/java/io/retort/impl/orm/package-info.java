/**
 * The ORM runtime: mappers built from annotations ({@link io.retort.impl.orm.EntityMapper},
 * {@link io.retort.impl.orm.DeclarativeScan}), the session ({@link io.retort.impl.orm.DefaultSession}) with the objects
 * it holds ({@link io.retort.impl.orm.SessionObjects}: identity map and instance states) and its transaction
 * ({@link io.retort.impl.orm.SessionTransaction}), and the loading of rows into objects
 * ({@link io.retort.impl.orm.Loader}, {@link io.retort.impl.orm.LazyLoading}). The unit of work that turns state
 * changes into batched DML in dependency order is package {@code io.retort.impl.orm.flush}. It uses Core only through
 * the public API ({@code io.retort.engine}, {@code io.retort.sql}), and decides nothing by dialect name.
 */
@NullMarked
package io.retort.impl.orm;

import org.jspecify.annotations.NullMarked;
