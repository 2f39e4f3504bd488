/**
 * The Quarkus extension {@code quarkus-retort}. Add {@code io.retort:retort-quarkus} to a Quarkus application instead
 * of the {@code byte-buddy-maven-plugin} block: its build steps (in {@code retort-quarkus-deployment}, which Quarkus
 * resolves by itself) enhance the {@code @Mapped} classes and the code that touches their fields in every Quarkus
 * build, dev mode's recompilations included, make the {@code @Database} qualifier known to ArC, and in dev mode start
 * an embedded in-memory database (H2, else SQLite, whichever driver is on the class path) when {@code retort.url} and
 * {@code retort.datasource} are not set. Everything else comes from {@code retort-cdi}, the same beans and
 * configuration as on any CDI container. This package holds no classes: the extension works at build time.
 */
package io.retort.quarkus;
