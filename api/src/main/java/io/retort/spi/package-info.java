/**
 * The service provider interface through which the API finds its implementation. Applications do not use it;
 * {@code retort-impl} provides it.
 */
@NullMarked
package io.retort.spi;

import org.jspecify.annotations.NullMarked;
