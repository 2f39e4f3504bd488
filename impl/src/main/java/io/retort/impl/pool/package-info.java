/**
 * The connection pool: the only package that imports Agroal.
 */
@NullMarked
package io.retort.impl.pool;

import org.jspecify.annotations.NullMarked;
