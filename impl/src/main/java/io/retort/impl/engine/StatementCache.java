package io.retort.impl.engine;

import io.retort.impl.compiler.CompiledStatement;
import io.retort.sql.Executable;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The engine's compiled-statement cache, keyed by the statement itself (its structural equality excludes bound
 * values) and bounded in size; the oldest entries are evicted first. Thread-safe.
 */
final class StatementCache {
    private final int maxSize;
    private final Map<Executable, CompiledStatement> entries = new ConcurrentHashMap<>();
    private final Queue<Executable> insertionOrder = new ConcurrentLinkedQueue<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    StatementCache(int maxSize) {
        this.maxSize = maxSize;
    }

    CompiledStatement get(Executable statement, Function<Executable, CompiledStatement> compiler) {
        if (maxSize == 0) {
            misses.incrementAndGet();
            return compiler.apply(statement);
        }
        CompiledStatement cached = entries.get(statement);
        if (cached != null) {
            hits.incrementAndGet();
            return cached;
        }
        misses.incrementAndGet();
        CompiledStatement compiled = compiler.apply(statement);
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
