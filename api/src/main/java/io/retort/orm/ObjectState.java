package io.retort.orm;

/**
 * The states of a mapped object, as in SQLAlchemy:
 *
 * <pre>{@code
 * User squidward = new User("squidward", "Squidward Tentacles");  // TRANSIENT: squidward.id is null
 * session.add(squidward);                                          // PENDING
 * session.commit();                                                // PERSISTENT: squidward.id is 1
 * session.close();                                                 // DETACHED
 * }</pre>
 */
public enum ObjectState {
    /** Not in a session and never saved: a new object. */
    TRANSIENT,
    /** Added to a session, not yet flushed: the next flush INSERTs it. */
    PENDING,
    /** In a session, with a row in the database (flushed or loaded). */
    PERSISTENT,
    /** Deleted by a flush in a transaction not yet committed; after the commit it is detached. */
    DELETED,
    /** Had a row in a session that is closed, or was expunged from it. */
    DETACHED
}
