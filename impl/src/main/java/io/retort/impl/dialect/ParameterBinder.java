package io.retort.impl.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Binds values of one SQL type (or of no declared type) to a statement parameter. A binder is chosen once per
 * parameter of a statement run many times ({@link JdbcTypes#binder}), so that binding a value of an executemany row
 * costs no dispatch on the type. Thread-safe.
 */
@FunctionalInterface
public interface ParameterBinder {
    /** Binds {@code value} (null for SQL NULL) to parameter {@code index} (1-based). */
    void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException;
}
