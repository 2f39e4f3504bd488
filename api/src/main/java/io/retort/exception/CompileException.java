package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * A statement cannot be compiled into SQL for the target database, for example a construct the database does not
 * support. The message names the construct and the database.
 */
public class CompileException extends RetortException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the problem and its fix. */
    public CompileException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public CompileException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
