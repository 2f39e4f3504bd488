/**
 * The JTA transaction coordinator. Set it on an engine, and the engine's sessions and connections run inside the
 * JTA transaction of the calling thread when there is one:
 *
 * <pre>{@code
 * Engine engine = Engine.create(url, EngineOptions.builder()
 *         .transactionCoordinator(JtaTransactionCoordinator.narayana())     // or .of(tm, tsr), .xa(...)
 *         .build());
 * }</pre>
 */
@NullMarked
package io.retort.jta;

import org.jspecify.annotations.NullMarked;
