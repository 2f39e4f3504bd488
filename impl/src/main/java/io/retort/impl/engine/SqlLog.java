package io.retort.impl.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * SQL echo: statements, parameters and transaction boundaries, logged to the {@code System.Logger} named
 * {@value #LOGGER_NAME}. With {@code echo} on they are logged at INFO; otherwise at DEBUG, so a logging
 * configuration can turn them on without code.
 */
final class SqlLog {
    static final String LOGGER_NAME = "io.retort.engine";
    private static final Logger LOGGER = System.getLogger(LOGGER_NAME);
    private static final int PARAMETER_SETS_SHOWN = 10;

    private final Level level;

    SqlLog(boolean echo) {
        this.level = echo ? Level.INFO : Level.DEBUG;
    }

    boolean enabled() {
        return LOGGER.isLoggable(level);
    }

    void log(String message) {
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, message);
        }
    }

    void log(Supplier<String> message) {
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, message.get());
        }
    }

    void statement(String sql, List<Map<String, @Nullable Object>> parameterSets, boolean batch, boolean cached) {
        if (!LOGGER.isLoggable(level)) {
            return;
        }
        LOGGER.log(level, sql);
        String origin = cached ? "[cached]" : "[generated]";
        if (!batch) {
            LOGGER.log(level, origin + " " + (parameterSets.isEmpty() ? "{}" : parameterSets.get(0)));
        } else if (parameterSets.size() <= PARAMETER_SETS_SHOWN) {
            LOGGER.log(level, origin + " " + parameterSets);
        } else {
            LOGGER.log(level, origin + " " + parameterSets.subList(0, PARAMETER_SETS_SHOWN) + " ... displaying "
                    + PARAMETER_SETS_SHOWN + " of " + parameterSets.size() + " total parameter sets");
        }
    }

    static void warn(String message, @Nullable Throwable cause) {
        LOGGER.log(Level.WARNING, message, cause);
    }
}
