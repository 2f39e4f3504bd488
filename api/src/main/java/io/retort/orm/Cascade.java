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
    /** {@link #SAVE_UPDATE}, {@link #MERGE} and {@link #DELETE}, as SQLAlchemy's {@code "all"}. */
    ALL
}
