/**
 * SQL types: what a column holds and which Java type represents it. Use the constants and factories of
 * {@link io.retort.types.Types} ({@code INTEGER}, {@code string(30)}, {@code numeric(10, 2)}, ...).
 *
 * <p>Types are immutable values with structural equality. Each dialect renders them in DDL with its own names
 * (a {@code DATETIME} is {@code TIMESTAMP} on PostgreSQL and {@code DATETIME(6)} on MariaDB) and converts values on
 * the way in and out. This package imports nothing else from Retort.
 */
@NullMarked
package io.retort.types;

import org.jspecify.annotations.NullMarked;
