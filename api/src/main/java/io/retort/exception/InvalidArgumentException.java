package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * The caller passed an argument Retort cannot accept: a null where a value is required, a malformed URL, a
 * parameter map without a value the statement needs. The message names the argument and what would be accepted.
 */
public class InvalidArgumentException extends RetortException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the problem and its fix. */
    public InvalidArgumentException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public InvalidArgumentException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
