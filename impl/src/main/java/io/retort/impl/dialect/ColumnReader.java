package io.retort.impl.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one column of the current row of a result set as one SQL type's Java value. A reader is chosen once per
 * result column ({@link JdbcTypes#reader}), so that reading a value costs one call into the driver and no dispatch on
 * the type. Readers hold no state of a result set and are thread-safe.
 */
@FunctionalInterface
public interface ColumnReader {
    /** The value of column {@code index} (1-based) of the current row, or null for SQL NULL. */
    @Nullable Object read(ResultSet rows, int index) throws SQLException;
}
