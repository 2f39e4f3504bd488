/**
 * Schema objects: {@link io.retort.schema.MetaData}, {@link io.retort.schema.Table},
 * {@link io.retort.schema.Column}, foreign keys, constraints and indexes, as in SQLAlchemy's schema layer.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = metadata.table("user_account",
 *         column("id", INTEGER).primaryKey(),
 *         column("name", string(30)),
 *         column("fullname", STRING));
 * Table addresses = metadata.table("address",
 *         column("id", INTEGER).primaryKey(),
 *         column("user_id").references("user_account.id").notNull(),
 *         column("email_address", STRING).notNull());
 * metadata.createAll(engine);
 * }</pre>
 *
 * <p>Columns, constraints and tables are immutable; a {@code MetaData} is a thread-safe registry of tables that
 * resolves foreign keys by name once the tables they point to are added. This package builds on
 * {@code io.retort.types} and {@code io.retort.sql}; running DDL is the engine's job
 * ({@link io.retort.schema.SchemaExecutor}).
 */
@NullMarked
package io.retort.schema;

import org.jspecify.annotations.NullMarked;
