package io.retort.exception;

/**
 * An UPDATE or DELETE of a flush matched fewer rows than it should: the row was changed (its version column moved
 * on) or deleted by another transaction since it was loaded, as SQLAlchemy's {@code StaleDataError}. The flush's
 * transaction is rolled back; reload the object and apply the change again.
 */
public class StaleDataException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the object and the statement. */
    public StaleDataException(String message) {
        super(message);
    }
}
