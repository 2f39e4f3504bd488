package io.retort.impl.engine;

import io.retort.impl.compiler.CompiledStatement;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row of an executemany batch seen as a map from parameter name to value, built only if someone looks (a log,
 * a listener, an error message), so large batches do not pay for it.
 */
final class LazyNamedValues extends AbstractMap<String, @Nullable Object> {
    private final CompiledStatement plan;
    private final List<@Nullable Object> values;
    private @Nullable Map<String, @Nullable Object> named;

    LazyNamedValues(CompiledStatement plan, List<@Nullable Object> values) {
        this.plan = plan;
        this.values = values;
    }

    @Override
    public Set<Entry<String, @Nullable Object>> entrySet() {
        Map<String, @Nullable Object> map = named;
        if (map == null) {
            map = plan.namedValues(values);
            named = map;
        }
        return map.entrySet();
    }
}
