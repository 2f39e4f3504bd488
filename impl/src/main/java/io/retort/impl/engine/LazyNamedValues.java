package io.retort.impl.engine;

import io.retort.impl.compiler.CompiledStatement;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
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

    /**
     * The rows of a batch as named maps, each made when it is read: a batch of 100,000 rows holds no map per row
     * while it runs (a listener that reads a row twice gets two equal maps).
     */
    static List<Map<String, @Nullable Object>> ofRows(CompiledStatement plan, List<List<@Nullable Object>> rows) {
        return new Rows(plan, rows);
    }

    private static final class Rows extends AbstractList<Map<String, @Nullable Object>> implements RandomAccess {
        private final CompiledStatement plan;
        private final List<List<@Nullable Object>> rows;

        Rows(CompiledStatement plan, List<List<@Nullable Object>> rows) {
            this.plan = plan;
            this.rows = rows;
        }

        @Override
        public Map<String, @Nullable Object> get(int index) {
            return new LazyNamedValues(plan, rows.get(index));
        }

        @Override
        public int size() {
            return rows.size();
        }
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
