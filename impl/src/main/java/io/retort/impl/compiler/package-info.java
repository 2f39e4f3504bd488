/**
 * Turns statements into SQL text and parameter slots for one dialect. Knows nothing of engines, connections or the
 * ORM; its output, {@link io.retort.impl.compiler.CompiledStatement}, never depends on bound values, so it is cached.
 */
@NullMarked
package io.retort.impl.compiler;

import org.jspecify.annotations.NullMarked;
