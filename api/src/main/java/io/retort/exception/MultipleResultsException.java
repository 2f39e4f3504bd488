package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * {@code one()}, {@code oneOrNull()} or {@code scalarOne()} found more than one row where at most one was
 * allowed.
 */
public class MultipleResultsException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the problem and its fix. */
    public MultipleResultsException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public MultipleResultsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
