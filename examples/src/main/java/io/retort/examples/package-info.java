/** Runnable examples: {@link io.retort.examples.Quickstart} walks through Retort Core on SQLite. */
package io.retort.examples;
