/**
 * Retort's exceptions: one unchecked hierarchy under {@link io.retort.exception.RetortException}, split by who is at
 * fault.
 *
 * <ul>
 *   <li>{@link io.retort.exception.InvalidArgumentException}: the caller passed a bad argument.</li>
 *   <li>{@link io.retort.exception.CompileException}: a statement cannot be compiled for the database.</li>
 *   <li>{@link io.retort.exception.InvalidRequestException}: an API was misused at run time (a closed connection,
 *       {@code one()} on an empty result, ...); {@link io.retort.exception.PendingRollbackException} (a session whose
 *       flush failed must be rolled back) and {@link io.retort.exception.StaleDataException} (an optimistic-lock
 *       conflict) are among them.</li>
 *   <li>{@link io.retort.exception.ConfigurationException}: a URL or an option is wrong;
 *       {@link io.retort.exception.MappingException}: a mapped class is.</li>
 *   <li>{@link io.retort.exception.PoolTimeoutException}: no pooled connection became free in time.</li>
 *   <li>{@link io.retort.exception.DatabaseException} and its subclasses: the database refused a statement; the
 *       subclass follows the SQLSTATE class, and the exception carries the SQL and its parameters.</li>
 * </ul>
 *
 * <p>This package imports nothing else from Retort.
 */
@NullMarked
package io.retort.exception;

import org.jspecify.annotations.NullMarked;
