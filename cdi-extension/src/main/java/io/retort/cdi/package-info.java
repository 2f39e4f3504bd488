/**
 * Retort in CDI: {@code @Inject Session session;} is the Session of the current request, on the engine configured by
 * the {@code retort.*} keys of MicroProfile Config; {@code @Inject @Database("reporting") Session} is one of a named
 * database. {@link io.retort.cdi.RetortExtension} (portable) and {@link io.retort.cdi.RetortBuildCompatibleExtension}
 * (CDI Lite) produce the same beans from the same configuration; where both can run, the portable one does.
 */
@NullMarked
package io.retort.cdi;

import org.jspecify.annotations.NullMarked;
