package io.retort.exception;

import org.jspecify.annotations.Nullable;

/**
 * A configuration problem: an unknown database URL scheme or driver, a missing JDBC driver on the class path, an
 * option out of range. The message names the setting and the accepted values.
 */
public class ConfigurationException extends RetortException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the problem and its fix. */
    public ConfigurationException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public ConfigurationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
