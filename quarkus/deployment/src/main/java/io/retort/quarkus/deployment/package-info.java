/**
 * The build steps of the Quarkus extension {@code quarkus-retort}: enhancement of mapped classes as a bytecode
 * transformer (dev mode included), the {@code @Database} qualifier in ArC's index, and an embedded database in dev
 * mode. Run by Quarkus during its build, never at run time.
 */
@NullMarked
package io.retort.quarkus.deployment;

import org.jspecify.annotations.NullMarked;
