/**
 * The unit of work: one flush of a session, split by job as SQLAlchemy's {@code unitofwork.py} and
 * {@code persistence.py} are. {@link io.retort.impl.orm.flush.FlushPlan} sorts the session's objects into inserts,
 * updates and deletes and notes which children each parent's collections gained and lost;
 * {@link io.retort.impl.orm.flush.FlushOrder} orders tables by their foreign keys and rows of a self-referencing table
 * by their references; {@link io.retort.impl.orm.flush.ForeignKeySync} fills foreign-key fields from relationships;
 * {@link io.retort.impl.orm.flush.Persister} writes the rows, one batch per mapper and column shape, with statements
 * cached per mapper and shape; {@link io.retort.impl.orm.flush.PostUpdates} and
 * {@link io.retort.impl.orm.flush.AssociationWriter} write post-update foreign keys and many-to-many rows; and
 * {@link io.retort.impl.orm.flush.UndoJournal} puts back what a failed flush wrote into objects.
 * {@link io.retort.impl.orm.flush.UnitOfWork} runs them in order. Not thread-safe: a flush runs on its session's
 * thread.
 */
@NullMarked
package io.retort.impl.orm.flush;

import org.jspecify.annotations.NullMarked;
