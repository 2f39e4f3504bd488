package io.retort.impl.compiler;

import io.retort.exception.InvalidArgumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A statement compiled for one dialect: JDBC SQL with {@code ?} placeholders and, for each placeholder in order, the
 * name of the parameter that fills it. Immutable and shared through the engine's cache.
 *
 * @param sql the SQL with {@code ?} placeholders
 * @param parameterNames the parameter name of each placeholder, in order; a name may repeat
 * @param source the statement as the user wrote it, for error messages
 */
public record CompiledStatement(String sql, List<String> parameterNames, String source) {

    /** Creates the compiled form; the name list is copied. */
    public CompiledStatement {
        parameterNames = List.copyOf(parameterNames);
    }

    /**
     * The values for the placeholders, in order.
     *
     * @param parameters the values given at execution
     * @param defaults values bound to the statement itself, used when {@code parameters} lacks a name
     * @param setNumber the position of this set in an executemany batch (from 1), or 0 for a single execution
     * @throws InvalidArgumentException naming the first parameter with no value
     */
    public List<@Nullable Object> values(Map<String, ? extends @Nullable Object> parameters,
            Map<String, ? extends @Nullable Object> defaults, int setNumber) {
        List<@Nullable Object> values = new ArrayList<>(parameterNames.size());
        for (String name : parameterNames) {
            if (parameters.containsKey(name)) {
                values.add(parameters.get(name));
            } else if (defaults.containsKey(name)) {
                values.add(defaults.get(name));
            } else {
                throw new InvalidArgumentException("A value is required for bind parameter '" + name + "'"
                        + (setNumber > 0 ? " in parameter set " + setNumber : "") + " of the statement: " + source
                        + "\nPass it in the parameters, e.g. Map.of(\"" + name + "\", value)"
                        + (parameters.isEmpty() ? "" : "; the parameters given were " + parameters.keySet()));
            }
        }
        return values;
    }

    /** The parameter values by name, for logs and error messages (the names this statement uses, in order). */
    public Map<String, @Nullable Object> namedValues(List<@Nullable Object> values) {
        Map<String, @Nullable Object> named = new LinkedHashMap<>();
        for (int i = 0; i < parameterNames.size(); i++) {
            named.put(parameterNames.get(i), values.get(i));
        }
        return named;
    }
}
