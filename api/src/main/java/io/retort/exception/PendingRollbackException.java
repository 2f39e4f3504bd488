package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * A session's flush failed and its transaction was rolled back, but the session was not told yet: call
 * {@code session.rollback()} before using it again, as SQLAlchemy's {@code PendingRollbackError}. The cause is the
 * original failure.
 */
public class PendingRollbackException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message and the failure that caused the rollback. */
    public PendingRollbackException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
