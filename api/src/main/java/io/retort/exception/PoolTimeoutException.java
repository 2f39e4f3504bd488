package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * Every connection of the engine's pool was checked out and none was returned within the pool timeout. The message
 * gives the pool size, the overflow and the timeout.
 */
public class PoolTimeoutException extends RetortException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the problem and its fix. */
    public PoolTimeoutException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public PoolTimeoutException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
