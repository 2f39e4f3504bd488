/**
 * Retort's implementation, found by {@link java.util.ServiceLoader} through
 * {@link io.retort.impl.DefaultCoreProvider} and {@link io.retort.impl.orm.service.DefaultOrmProvider}. Nothing under {@code io.retort.impl} is API.
 */
@NullMarked
package io.retort.impl;

import org.jspecify.annotations.NullMarked;
