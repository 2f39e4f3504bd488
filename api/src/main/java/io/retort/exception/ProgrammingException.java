package io.retort.exception;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The statement is wrong for this database: a syntax error, an unknown table or column, insufficient privilege
 * (SQLSTATE classes 42, 3D, 3F, 28).
 */
public class ProgrammingException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the SQL that failed, its parameters, and the driver's exception. */
    public ProgrammingException(String sql, List<? extends Map<String, ? extends @Nullable Object>> parameterSets, SQLException cause) {
        super(sql, parameterSets, cause);
    }
}
