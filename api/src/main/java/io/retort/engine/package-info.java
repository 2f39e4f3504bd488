/**
 * Engines, connections and results: Retort Core's run-time surface.
 *
 * <p>An {@link io.retort.engine.Engine} is made once per database from a URL and shared by the whole application;
 * it is thread-safe. A {@link io.retort.engine.Connection} is taken from it for a unit of work and used by one thread
 * at a time. A {@link io.retort.engine.Result} is read on the thread that executed its statement.
 */
@NullMarked
package io.retort.engine;

import org.jspecify.annotations.NullMarked;
