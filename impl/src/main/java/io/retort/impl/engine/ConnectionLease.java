package io.retort.impl.engine;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.security.CodeSource;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The pooled JDBC connection a {@link DefaultConnection} holds, kept apart from it so that it can be given back when
 * the Connection (or the Session using it) is garbage-collected without {@code close()}: its transaction is rolled
 * back, it goes back to the pool, and a warning names the place it was checked out (with the whole stack when the
 * engine's {@code poolLeakDetection} is on). Without this, a dropped Connection kept its connection "idle in
 * transaction", holding its locks, for as long as the JVM ran.
 *
 * <p>The lease is itself the phantom reference to its owner, enqueued on one queue a daemon thread watches (what a
 * {@link java.lang.ref.Cleaner} does), but kept reachable in a slot of a fixed table rather than in the Cleaner's list:
 * a checkout takes a free slot with one compare-and-set and {@code close()} empties it with one write, where the
 * Cleaner took its list's lock twice and cleared the reference through the JVM at every checkout (a few percent of a
 * primary-key lookup on a new Session). A closed owner's lease is not cleared: it becomes garbage with its owner
 * without ever being enqueued. Beyond the table's size (more connections checked out at once than it has slots), the
 * leases go in a concurrent set.
 *
 * <p>Where the connection was checked out is recorded only with {@code poolLeakDetection} on, as Agroal and HikariCP
 * do: walking the stack at every checkout cost a fifth of a primary-key lookup on a new Session (H2, JFR), for a
 * warning that only a leak ever shows.
 */
final class ConnectionLease extends PhantomReference<Object> {
    private static final ReferenceQueue<Object> DROPPED = new ReferenceQueue<>();
    /** The leases not yet released, in slots (a lease knows its own); a power of two. */
    private static final int SLOTS = 1024;
    private static final AtomicReferenceArray<ConnectionLease> HELD = new AtomicReferenceArray<>(SLOTS);
    /** The leases that found no free slot. */
    private static final Set<ConnectionLease> OVERFLOW = ConcurrentHashMap.newKeySet();
    private static final @Nullable CodeSource IMPL = codeSource(ConnectionLease.class);
    private static final @Nullable CodeSource API = codeSource(io.retort.engine.Engine.class);
    /** Whether a class is Retort's own or the JDK's, so not the place a user checked a connection out from. */
    private static final ClassValue<Boolean> INTERNAL = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            String name = type.getName();
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
                    || name.startsWith("io.retort.cdi.") || name.startsWith("io.retort.jta.")) {
                return true;
            }
            CodeSource source = codeSource(type);
            return source != null && (source.equals(IMPL) || source.equals(API));
        }
    };

    static {
        Thread reaper = new Thread(ConnectionLease::reap, "retort-dropped-connections");
        reaper.setDaemon(true);
        reaper.start();
    }

    private final DefaultEngine engine;
    private final boolean enlisted;
    private final @Nullable Throwable stack;
    /** The lease's slot in {@link #HELD}, or -1 when it is in {@link #OVERFLOW}. */
    private final int slot;
    private volatile java.sql.@Nullable Connection jdbc;
    private volatile DefaultEngine.@Nullable PoolGeneration generation;
    private volatile boolean released;

    private ConnectionLease(Object owner, DefaultEngine engine, java.sql.Connection jdbc,
            DefaultEngine.PoolGeneration generation, boolean enlisted) {
        super(owner, DROPPED);
        this.engine = engine;
        this.enlisted = enlisted;
        this.jdbc = jdbc;
        this.generation = generation;
        this.stack = engine.options().poolLeakDetection()
                ? new Throwable("The dropped Connection was checked out here") : null;
        this.slot = hold(this);
    }

    /** Keeps the lease reachable until it is released or enqueued; its slot, or -1 for the overflow set. */
    private static int hold(ConnectionLease lease) {
        // Threads start at different places, so that concurrent checkouts rarely try the same slot.
        int start = (int) (Thread.currentThread().getId() * 0x9E3779B9L) & (SLOTS - 1);
        for (int i = 0; i < 8; i++) {
            int index = (start + i) & (SLOTS - 1);
            if (HELD.get(index) == null && HELD.compareAndSet(index, null, lease)) {
                return index;
            }
        }
        OVERFLOW.add(lease);
        return -1;
    }

    private void unhold() {
        if (slot >= 0) {
            HELD.compareAndSet(slot, this, null);
        } else {
            OVERFLOW.remove(this);
        }
    }

    /** Registers {@code owner}'s JDBC connection, to be given back if {@code owner} is dropped unclosed. */
    static ConnectionLease of(Object owner, DefaultEngine engine, java.sql.Connection jdbc,
            DefaultEngine.PoolGeneration generation, boolean enlisted) {
        return new ConnectionLease(owner, engine, jdbc, generation, enlisted);
    }

    /** Gives back the connection of each lease whose owner the garbage collector found unreachable. */
    private static void reap() {
        while (true) {
            try {
                ConnectionLease lease = (ConnectionLease) DROPPED.remove();
                lease.unhold();
                lease.dropped();
            } catch (InterruptedException e) {
                // A daemon thread: nothing stops it but the JVM's end.
            } catch (RuntimeException | Error e) {
                SqlLog.warn("Could not give back the connection of a dropped Connection", e);
            }
        }
    }

    /** The first frame of the checkout's stack outside Retort and the JDK: the place the application checked out. */
    private static String site(Throwable stack, ClassLoader loader) {
        for (StackTraceElement frame : stack.getStackTrace()) {
            Class<?> type;
            try {
                type = Class.forName(frame.getClassName(), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return frame.toString(); // not visible from Retort's loader: not Retort's
            }
            if (!INTERNAL.get(type)) {
                return frame.toString();
            }
        }
        return "an unknown place";
    }

    private static @Nullable CodeSource codeSource(Class<?> type) {
        java.security.ProtectionDomain domain = type.getProtectionDomain();
        return domain == null ? null : domain.getCodeSource();
    }

    /** The JDBC connection the owner holds now (another after a reconnect; none after an invalidation). */
    void hold(java.sql.@Nullable Connection now, DefaultEngine.@Nullable PoolGeneration from) {
        jdbc = now;
        generation = from;
    }

    /** The owner was closed and gave its connection back itself. */
    void release() {
        released = true;
        unhold();
    }

    /** Runs on the reaper's thread once the owner is unreachable, unless it was closed. */
    private void dropped() {
        if (released) {
            return;
        }
        java.sql.Connection open = jdbc;
        DefaultEngine.PoolGeneration from = generation;
        try {
            if (open != null) {
                try {
                    if (!enlisted && !open.getAutoCommit()) {
                        open.rollback();
                    }
                    open.close();
                } catch (SQLException | RuntimeException e) {
                    try {
                        open.abort(Runnable::run);
                    } catch (SQLException | RuntimeException ignored) {
                        // Dead already: the pool discards it.
                    }
                }
            }
        } finally {
            engine.connectionClosed(from);
            ClassLoader loader = ConnectionLease.class.getClassLoader();
            String site = stack == null ? "" : ", checked out at " + site(stack, loader) + ",";
            SqlLog.warn("A Connection (or the Session using it) was garbage-collected without close(): its"
                    + " database connection" + site + " " + (open == null ? "had been discarded"
                    : enlisted ? "has been returned to the pool (its JTA transaction decides its work)"
                    : "has been rolled back and returned to the pool") + ". Until the garbage collector found it, it"
                    + " held its transaction and locks. Close every Session and Connection when done"
                    + " (try-with-resources)" + (stack == null ? "; set retort.pool.leak-detection=true"
                    + " (EngineOptions.poolLeakDetection) to record where each is checked out, and log it" : ""),
                    stack);
        }
    }
}
