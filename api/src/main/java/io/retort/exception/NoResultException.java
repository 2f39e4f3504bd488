package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * {@code one()} or {@code scalarOne()} found no row where exactly one was required.
 */
public class NoResultException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the problem and its fix. */
    public NoResultException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public NoResultException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
