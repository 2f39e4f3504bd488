package io.retort.exception;

/**
 * A mapped class cannot be mapped: it has no primary key, a field whose type has no column type, two fields for one
 * column, no no-argument constructor. The message names the class and the field, and says how to fix it.
 */
public class MappingException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the class, the field and the fix. */
    public MappingException(String message) {
        super(message);
    }
}
