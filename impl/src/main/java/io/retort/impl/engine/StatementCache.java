package io.retort.impl.engine;

import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.sql.Executable;
import io.retort.sql.SqlNode;
import io.retort.sql.TextClause;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The engine's compiled-statement cache, keyed by the statement itself (its structural equality excludes bound
 * values) and bounded in size: when it is full, the least recently used entry goes. Thread-safe.
 *
 * <p>A statement that carries values ({@code where(id.eq(5))}, {@code insert(t).values(row)}) is its entry's key only
 * weakly: the cache must not keep the first such statement's values alive (a large value, or an object of the
 * application's, would stay reachable from the engine for as long as the entry). Its entry lives while the statement
 * does, and an equal statement built after that is compiled again (once per garbage collection in practice). A
 * statement whose values are all given at execution ({@code bindParam}, {@code text()} with {@code :name}
 * parameters), the form to use on hot paths, holds nothing and is kept strongly.
 */
final class StatementCache {
    static final class Entry {
        final CompiledStatement compiled;
        private final Key key;
        /** The values of the key statement, when it binds only values given at execution (so nothing retained). */
        private volatile ExpressionCompiler.@Nullable Bound keyBound;
        /** When the entry was last used, in ticks of the cache's clock (misses), for the LRU eviction. */
        volatile long lastUsed;
        /**
         * The result columns of the last execution, reused while the driver reports the same labels, or without
         * asking it where the SQL fixes them ({@link #knownColumns}).
         */
        private volatile @Nullable ResultColumns resultColumns;

        /** Column labels as the driver gave them, and the columns made of them. */
        private record ResultColumns(String[] labels, Columns columns) {
        }

        /**
         * The columns of an earlier result with {@code count} columns, or null when there was none. Only for a
         * statement whose result columns the SQL text fixes (see {@code RowCursor}): the driver is then not asked
         * for the labels again, which on SQLite is a native call per column and execution.
         */
        @Nullable Columns knownColumns(int count) {
            ResultColumns known = resultColumns;
            return known != null && known.columns.size() == count ? known.columns : null;
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

        Entry(Key key, CompiledStatement compiled) {
            this.key = key;
            this.compiled = compiled;
        }

        /**
         * The values {@code statement} binds: remembered when it is the very statement this was compiled from and
         * binds nothing but values given at execution. Seeing that, the key is held strongly from then on.
         */
        ExpressionCompiler.Bound bound(Dialect dialect, SqlNode statement) {
            ExpressionCompiler.Bound bound = keyBound;
            if (bound != null && key.statement() == statement) {
                return bound;
            }
            ExpressionCompiler.Bound collected = ExpressionCompiler.collect(dialect, statement, compiled);
            if (key.statement() != statement || collected.computed() || !valueFree(collected)) {
                // A client-side default computed for each execution, or values the cache must not keep.
                return collected;
            }
            // Shared by every execution of the statement, on any thread: read-only.
            bound = new ExpressionCompiler.Bound(Collections.unmodifiableList(collected.values()),
                    Collections.unmodifiableList(collected.types()), false);
            key.holdStrongly((Executable) statement);
            keyBound = bound;
            return bound;
        }

        private static boolean valueFree(ExpressionCompiler.Bound bound) {
            for (Object value : bound.values()) {
                if (value != null && !(value instanceof ExpressionCompiler.Named)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A statement as the key of the map: held weakly while it may carry values, strongly once it is known to carry
     * none. Its hash is the statement's, fixed when made; a key whose statement was collected equals no other.
     */
    static final class Key {
        private final int hash;
        /** The statement, or a {@link KeyReference} to it. */
        private volatile Object held;

        private Key(Executable statement, @Nullable ReferenceQueue<Executable> queue) {
            this.hash = statement.hashCode();
            this.held = queue == null ? statement : new KeyReference(statement, queue, this);
        }

        /** A key to look a statement up with; never stored. */
        static Key probe(Executable statement) {
            return new Key(statement, null);
        }

        @Nullable Executable statement() {
            Object current = held;
            return current instanceof KeyReference ? ((KeyReference) current).get() : (Executable) current;
        }

        void holdStrongly(Executable statement) {
            if (held instanceof KeyReference) {
                held = statement;
            }
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            if (other == this) {
                return true;
            }
            if (!(other instanceof Key) || ((Key) other).hash != hash) {
                return false;
            }
            Executable mine = statement();
            return mine != null && mine.equals(((Key) other).statement());
        }
    }

    /** The weak reference of a key, queued when its statement is collected so that the entry is removed. */
    private static final class KeyReference extends WeakReference<Executable> {
        final Key key;

        KeyReference(Executable statement, ReferenceQueue<Executable> queue, Key key) {
            super(statement, queue);
            this.key = key;
        }
    }

    private final int maxSize;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<Executable> collected = new ReferenceQueue<>();
    /** Advanced whenever an entry other than the last one used is used; the entry with the lowest tick goes first. */
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    StatementCache(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The entry for a statement: from the cache (a hit), or compiled now. */
    Entry get(Executable statement, Function<Executable, CompiledStatement> compiler) {
        if (maxSize == 0) {
            misses.incrementAndGet();
            return new Entry(Key.probe(statement), compiler.apply(statement));
        }
        Entry cached = entries.get(Key.probe(statement));
        if (cached != null) {
            hits.incrementAndGet();
            if (cached.lastUsed != clock.get()) {
                cached.lastUsed = clock.incrementAndGet(); // no write while the same entry is used again and again
            }
            return cached;
        }
        misses.incrementAndGet();
        removeCollected();
        // A text() with values bound to it carries them; any other statement may, until its first execution shows.
        boolean mayCarryValues = !(statement instanceof TextClause)
                || !((TextClause) statement).boundValues().isEmpty();
        Entry compiled = new Entry(new Key(statement, mayCarryValues ? collected : null),
                compiler.apply(statement));
        compiled.lastUsed = clock.incrementAndGet();
        if (entries.putIfAbsent(compiled.key, compiled) == null) {
            while (entries.size() > maxSize && evictLeastRecentlyUsed()) {
                // one at a time, until within the bound
            }
        }
        return compiled;
    }

    /** Removes the entry used longest ago; false when there was none. */
    private boolean evictLeastRecentlyUsed() {
        Entry oldest = null;
        for (Entry entry : entries.values()) {
            if (oldest == null || entry.lastUsed < oldest.lastUsed) {
                oldest = entry;
            }
        }
        return oldest != null && entries.remove(oldest.key, oldest);
    }

    /** Removes the entries whose key statement was collected: nothing can equal them any more. */
    private void removeCollected() {
        for (Reference<? extends Executable> gone = collected.poll(); gone != null; gone = collected.poll()) {
            entries.remove(((KeyReference) gone).key);
        }
    }

    int size() {
        removeCollected();
        return entries.size();
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }
}
