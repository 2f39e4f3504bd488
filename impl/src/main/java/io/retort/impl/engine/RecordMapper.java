package io.retort.impl.engine;

import io.retort.engine.Row;
import io.retort.exception.InvalidArgumentException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Maps rows onto a record through its canonical constructor. Components match columns by name, ignoring case and
 * underscores; the column positions are worked out once, from the first row.
 */
final class RecordMapper<R> implements Function<Row, R> {
    private final Class<R> type;
    private final RecordComponent[] components;
    private final Constructor<R> constructor;
    private @Nullable List<String> mappedKeys;
    private int[] positions = new int[0];

    RecordMapper(Class<R> type) {
        if (!type.isRecord()) {
            throw new InvalidArgumentException("mapTo() maps rows onto records, but " + type.getName()
                    + " is not a record; declare it as a record, or use map(row -> ...) to build it");
        }
        this.type = type;
        this.components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new InvalidArgumentException("Cannot use the canonical constructor of " + type.getName()
                    + ": " + e.getMessage() + "; make the record accessible (public, or in an open package)", e);
        }
    }

    private static String simplify(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public R apply(Row row) {
        if (mappedKeys != row.keys()) {
            List<String> simplified = new ArrayList<>();
            for (String key : row.keys()) {
                simplified.add(simplify(key));
            }
            int[] found = new int[components.length];
            for (int i = 0; i < components.length; i++) {
                found[i] = simplified.indexOf(simplify(components[i].getName()));
                if (found[i] < 0) {
                    throw new InvalidArgumentException("Cannot map rows onto " + type.getName() + ": component '"
                            + components[i].getName() + "' has no matching column; the columns are " + row.keys()
                            + " (label columns in the query to match the component names)");
                }
            }
            positions = found;
            mappedKeys = row.keys();
        }
        @Nullable Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = row.get(positions[i], components[i].getType());
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new InvalidArgumentException("The constructor of " + type.getName() + " rejected the row " + row
                    + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new InvalidArgumentException("Cannot construct " + type.getName() + ": " + e, e);
        }
    }
}
