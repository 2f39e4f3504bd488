package io.retort.exception;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A value cannot be stored or computed: too long for its column, out of range, a division by zero, an invalid
 * date (SQLSTATE class 22).
 */
public class DataException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the SQL that failed, its parameters, and the driver's exception. */
    public DataException(String sql, List<? extends Map<String, ? extends @Nullable Object>> parameterSets, SQLException cause) {
        super(sql, parameterSets, cause);
    }
}
