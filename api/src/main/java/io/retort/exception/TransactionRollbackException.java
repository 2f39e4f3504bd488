package io.retort.exception;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The database rolled the transaction back to resolve a serialization failure or a deadlock (SQLSTATE class 40).
 * Retrying the whole transaction is the usual remedy.
 */
public class TransactionRollbackException extends OperationalException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the SQL that failed, its parameters, and the driver's exception. */
    public TransactionRollbackException(String sql, List<? extends Map<String, ? extends @Nullable Object>> parameterSets, SQLException cause) {
        super(sql, parameterSets, cause);
    }
}
