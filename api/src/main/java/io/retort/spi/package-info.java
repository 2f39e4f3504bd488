/**
 * The service provider interface through which Core's API finds its implementation ({@link CoreProvider}), and the
 * transaction coordinator that lets connections join transactions they do not own ({@link TransactionCoordinator}).
 * Applications do not implement it; {@code retort-impl} provides the implementation and {@code retort-jta} a JTA
 * coordinator. The ORM's implementation is found through {@code io.retort.orm.spi}.
 */
@NullMarked
package io.retort.spi;

import org.jspecify.annotations.NullMarked;
