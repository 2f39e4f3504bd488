package io.retort.impl.pool;

import io.agroal.api.AgroalDataSourceListener;
import io.retort.impl.engine.PoolEvents;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Agroal's view of the pool for Retort's health check and metrics: counts the open connections always (two atomic
 * updates per connection opened or closed), and once {@link #observe} gave it someone to tell, the time each
 * connection took to open and stayed checked out. Thread-safe.
 */
final class PoolWatcher implements AgroalDataSourceListener {
    private final AtomicInteger open = new AtomicInteger();
    private final ThreadLocal<long[]> creationStart = ThreadLocal.withInitial(() -> new long[1]);
    /**
     * When each checked-out connection was handed out; only filled while someone observes. Concurrent, not one lock
     * around a map: every checkout and return of every thread went through that lock with metrics on. A connection is
     * checked out by one thread at a time, so its entry is never contended.
     */
    private final Map<Connection, Long> checkedOutAt = new ConcurrentHashMap<>();
    private volatile PoolEvents events = PoolEvents.NONE;

    void observe(PoolEvents value) {
        this.events = value;
    }

    int open() {
        return open.get();
    }

    @Override
    public void beforeConnectionCreation() {
        if (events != PoolEvents.NONE) {
            creationStart.get()[0] = System.nanoTime();
        }
    }

    @Override
    public void onConnectionCreation(Connection connection) {
        open.incrementAndGet();
        PoolEvents current = events;
        long[] start = creationStart.get();
        if (current != PoolEvents.NONE && start[0] != 0) {
            current.connectionCreated(System.nanoTime() - start[0]);
            start[0] = 0;
        }
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        open.decrementAndGet();
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        if (events != PoolEvents.NONE) {
            checkedOutAt.put(connection, System.nanoTime());
        }
    }

    @Override
    public void beforeConnectionReturn(Connection connection) {
        PoolEvents current = events;
        if (current == PoolEvents.NONE) {
            return;
        }
        Long since = checkedOutAt.remove(connection);
        if (since != null) {
            current.connectionUsed(System.nanoTime() - since);
        }
    }
}
