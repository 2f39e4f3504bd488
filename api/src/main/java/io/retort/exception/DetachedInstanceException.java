package io.retort.exception;

/**
 * An attribute of a detached object was read that is expired or was never loaded, so it has no value to show and no
 * Session to load it through, as SQLAlchemy's {@code DetachedInstanceError}. The message names the class, the
 * attribute and the fix: load the attribute while the object is in a Session (a loader option of the query that
 * loaded it), or keep values after commit with {@code expireOnCommit=false}.
 */
public class DetachedInstanceException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the class, the attribute and the fix. */
    public DetachedInstanceException(String message) {
        super(message);
    }
}
