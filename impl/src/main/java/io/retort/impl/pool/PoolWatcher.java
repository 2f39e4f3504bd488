package io.retort.impl.pool;

import io.agroal.api.AgroalDataSourceListener;
import io.retort.impl.engine.PoolEvents;
import java.sql.Connection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Agroal's view of the pool for Retort's health check and metrics: counts the open connections always (two atomic
 * updates per connection opened or closed), and once {@link #observe} gave it someone to tell, the time each
 * connection took to open and stayed checked out. Thread-safe.
 */
final class PoolWatcher implements AgroalDataSourceListener {
    private final AtomicInteger open = new AtomicInteger();
    private final ThreadLocal<long[]> creationStart = ThreadLocal.withInitial(() -> new long[1]);
    /** When each checked-out connection was handed out; only filled while someone observes. */
    private final Map<Connection, Long> checkedOutAt = new IdentityHashMap<>();
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
            synchronized (checkedOutAt) {
                checkedOutAt.put(connection, System.nanoTime());
            }
        }
    }

    @Override
    public void beforeConnectionReturn(Connection connection) {
        PoolEvents current = events;
        if (current == PoolEvents.NONE) {
            return;
        }
        Long since;
        synchronized (checkedOutAt) {
            since = checkedOutAt.remove(connection);
        }
        if (since != null) {
            current.connectionUsed(System.nanoTime() - since);
        }
    }
}
