/**
 * The SQL Expression Language: statements as immutable Java objects that the implementation compiles for each
 * database. Start from the static factories of {@link io.retort.sql.Sql}.
 *
 * <p>Every object in this package is immutable and safe to share between threads; methods that look like they
 * change a statement return a new one. Equality is structural with bound values excluded, so a statement is its own
 * key in the compiled-statement cache.
 */
@NullMarked
package io.retort.sql;

import org.jspecify.annotations.NullMarked;
