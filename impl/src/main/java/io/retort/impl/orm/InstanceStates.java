package io.retort.impl.orm;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@link InstanceState} of every object a session has held, found by the object's identity, so that
 * {@code Orm.inspect(obj)} and {@code session.add(obj)} can tell a detached object from a transient one without a field
 * in the user's class (SQLAlchemy keeps {@code _sa_instance_state} on the object itself).
 *
 * <p>A state is itself the weak reference to its object, so recording one allocates nothing: the table is a set of
 * open-addressing (linear probing) arrays of states, striped by identity hash so that sessions on different threads
 * rarely meet on one lock. A state whose object was collected stays in its slot until its stripe is rebuilt, which
 * happens when the stripe is half full; there is no reference queue to drain (draining one, a lock per collected
 * object, cost a quarter of loading 500,000 objects). Thread-safe.
 */
final class InstanceStates {
    /** Number of stripes, a power of two; the low bits of the identity hash choose one. */
    private static final int STRIPE_BITS = 5;
    private static final Stripe[] STRIPES = new Stripe[1 << STRIPE_BITS];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Stripe();
        }
    }

    private InstanceStates() {
    }

    /** The state of an object, or null when no session has held it. */
    static @Nullable InstanceState get(Object instance) {
        int hash = System.identityHashCode(instance);
        return STRIPES[hash & (STRIPES.length - 1)].get(instance, hash);
    }

    /** Records the state of its object, replacing any earlier state of the same object. */
    static void put(InstanceState state) {
        STRIPES[state.hash & (STRIPES.length - 1)].put(state);
    }

    /** Records a state unless its object has one already, which is returned instead (and kept). */
    static @Nullable InstanceState putIfAbsent(InstanceState state) {
        return STRIPES[state.hash & (STRIPES.length - 1)].putIfAbsent(state);
    }

    /**
     * Records many states at once, as a query that loaded them does: each stripe is locked and grown once, and filled
     * while its arrays are in the processor's cache.
     */
    static void putAll(List<InstanceState> states) {
        int size = states.size();
        if (size < STRIPES.length * 4) {
            for (InstanceState state : states) {
                put(state);
            }
            return;
        }
        int mask = STRIPES.length - 1;
        int[] start = new int[STRIPES.length + 1];
        for (InstanceState state : states) {
            start[(state.hash & mask) + 1]++;
        }
        for (int i = 0; i < STRIPES.length; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, STRIPES.length);
        InstanceState[] sorted = new InstanceState[size];
        for (InstanceState state : states) {
            sorted[next[state.hash & mask]++] = state;
        }
        for (int i = 0; i < STRIPES.length; i++) {
            int count = start[i + 1] - start[i];
            if (count > 0) {
                STRIPES[i].putAll(sorted, start[i], count);
            }
        }
    }

    /**
     * One stripe: a linear-probing table of states, with their hashes beside them so that probing compares integers
     * and touches a state only on a hash match. Rebuilt without the states of collected objects when half full.
     */
    private static final class Stripe {
        private static final int INITIAL_CAPACITY = 64;
        private @Nullable InstanceState[] states = new InstanceState[INITIAL_CAPACITY];
        private int[] hashes = new int[INITIAL_CAPACITY];
        /** Slots in use, the states of collected objects included. */
        private int used;

        private static int home(int hash, int mask) {
            return (hash >>> STRIPE_BITS) & mask;
        }

        synchronized @Nullable InstanceState get(Object instance, int hash) {
            @Nullable InstanceState[] table = states;
            int mask = table.length - 1;
            for (int i = home(hash, mask);; i = (i + 1) & mask) {
                InstanceState state = table[i];
                if (state == null) {
                    return null;
                }
                if (hashes[i] == hash && state.get() == instance) {
                    return state;
                }
            }
        }

        synchronized void put(InstanceState state) {
            if (insert(state) && ++used > states.length >> 1) {
                rebuild(0);
            }
        }

        synchronized @Nullable InstanceState putIfAbsent(InstanceState state) {
            Object instance = state.get();
            @Nullable InstanceState[] table = states;
            int mask = table.length - 1;
            int hash = state.hash;
            int i = home(hash, mask);
            for (InstanceState present = table[i]; present != null; present = table[i = (i + 1) & mask]) {
                if (hashes[i] == hash && present.get() == instance) {
                    return present;
                }
            }
            table[i] = state;
            hashes[i] = hash;
            if (++used > table.length >> 1) {
                rebuild(0);
            }
            return null;
        }

        /** Records {@code count} states of {@code sorted} from {@code from}, all of this stripe, growing once. */
        synchronized void putAll(InstanceState[] sorted, int from, int count) {
            if (used + count > states.length >> 1) {
                rebuild(count);
            }
            for (int j = from; j < from + count; j++) {
                if (insert(sorted[j])) {
                    used++;
                }
            }
        }

        /** Files a state in its slot, replacing one of the same object; whether it took a slot of its own. */
        private boolean insert(InstanceState state) {
            Object instance = state.get();
            if (instance == null) {
                return false; // collected already: nothing can ask for it
            }
            @Nullable InstanceState[] table = states;
            int mask = table.length - 1;
            int hash = state.hash;
            int i = home(hash, mask);
            for (InstanceState present = table[i]; present != null; present = table[i = (i + 1) & mask]) {
                if (hashes[i] == hash && present.get() == instance) {
                    table[i] = state;
                    return false;
                }
            }
            table[i] = state;
            hashes[i] = hash;
            return true;
        }

        /**
         * Copies the states of live objects into a table at most a quarter full once {@code incoming} more are
         * added, and not smaller than half the old one (a table emptied by the collector is about to fill again as
         * the next objects are loaded).
         */
        private void rebuild(int incoming) {
            @Nullable InstanceState[] old = states;
            int[] oldHashes = hashes;
            int live = 0;
            for (InstanceState state : old) {
                if (state != null && state.get() != null) {
                    live++;
                }
            }
            int capacity = Math.max(INITIAL_CAPACITY, old.length >> 1);
            while (capacity < (live + incoming) * 4) {
                capacity <<= 1;
            }
            @Nullable InstanceState[] table = new InstanceState[capacity];
            int[] tableHashes = new int[capacity];
            int mask = capacity - 1;
            for (int j = 0; j < old.length; j++) {
                InstanceState state = old[j];
                if (state != null && state.get() != null) {
                    int i = home(oldHashes[j], mask);
                    while (table[i] != null) {
                        i = (i + 1) & mask;
                    }
                    table[i] = state;
                    tableHashes[i] = oldHashes[j];
                }
            }
            states = table;
            hashes = tableHashes;
            used = live;
        }
    }
}
