package io.retort.impl.orm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@link InstanceState} of every object a session has held, keyed by object identity and weakly, so that
 * {@code Orm.inspect(obj)} can tell a detached object from a transient one without a field in the user's class
 * (SQLAlchemy keeps {@code _sa_instance_state} on the object itself). Entries go when their object is collected.
 * Thread-safe.
 */
final class InstanceStates {
    private static final ConcurrentHashMap<Object, InstanceState> STATES = new ConcurrentHashMap<>(1 << 16);
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    /** Puts since the last look at collected objects: the queue is polled every {@value #EXPUNGE_EVERY} puts. */
    private static final java.util.concurrent.atomic.AtomicInteger PUTS = new java.util.concurrent.atomic.AtomicInteger();
    private static final int EXPUNGE_EVERY = 1024;

    private InstanceStates() {
    }

    /** The state of an object, or null when no session has held it. */
    static @Nullable InstanceState get(Object instance) {
        return STATES.get(new Lookup(instance));
    }

    /** Records the state of an object. */
    static void put(Object instance, InstanceState state) {
        if (PUTS.incrementAndGet() % EXPUNGE_EVERY == 0) {
            expunge(); // the queue's lock on every put cost a fifth of loading 500,000 objects
        }
        STATES.put(new Key(instance, COLLECTED), state);
    }

    /** Forgets an object's state: it is transient again. */
    static void remove(Object instance) {
        STATES.remove(new Lookup(instance));
    }

    private static void expunge() {
        for (Object stale = COLLECTED.poll(); stale != null; stale = COLLECTED.poll()) {
            STATES.remove(stale);
        }
    }

    /** A weak key compared by the identity of its object. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            return referent != null && (other instanceof Lookup ? ((Lookup) other).referent == referent
                    : other instanceof Key && ((Key) other).get() == referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A strong, short-lived key for lookups. */
    private static final class Lookup {
        private final Object referent;

        Lookup(Object referent) {
            this.referent = referent;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Key ? ((Key) other).get() == referent
                    : other instanceof Lookup && ((Lookup) other).referent == referent;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(referent);
        }
    }
}
