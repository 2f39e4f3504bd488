package io.retort.impl.engine;

import io.retort.impl.compiler.CacheKeyWalker;
import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.ColumnReader;
import io.retort.impl.dialect.Dialect;
import io.retort.sql.Executable;
import io.retort.sql.SqlNode;
import io.retort.sql.TextClause;
import io.retort.types.SqlType;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The engine's compiled-statement cache, bounded in size: when it is full, the least recently used entry goes.
 * Thread-safe.
 *
 * <p>A statement of the expression language is walked once per execution ({@link CacheKeyWalker}): the walk gives
 * its cache key (equal for statements of the same structure, whatever their values) and its bound values together,
 * and the compiled form says which of those values fills each placeholder. The same statement object executed again
 * (one built with {@code bindParam}s, as {@code session.get} uses) is not walked again: its entry and values are
 * remembered, unless a value is computed at each execution (a column's client-side default) or the statement carries
 * values of its own: the cache keeps no value alive (a large value, or an application's object, would stay reachable
 * from the engine for as long as the entry). Text and DDL statements are their own keys, except a {@code text()} with
 * values bound to it, whose key is its SQL text and expanding parameters (what its equality compares).
 */
final class StatementCache {
    /** A compiled statement and, for one of the expression language, where each placeholder's value comes from. */
    static final class Entry {
        final CompiledStatement compiled;
        private final Object @Nullable [] valueSources;
        /**
         * The result columns of the last execution, reused while the driver reports the same labels, or without
         * asking it where the SQL fixes them ({@link #knownColumns}).
         */
        private volatile @Nullable ResultColumns resultColumns;
        /** When the entry was last used, in ticks of the cache's clock, for the least-recently-used eviction. */
        volatile long lastUsed;
        /** The shape of the statements of this entry, worked out at the first execution of one that binds values. */
        volatile @Nullable StatementShape shape;

        /** Column labels as the driver gave them, and the columns made of them. */
        private record ResultColumns(String[] labels, Columns columns) {
        }

        /** The readers of the last result read with the result types of a shape, and those types (by identity). */
        private volatile @Nullable ResultReaders resultReaders;

        private record ResultReaders(@Nullable SqlType<?>[] types, ColumnReader[] readers) {
        }

        /**
         * The readers of result columns of {@code types}, the result types of this entry's {@link StatementShape}
         * (compared by identity): those of the last result when the types are the same array, else made now and
         * kept. Read-only, shared by every thread.
         */
        ColumnReader[] readers(@Nullable SqlType<?>[] types, Dialect dialect) {
            ResultReaders known = resultReaders;
            if (known != null && known.types == types) {
                return known.readers;
            }
            ColumnReader[] readers = RowCursor.readers(types, dialect);
            resultReaders = new ResultReaders(types, readers);
            return readers;
        }

        Entry(CompiledStatement compiled, Object @Nullable [] valueSources) {
            this.compiled = compiled;
            this.valueSources = valueSources;
        }

        /** Where each placeholder's value comes from; only an entry of the expression language has them. */
        Object[] valueSources() {
            Object[] sources = valueSources;
            if (sources == null) {
                throw new IllegalStateException("The cache entry of a text or DDL statement has no value sources");
            }
            return sources;
        }

        /**
         * The columns of an earlier result, or null when there was none. Only for a statement whose result columns
         * the SQL text fixes, their number included (see {@code RowCursor}): the driver is then not asked for the
         * metadata again, which on SQLite is a native call per column and execution, and a new object on H2.
         */
        @Nullable Columns knownColumns() {
            ResultColumns known = resultColumns;
            return known != null ? known.columns : null;
        }

        /**
         * The columns of a result of this statement with the labels the driver gave: those of an earlier result when
         * the labels are the same (the SQL is the same, so they normally are), otherwise made from the labels and kept
         * for the next one.
         */
        Columns columns(String[] labels, Dialect dialect) {
            ResultColumns known = resultColumns;
            if (known != null && Arrays.equals(known.labels, labels)) {
                return known.columns;
            }
            Columns columns = RowCursor.columnsOf(labels, dialect);
            resultColumns = new ResultColumns(labels, columns);
            return columns;
        }
    }

    /**
     * What a lookup found: the entry, whether it was compiled now, and the values the statement binds in placeholder
     * order (null for text and DDL, whose values are given at execution).
     */
    private static DefaultEngine.Compiled found(Entry entry, boolean compiledNow,
            ExpressionCompiler.@Nullable Bound bound, @Nullable StatementShape shape) {
        return new DefaultEngine.Compiled(entry.compiled, !compiledNow, entry, bound, shape);
    }

    /**
     * A statement object looked up recently, with what its lookup found (its entry, values and shape, shared
     * read-only by every thread): the next execution of the same object neither walks it nor works out its named
     * slots and types again, and takes the same answer.
     */
    private record Last(Executable statement, Entry entry, DefaultEngine.Compiled found) {
    }

    private final int maxSize;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Advanced whenever an entry other than the last one used is used; the entry with the lowest tick goes first. */
    private final AtomicLong clock = new AtomicLong();
    /** An adder: every execution of every thread counts in it. */
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final AtomicLong misses = new AtomicLong();
    /**
     * The statement objects without values of their own executed last, found by identity: several, so that an
     * application (or the ORM) alternating between a few such statements, on one thread or many, walks none of them
     * again. A new one replaces the slots in turn.
     */
    private final AtomicReferenceArray<Last> recent = new AtomicReferenceArray<>(RECENT);
    private static final int RECENT = 8;
    /** The slot of {@link #recent} the next remembered statement takes; a lost update only picks another slot. */
    private int nextRecent;

    StatementCache(int maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * The entry for a statement: from the cache (a hit), or compiled now, with the values it binds.
     *
     * @param compiler compiles a text or DDL statement
     */
    DefaultEngine.Compiled get(Executable statement, Dialect dialect,
            Function<Executable, CompiledStatement> compiler) {
        if (!(statement instanceof SqlNode)) {
            boolean[] compiledNow = new boolean[1];
            Object key = statement instanceof TextClause && !((TextClause) statement).boundValues().isEmpty()
                    ? new TextKey(((TextClause) statement).text(), ((TextClause) statement).expandingParameters())
                    : statement;
            Entry entry = lookup(key, null, compiledNow, () -> new Entry(compiler.apply(statement), null));
            return found(entry, compiledNow[0], null, null);
        }
        for (int i = 0; i < RECENT; i++) {
            Last remembered = recent.get(i);
            if (remembered != null && remembered.statement == statement) {
                hits.increment();
                if (remembered.entry.lastUsed != clock.get()) {
                    remembered.entry.lastUsed = clock.incrementAndGet();
                }
                return remembered.found;
            }
        }
        CacheKeyWalker walked = CacheKeyWalker.walk((SqlNode) statement);
        Object probe = walked.probeKey();
        boolean[] compiledNow = new boolean[1];
        Entry entry = hit(probe); // the usual case, without the compiling lambda
        if (entry == null) {
            entry = lookup(probe, walked, compiledNow, () -> {
                ExpressionCompiler.Keyed keyed = ExpressionCompiler.compileKeyed(dialect, (SqlNode) statement,
                        walked);
                return new Entry(keyed.statement(), keyed.valueSources());
            });
        }
        ExpressionCompiler.Bound bound = walked.bound(java.util.Objects.requireNonNull(entry.valueSources,
                "an expression statement's entry has its value sources"));
        if (!bound.computed() && valueFree(bound)) {
            // Shared by every execution of the statement object, on any thread: read-only.
            bound = new ExpressionCompiler.Bound(Collections.unmodifiableList(bound.values()),
                    Collections.unmodifiableList(bound.types()), false);
            StatementShape shape = StatementShape.of(statement, bound);
            int slot = nextRecent;
            nextRecent = (slot + 1) & (RECENT - 1);
            recent.set(slot, new Last(statement, entry, found(entry, false, bound, shape)));
            return found(entry, compiledNow[0], bound, shape);
        }
        StatementShape shape = entry.shape;
        if (shape == null || !shape.fits(statement, bound)) {
            shape = StatementShape.of(statement, bound);
            entry.shape = shape;
        }
        return found(entry, compiledNow[0], bound, shape);
    }

    /**
     * The cached entry of a key, or one compiled now ({@code compiledNow[0]} set). With {@code walked}, {@code key}
     * is its probe key (sharing the walk's tokens), and the entry compiled now is stored under its own copy.
     */
    private Entry lookup(Object key, @Nullable CacheKeyWalker walked, boolean[] compiledNow,
            java.util.function.Supplier<Entry> compile) {
        if (maxSize == 0) {
            misses.incrementAndGet();
            compiledNow[0] = true;
            return compile.get();
        }
        Entry cached = hit(key);
        if (cached != null) {
            return cached;
        }
        misses.incrementAndGet();
        compiledNow[0] = true;
        Entry compiled = compile.get();
        compiled.lastUsed = clock.incrementAndGet();
        Entry raced = entries.putIfAbsent(walked != null ? walked.key() : key, compiled);
        if (raced != null) {
            return compiled;
        }
        while (entries.size() > maxSize && evictLeastRecentlyUsed()) {
            // one at a time, until within the bound
        }
        return compiled;
    }

    /** The cached entry of a key, counted as a hit and marked used; null (nothing counted) when there is none. */
    private @Nullable Entry hit(Object key) {
        if (maxSize == 0) {
            return null;
        }
        Entry cached = entries.get(key);
        if (cached != null) {
            hits.increment();
            if (cached.lastUsed != clock.get()) {
                cached.lastUsed = clock.incrementAndGet(); // no write while the same entry is used again and again
            }
        }
        return cached;
    }

    /**
     * Removes the entry used longest ago; false when there was none to remove. A scan of the entries: it runs on a
     * miss of a full cache only, which a working set within the bound does not see.
     */
    private boolean evictLeastRecentlyUsed() {
        Map.Entry<Object, Entry> oldest = null;
        for (Map.Entry<Object, Entry> candidate : entries.entrySet()) {
            if (oldest == null || candidate.getValue().lastUsed < oldest.getValue().lastUsed) {
                oldest = candidate;
            }
        }
        return oldest != null && entries.remove(oldest.getKey(), oldest.getValue());
    }

    /** Whether a statement's values are all given at execution (named parameters), so remembering it keeps none. */
    private static boolean valueFree(ExpressionCompiler.Bound bound) {
        for (Object value : bound.values()) {
            if (value != null && !(value instanceof ExpressionCompiler.Named)) {
                return false;
            }
        }
        return true;
    }

    /** The key of a {@code text()} that carries bound values: what its equality compares, without the values. */
    private record TextKey(String text, java.util.Set<String> expanding) {
    }

    int size() {
        return entries.size();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.get();
    }
}
