package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * A closed {@code Engine}, {@code Connection} or {@code Result} was used, or rows were requested from a result that
 * does not return rows (an INSERT, UPDATE, DELETE or DDL statement).
 */
public class ResourceClosedException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the problem and its fix. */
    public ResourceClosedException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public ResourceClosedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
