/**
 * OpenTelemetry metrics and traces of an engine: the only package of Retort that names OpenTelemetry types. It is
 * loaded by name, and only when an engine switches metrics or tracing on, so that {@code opentelemetry-api} stays an
 * optional dependency. Not API.
 */
@NullMarked
package io.retort.impl.telemetry;

import org.jspecify.annotations.NullMarked;
