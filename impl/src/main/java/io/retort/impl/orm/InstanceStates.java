package io.retort.impl.orm;

import java.util.Arrays;
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
     * The states of objects a query has just created, gathered for {@link #putAllNew}, with their hashes beside them
     * so that sorting them by stripe reads two arrays rather than every state. Confined to one session.
     */
    static final class Batch {
        private static final int KEPT_CAPACITY = 1024;
        private InstanceState[] states = new InstanceState[16];
        private int[] hashes = new int[16];
        private int size;

        void add(InstanceState state) {
            if (size == states.length) {
                states = Arrays.copyOf(states, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            states[size] = state;
            hashes[size++] = state.hash;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Empties the batch; arrays grown by a large query are let go rather than kept by the session. */
        void clear() {
            if (states.length > KEPT_CAPACITY) {
                states = new InstanceState[16];
                hashes = new int[16];
            } else {
                Arrays.fill(states, 0, size, null);
            }
            size = 0;
        }
    }

    /**
     * Records the states of a batch of objects no session has held before (just created by a query), as a query does
     * when its rows are read: each stripe is locked and grown once, and filled while its arrays are in the
     * processor's cache. As the objects are new, no slot can hold a state of theirs: no state is read.
     */
    static void putAllNew(Batch batch) {
        int size = batch.size;
        InstanceState[] states = batch.states;
        int[] hashes = batch.hashes;
        if (size < STRIPES.length * 4) {
            for (int j = 0; j < size; j++) {
                put(states[j]);
            }
            return;
        }
        int mask = STRIPES.length - 1;
        int[] start = new int[STRIPES.length + 1];
        for (int j = 0; j < size; j++) {
            start[(hashes[j] & mask) + 1]++;
        }
        for (int i = 0; i < STRIPES.length; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, STRIPES.length);
        InstanceState[] sorted = new InstanceState[size];
        int[] sortedHashes = new int[size];
        for (int j = 0; j < size; j++) {
            int slot = next[hashes[j] & mask]++;
            sorted[slot] = states[j];
            sortedHashes[slot] = hashes[j];
        }
        for (int i = 0; i < STRIPES.length; i++) {
            int count = start[i + 1] - start[i];
            if (count > 0) {
                STRIPES[i].putAllNew(sorted, sortedHashes, start[i], count);
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

        /** The slot holding the state of {@code instance}, or {@code -1 - free} with the free slot it would take. */
        private int find(Object instance, int hash) {
            @Nullable InstanceState[] table = states;
            int mask = table.length - 1;
            for (int i = home(hash, mask);; i = (i + 1) & mask) {
                InstanceState state = table[i];
                if (state == null) {
                    return -1 - i;
                }
                if (hashes[i] == hash && state.get() == instance) {
                    return i;
                }
            }
        }

        synchronized @Nullable InstanceState get(Object instance, int hash) {
            int slot = find(instance, hash);
            return slot >= 0 ? states[slot] : null;
        }

        /** Records a state, replacing an earlier one of the same object. */
        synchronized void put(InstanceState state) {
            Object instance = state.get();
            if (instance == null) {
                return; // collected already: nothing can ask for it
            }
            int slot = find(instance, state.hash);
            if (slot >= 0) {
                states[slot] = state;
            } else {
                take(-1 - slot, state);
            }
        }

        synchronized @Nullable InstanceState putIfAbsent(InstanceState state) {
            int slot = find(state.object(), state.hash);
            if (slot >= 0) {
                return states[slot];
            }
            take(-1 - slot, state);
            return null;
        }

        /** Files a state in a free slot, rebuilding the table once it is half full. */
        private void take(int slot, InstanceState state) {
            states[slot] = state;
            hashes[slot] = state.hash;
            if (++used > states.length >> 1) {
                rebuild(0);
            }
        }

        /** Records {@code count} states of new objects from {@code sorted}, all of this stripe, growing once. */
        synchronized void putAllNew(InstanceState[] sorted, int[] sortedHashes, int from, int count) {
            if (used + count > states.length >> 1) {
                rebuild(count);
            }
            @Nullable InstanceState[] table = states;
            int[] tableHashes = hashes;
            int mask = table.length - 1;
            for (int j = from; j < from + count; j++) {
                int hash = sortedHashes[j];
                int i = home(hash, mask);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = sorted[j];
                tableHashes[i] = hash;
            }
            used += count;
        }

        /**
         * Copies the states of live objects into a table at most a quarter full once {@code incoming} more are
         * added, and not smaller than half the old one (a table emptied by the collector is about to fill again as
         * the next objects are loaded).
         */
        private void rebuild(int incoming) {
            @Nullable InstanceState[] old = states;
            int[] oldHashes = hashes;
            // One pass reads each state (a cache miss apiece once the table is large) and packs the live ones;
            // the new table is sized from their count and filled from the packed arrays.
            InstanceState[] kept = new InstanceState[used];
            int[] keptHashes = new int[used];
            int live = 0;
            for (int j = 0; j < old.length; j++) {
                InstanceState state = old[j];
                if (state != null && state.get() != null) {
                    kept[live] = state;
                    keptHashes[live++] = oldHashes[j];
                }
            }
            int capacity = Math.max(INITIAL_CAPACITY, old.length >> 1);
            while (capacity < (live + incoming) * 4) {
                capacity <<= 1;
            }
            @Nullable InstanceState[] table = new InstanceState[capacity];
            int[] tableHashes = new int[capacity];
            int mask = capacity - 1;
            for (int j = 0; j < live; j++) {
                int i = home(keptHashes[j], mask);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = kept[j];
                tableHashes[i] = keptHashes[j];
            }
            states = table;
            hashes = tableHashes;
            used = live;
        }
    }
}
