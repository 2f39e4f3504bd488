/**
 * The contract between mapped classes enhanced at build time by {@code retort-enhancer} and the ORM runtime. The
 * enhancer makes every {@link io.retort.orm.Mapped} class implement {@link io.retort.orm.enhance.Enhanced} and routes
 * each read and write of a mapped field (in the class itself and in every class compiled with it) through the
 * object's own {@link io.retort.orm.enhance.AttributeHooks}, as SQLAlchemy's instrumented attributes do.
 *
 * <p>Applications never call these types; they are public only because enhanced classes, which live in application
 * packages, must reach them.
 */
@org.jspecify.annotations.NullMarked
package io.retort.orm.enhance;
