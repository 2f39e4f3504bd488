/**
 * Dialects: what differs between databases, one small class per database overriding only that, with capability
 * flags read from the server at first connect. {@link io.retort.impl.dialect.Drivers} maps URL schemes and the
 * Python driver names of SQLAlchemy URLs to JDBC drivers.
 */
@NullMarked
package io.retort.impl.dialect;

import org.jspecify.annotations.NullMarked;
