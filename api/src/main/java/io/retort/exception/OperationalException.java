package io.retort.exception;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The database could not carry out the work for reasons outside the statement's text: the connection was lost,
 * the server is shutting down or out of resources, a lock or statement timed out (SQLSTATE classes 08, 53, 55, 57,
 * 58, HY and the timeouts).
 */
public class OperationalException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the SQL that failed, its parameters, and the driver's exception. */
    public OperationalException(String sql, List<? extends Map<String, ? extends @Nullable Object>> parameterSets, SQLException cause) {
        super(sql, parameterSets, cause);
    }
}
