/**
 * Dialects: what differs between databases, one small class per database overriding only that, with capability
 * flags read from the server at first connect. A dialect's jobs are split as SQLAlchemy splits them: the
 * {@link io.retort.impl.dialect.Dialect} itself (flags and clauses), {@link io.retort.impl.dialect.IdentifierPreparer}
 * (quoting), {@link io.retort.impl.dialect.JdbcTypes} (bind and read per type, with a
 * {@link io.retort.impl.dialect.ColumnReader} chosen once per result column),
 * {@link io.retort.impl.dialect.TypeCompiler} (type names and DDL) and
 * {@link io.retort.impl.dialect.ReflectionQueries} (the catalog). {@link io.retort.impl.dialect.Drivers} maps URL schemes and the
 * Python driver names of SQLAlchemy URLs to JDBC drivers.
 */
@NullMarked
package io.retort.impl.dialect;

import org.jspecify.annotations.NullMarked;
