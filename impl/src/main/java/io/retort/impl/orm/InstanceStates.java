package io.retort.impl.orm;

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
            Object instance = state.get();
            if (instance == null) {
                return; // collected already: nothing can ask for it
            }
            @Nullable InstanceState[] table = states;
            int mask = table.length - 1;
            int hash = state.hash;
            int i = home(hash, mask);
            for (InstanceState present = table[i]; present != null; present = table[i = (i + 1) & mask]) {
                if (hashes[i] == hash && present.get() == instance) {
                    table[i] = state;
                    return;
                }
            }
            table[i] = state;
            hashes[i] = hash;
            if (++used > table.length >> 1) {
                rebuild();
            }
        }

        /**
         * Copies the states of live objects into a table at most a quarter full, and not smaller than half the old
         * one (a table emptied by the collector is about to fill again as the next objects are loaded).
         */
        private void rebuild() {
            @Nullable InstanceState[] old = states;
            int[] oldHashes = hashes;
            int live = 0;
            for (InstanceState state : old) {
                if (state != null && state.get() != null) {
                    live++;
                }
            }
            int capacity = Math.max(INITIAL_CAPACITY, old.length >> 1);
            while (capacity < live * 4) {
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
