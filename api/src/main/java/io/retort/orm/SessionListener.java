package io.retort.orm;

/**
 * Listens to the events of a {@link Session}, as SQLAlchemy's session events: register it with
 * {@link SessionFactory.Builder#listener(SessionListener)}. An exception thrown by {@link #beforeFlush} aborts the
 * flush before anything is written.
 */
public interface SessionListener {
    /** At the start of a flush, before its changes are collected: objects added or changed here are flushed too. */
    default void beforeFlush(Session session) {
    }

    /**
     * SQLAlchemy's {@code do_orm_execute}: before the session runs a statement the application gave to
     * {@code execute} or {@code scalars} (an {@link OrmSelect}, {@link EntitySelect}, {@link OrmUpdate},
     * {@link OrmDelete}, {@link OrmInsert}, or a Core statement), before its autoflush. ORM UPDATE, DELETE and bulk
     * INSERT run no per-object events (before/after insert, update, delete), as in SQLAlchemy: this is where to hear
     * them. Unlike SQLAlchemy, it cannot replace the statement, and the loads the ORM runs itself (lazy and
     * selectin relationship loads, {@code get}, refresh) do not call it. An exception thrown here is the
     * execution's, and nothing runs.
     */
    default void beforeExecute(Session session, Object statement) {
    }

    /** After the session's transaction committed. */
    default void afterCommit(Session session) {
    }

    /** After the session's transaction rolled back. */
    default void afterRollback(Session session) {
    }
}
