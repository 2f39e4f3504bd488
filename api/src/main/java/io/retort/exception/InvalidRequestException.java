package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * An API was used in a way that is not valid in the current state: a method called on a closed connection, a
 * transaction operation out of order, a row requested from a result that has none.
 */
public class InvalidRequestException extends RetortException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the problem and its fix. */
    public InvalidRequestException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public InvalidRequestException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
