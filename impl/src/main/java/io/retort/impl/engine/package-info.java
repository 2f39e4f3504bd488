/**
 * The engine runtime: engines, connections, results and rows, the compiled-statement cache, SQL echo and the
 * translation of driver exceptions. Pooling is behind {@link io.retort.impl.engine.ConnectionSource}.
 */
@NullMarked
package io.retort.impl.engine;

import org.jspecify.annotations.NullMarked;
