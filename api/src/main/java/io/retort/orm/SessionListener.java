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

    /** After the session's transaction committed. */
    default void afterCommit(Session session) {
    }

    /** After the session's transaction rolled back. */
    default void afterRollback(Session session) {
    }
}
