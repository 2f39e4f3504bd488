package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Retort throws. All of them are unchecked.
 */
public class RetortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that says what failed, on what, and how to fix it. */
    public RetortException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the exception that caused it. */
    public RetortException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
