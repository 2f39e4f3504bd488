package io.retort.impl.orm;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A session's identity map: the states of the objects it holds by row, found by mapped class and primary key.
 *
 * <p>A linear-probing table of the states themselves, with their key hashes beside them: holding an object costs two
 * array slots, not a key and an entry object, growing copies two arrays without reading a state, and a miss (every
 * row of a query the session has not seen) compares integers only. The key is read from the state
 * ({@code mapper.entityClass()}, {@code identity}), so a state's identity must not change while it is in the map:
 * remove it, change it, put it back. Iteration is in no particular order and fails fast if a state is added or
 * removed (as {@link java.util.HashMap}'s, replacing one under its key is no such change). Confined
 * to its session's thread.
 */
public final class IdentityMap extends AbstractCollection<InstanceState> {
    private static final int INITIAL_CAPACITY = 16;
    /**
     * The table of a map that has held nothing yet, shared: one empty slot, so that a look-up misses without a test,
     * and the first {@link #fill} makes the map's own table (a session that loads nothing makes none).
     */
    private static final @Nullable InstanceState[] NONE = new InstanceState[1];
    private static final int[] NO_HASHES = new int[1];
    private @Nullable InstanceState[] states = NONE;
    private int[] hashes = NO_HASHES;
    private int size;
    /** See {@link #hasMutableValues()}. */
    private boolean mutableValues;
    private int modifications;
    /** Rebuilds of the table (growth, or room made ahead): each one moves the states to other slots. */
    private int rebuilds;
    /**
     * The key a {@link #getForPut} missed (null when none), with its class, hash, free slot, and the modification and
     * rebuild counts then.
     */
    private @Nullable Object missed;
    private @Nullable Class<?> missedType;
    private int missedHash;
    private int missedSlot;
    private int missedAt;
    private int missedRebuild;

    /**
     * The key's hash, spread as {@link java.util.HashMap} spreads it and no further: sequential keys (most generated
     * keys) take neighbouring slots, so a query's rows fill the table, and iteration visits the states, in the order
     * they were allocated, which the processor's caches reward.
     */
    private static int hash(Class<?> type, Object identity) {
        int h = type.hashCode() * 31 + identity.hashCode();
        return h ^ (h >>> 16);
    }

    private static Object identityOf(InstanceState state) {
        Object identity = state.identity;
        if (identity == null) {
            throw new IllegalStateException("A " + state.mapper.entityClass().getSimpleName() + " without an"
                    + " identity cannot be in the identity map");
        }
        return identity;
    }

    /** The slot of the state held under this key, or {@code -1 - free} with the free slot it would take. */
    private int find(Class<?> type, Object identity, int hash) {
        @Nullable InstanceState[] table = states;
        int mask = table.length - 1;
        for (int i = hash & mask;; i = (i + 1) & mask) {
            InstanceState state = table[i];
            if (state == null) {
                return -1 - i;
            }
            if (hashes[i] == hash && state.mapper.identityClass() == type && identity.equals(state.identity)) {
                return i;
            }
        }
    }

    /** The state held under this class and identity, or null. */
    @Nullable InstanceState get(Class<?> type, Object identity) {
        int slot = find(type, identity, hash(type, identity));
        return slot >= 0 ? states[slot] : null;
    }

    /**
     * {@link #get}, for a {@link #putAbsent} of the same key that may follow: a miss remembers the free slot it
     * found, so that loading a row the session has not seen probes the table once, not twice.
     */
    @Nullable InstanceState getForPut(Class<?> type, Object identity) {
        int hash = hash(type, identity);
        int slot = find(type, identity, hash);
        if (slot >= 0) {
            missed = null;
            return states[slot];
        }
        missed = identity;
        missedType = type;
        missedHash = hash;
        missedSlot = -1 - slot;
        missedAt = modifications;
        missedRebuild = rebuilds;
        return null;
    }

    /**
     * Holds a state whose key {@link #getForPut} found absent just before: in the free slot it found, when the table
     * has not changed since and the key is the same; otherwise as {@link #put} does.
     */
    void putAbsent(InstanceState state) {
        Object identity = missed;
        missed = null;
        if (identity == null || state.identity != identity || state.mapper.identityClass() != missedType
                || modifications != missedAt || rebuilds != missedRebuild || states[missedSlot] != null) {
            put(state);
            return;
        }
        mutableValues |= state.mapper.hasMutableValues();
        fill(missedSlot, missedHash, state);
    }

    /** Holds a new key's state in the free slot {@code slot}, growing the table when it is half full. */
    private void fill(int slot, int hash, InstanceState state) {
        modifications++;
        int at = slot;
        if (states == NONE) {
            states = new InstanceState[INITIAL_CAPACITY];
            hashes = new int[INITIAL_CAPACITY];
            at = hash & (INITIAL_CAPACITY - 1); // the new table is empty: the key's own slot is free
        }
        states[at] = state;
        hashes[at] = hash;
        if (++size > states.length >> 1) {
            grow();
        }
    }

    /** Whether a state of a class whose values can change in place was held since the last {@link #clear()}. */
    boolean hasMutableValues() {
        return mutableValues;
    }

    /** Holds a state under its class and identity; the state it replaces, or null. */
    public @Nullable InstanceState put(InstanceState state) {
        mutableValues |= state.mapper.hasMutableValues();
        Class<?> type = state.mapper.identityClass();
        Object identity = identityOf(state);
        int hash = hash(type, identity);
        int slot = find(type, identity, hash);
        if (slot >= 0) {
            InstanceState replaced = states[slot]; // in place: not a change an iteration must notice
            states[slot] = state;
            return replaced;
        }
        fill(-1 - slot, hash, state);
        return null;
    }

    /** Lets go of this state (not of another one held under the same key); whether it was held. */
    public boolean remove(InstanceState state) {
        Object identity = state.identity;
        if (identity == null) {
            return false;
        }
        int hash = hash(state.mapper.identityClass(), identity);
        @Nullable InstanceState[] table = states;
        int mask = table.length - 1;
        for (int i = hash & mask;; i = (i + 1) & mask) {
            InstanceState present = table[i];
            if (present == null) {
                return false;
            }
            if (present == state) {
                vacate(i);
                size--;
                modifications++;
                return true;
            }
        }
    }

    /** Empties slot {@code i}, moving back the later states of its run whose probe passes through it. */
    private void vacate(int i) {
        @Nullable InstanceState[] table = states;
        int mask = table.length - 1;
        int hole = i;
        for (int j = (hole + 1) & mask; table[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                table[hole] = table[j];
                hashes[hole] = hashes[j];
                hole = j;
            }
        }
        table[hole] = null;
        hashes[hole] = 0;
    }

    /**
     * Makes room for {@code more} states beyond those held, at once: a flush that files 100,000 inserted objects
     * rebuilds the table once instead of at every doubling.
     */
    public void ensureCapacity(int more) {
        long needed = (long) size + more;
        int capacity = Math.max(states.length, INITIAL_CAPACITY);
        while (needed > capacity >> 1 && capacity < (1 << 30)) {
            capacity <<= 1;
        }
        if (capacity != states.length) {
            rehash(capacity);
        }
    }

    /**
     * Twice the room while the table is small; four times beyond {@value #QUADRUPLE_FROM} slots, so that a query
     * loading half a million objects rebuilds the table three times fewer (and zeroes a third of the arrays) with
     * the same final size.
     */
    private void grow() {
        rehash(states.length << (states.length >= QUADRUPLE_FROM && states.length <= 1 << 28 ? 2 : 1));
    }

    private static final int QUADRUPLE_FROM = 1 << 16;

    private void rehash(int capacity) {
        rebuilds++;
        @Nullable InstanceState[] old = states;
        int[] oldHashes = hashes;
        @Nullable InstanceState[] table = new InstanceState[capacity];
        int[] tableHashes = new int[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < old.length; j++) {
            if (old[j] != null) {
                int i = oldHashes[j] & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = old[j];
                tableHashes[i] = oldHashes[j];
            }
        }
        states = table;
        hashes = tableHashes;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        mutableValues = false;
        if (states.length > INITIAL_CAPACITY * 64) {
            states = NONE;
            hashes = NO_HASHES;
        } else if (states != NONE) {
            Arrays.fill(states, null);
        }
        size = 0;
        modifications++;
    }

    @Override
    public Iterator<InstanceState> iterator() {
        return new Iterator<>() {
            private final @Nullable InstanceState[] table = states;
            private final int expected = modifications;
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < table.length && table[i] == null) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < table.length;
            }

            @Override
            public InstanceState next() {
                if (modifications != expected) {
                    throw new ConcurrentModificationException("The identity map changed while it was iterated");
                }
                if (next >= table.length) {
                    throw new NoSuchElementException();
                }
                InstanceState state = table[next];
                if (state == null) { // advance() stops only at filled slots
                    throw new IllegalStateException("The identity map's iterator stood on an empty slot");
                }
                next = advance(next + 1);
                return state;
            }
        };
    }
}
