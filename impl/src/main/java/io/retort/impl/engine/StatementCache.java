package io.retort.impl.engine;

import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.sql.Executable;
import io.retort.sql.SqlNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The engine's compiled-statement cache, keyed by the statement itself (its structural equality excludes bound
 * values) and bounded in size; the oldest entries are evicted first. Thread-safe.
 */
final class StatementCache {
    /**
     * A compiled statement with the statement it was compiled from. A statement object executed again (a statement
     * built once with {@code bindParam}s, as {@code session.get} uses) binds the same values every time, so they are
     * gathered once and kept beside it; unless one is computed at each execution (a column's client-side default).
     */
    static final class Entry {
        final CompiledStatement compiled;
        private final Executable key;
        private volatile ExpressionCompiler.@Nullable Bound keyBound;
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

        Entry(Executable key, CompiledStatement compiled) {
            this.key = key;
            this.compiled = compiled;
        }

        /** The values {@code statement} binds: remembered when it is the very statement this was compiled from. */
        ExpressionCompiler.Bound bound(Dialect dialect, SqlNode statement) {
            if (statement != key) {
                return ExpressionCompiler.collect(dialect, statement, compiled);
            }
            ExpressionCompiler.Bound bound = keyBound;
            if (bound == null) {
                ExpressionCompiler.Bound collected = ExpressionCompiler.collect(dialect, statement, compiled);
                if (collected.computed()) {
                    return collected; // a client-side default is computed for each execution: nothing to keep
                }
                // Shared by every execution of the statement, on any thread: read-only.
                bound = new ExpressionCompiler.Bound(Collections.unmodifiableList(collected.values()),
                        Collections.unmodifiableList(collected.types()), false);
                keyBound = bound;
            }
            return bound;
        }
    }

    private final int maxSize;
    private final Map<Executable, Entry> entries = new ConcurrentHashMap<>();
    private final Queue<Executable> insertionOrder = new ConcurrentLinkedQueue<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    StatementCache(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The entry for a statement: from the cache (a hit), or compiled now. */
    Entry get(Executable statement, Function<Executable, CompiledStatement> compiler) {
        if (maxSize == 0) {
            misses.incrementAndGet();
            return new Entry(statement, compiler.apply(statement));
        }
        Entry cached = entries.get(statement);
        if (cached != null) {
            hits.incrementAndGet();
            return cached;
        }
        misses.incrementAndGet();
        Entry compiled = new Entry(statement, compiler.apply(statement));
        if (entries.putIfAbsent(statement, compiled) == null) {
            insertionOrder.add(statement);
            while (entries.size() > maxSize) {
                Executable oldest = insertionOrder.poll();
                if (oldest == null) {
                    break;
                }
                entries.remove(oldest);
            }
        }
        return compiled;
    }

    int size() {
        return entries.size();
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }
}
