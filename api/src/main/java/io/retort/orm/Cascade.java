package io.retort.orm;

/** The cascades of a {@link Relationship}, as SQLAlchemy's {@code cascade="..."}. */
public enum Cascade {
    /** Adding an object to a session adds the related objects too (also at flush for objects related since). */
    SAVE_UPDATE,
    /** {@code merge()} of an object merges the related objects too. */
    MERGE,
    /** Deleting an object deletes the related objects too (they are loaded first if needed). */
    DELETE,
    /**
     * A related object removed from the collection (or left out when the collection is replaced), or whose reference
     * is cleared, is deleted at the next flush: it cannot exist without its parent.
     */
    DELETE_ORPHAN,
    /**
     * {@code expunge()} of an object takes the related objects loaded with it out of the session too (SQLAlchemy's
     * {@code "expunge"}).
     */
    EXPUNGE,
    /**
     * {@code expire()} and {@code refresh()} of an object expire the related objects loaded with it too, which then
     * load again on their next read (SQLAlchemy's {@code "refresh-expire"}). A related object not flushed yet stays
     * pending, unless the relationship is {@link #DELETE_ORPHAN}: it would be an orphan once the collection loads
     * again, so it leaves the session.
     */
    REFRESH_EXPIRE,
    /**
     * {@link #SAVE_UPDATE}, {@link #MERGE}, {@link #REFRESH_EXPIRE}, {@link #EXPUNGE} and {@link #DELETE}, as
     * SQLAlchemy's {@code "all"}.
     */
    ALL
}
