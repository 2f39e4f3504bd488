package io.retort.impl.engine;

import io.retort.exception.DataException;
import io.retort.exception.DatabaseException;
import io.retort.exception.IntegrityException;
import io.retort.exception.InternalDatabaseException;
import io.retort.exception.NotSupportedException;
import io.retort.exception.OperationalException;
import io.retort.exception.ProgrammingException;
import io.retort.exception.TransactionRollbackException;
import io.retort.impl.dialect.Dialect;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns a driver's {@link SQLException} into Retort's exception for its SQLSTATE class. */
final class ExceptionTranslator {
    private ExceptionTranslator() {
    }

    static DatabaseException translate(Dialect dialect, SQLException exception, String sql,
            List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        SQLException cause = exception;
        // A failed batch wraps the real error; classify that one.
        if (exception instanceof BatchUpdateException && exception.getNextException() != null
                && exception.getSQLState() == null) {
            cause = exception.getNextException();
        }
        switch (dialect.classify(cause)) {
            case INTEGRITY:
                return new IntegrityException(sql, parameterSets, cause);
            case DATA:
                return new DataException(sql, parameterSets, cause);
            case OPERATIONAL:
                return new OperationalException(sql, parameterSets, cause);
            case TRANSACTION_ROLLBACK:
                return new TransactionRollbackException(sql, parameterSets, cause);
            case PROGRAMMING:
                return new ProgrammingException(sql, parameterSets, cause);
            case NOT_SUPPORTED:
                return new NotSupportedException(sql, parameterSets, cause);
            case INTERNAL:
                return new InternalDatabaseException(sql, parameterSets, cause);
            default:
                return new DatabaseException(sql, parameterSets, cause);
        }
    }
}
