/**
 * The service provider interface through which the ORM's API finds its implementation. Applications do not use it;
 * {@code retort-impl} provides it.
 */
@NullMarked
package io.retort.orm.spi;

import org.jspecify.annotations.NullMarked;
