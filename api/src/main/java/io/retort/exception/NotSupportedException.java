package io.retort.exception;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The database does not support a feature the statement uses (SQLSTATE class 0A).
 */
public class NotSupportedException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the SQL that failed, its parameters, and the driver's exception. */
    public NotSupportedException(String sql, List<? extends Map<String, ? extends @Nullable Object>> parameterSets, SQLException cause) {
        super(sql, parameterSets, cause);
    }
}
