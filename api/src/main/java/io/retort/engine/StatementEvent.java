package io.retort.engine;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One call into the JDBC driver: a statement executed once, or an executemany batch sent with one
 * {@code executeBatch()}. Given to {@link ExecutionListener}s; {@code parameterSets} has one map per row of a
 * batch.
 *
 * @param sql the SQL as sent to the driver, with {@code ?} placeholders
 * @param parameterSets the parameters by name: one map for a single execution, one per row for a batch
 * @param batch whether the statement ran as a JDBC batch
 */
public record StatementEvent(String sql, List<Map<String, @Nullable Object>> parameterSets, boolean batch) {
}
