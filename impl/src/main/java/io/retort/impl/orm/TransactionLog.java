package io.retort.impl.orm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the flushes of a session's current transaction did that a rollback must undo in memory, as SQLAlchemy's
 * {@code SessionTransaction} snapshots: the objects inserted (transient again), deleted (persistent again) and
 * re-keyed (their former key back). A savepoint takes a {@link Mark}; rolling back to it undoes only what was done
 * since. Confined to the session's thread.
 */
final class TransactionLog {
    private final DefaultSession session;
    private final IdentityMap identityMap;
    /**
     * Objects whose DELETE was flushed in the current transaction (one expunged since has left the session: its state
     * says, and nothing is undone for it).
     */
    final List<InstanceState> deleted = new ArrayList<>();
    /** Persistent objects whose primary key a flush of this transaction changed (a rollback changes it back). */
    final List<InstanceState> rekeyed = new ArrayList<>();
    /**
     * Objects whose INSERT was flushed in the current transaction (some may have left since: their state says), so
     * that a commit or rollback need not look at every object the session holds.
     */
    final List<InstanceState> inserted = new ArrayList<>();

    TransactionLog(DefaultSession session, IdentityMap identityMap) {
        this.session = session;
        this.identityMap = identityMap;
    }

    /** Whether the current transaction flushed an INSERT or a DELETE. */
    boolean flushedInsertOrDelete() {
        return !inserted.isEmpty() || !deleted.isEmpty();
    }

    /** After a commit: flushed deletions leave the session, and the transaction's records are dropped. */
    void committed() {
        for (InstanceState state : deleted) {
            if (state.session() == session) { // one expunged since is detached already
                state.detach();
            }
        }
        deleted.clear();
        for (InstanceState state : inserted) {
            if (state.session() == session) { // one that left was reset then, and may belong to another session now
                state.insertedInTransaction = false;
                state.beforeInsert = null;
            }
        }
        inserted.clear();
        forgetKeys();
    }

    /**
     * After a rollback, before anything else: objects inserted in the transaction are transient again with their
     * generated keys cleared, re-keyed ones get their former key, and flushed deletions are undone.
     */
    void rolledBack() {
        if (inserted.isEmpty() && rekeyed.isEmpty() && deleted.isEmpty()) {
            return; // a transaction that wrote nothing through the flush (most reads)
        }
        for (InstanceState state : inserted) {
            if (state.insertedInTransaction && state.session() == session
                    && state.status() == InstanceState.Status.PERSISTENT) {
                forgetInsert(state); // else: left the session since, or deleted (undone below)
            }
        }
        for (InstanceState state : rekeyed) {
            if (state.identityBeforeRekey != null && state.keyBeforeRekey != null) {
                rekey(state, state.identityBeforeRekey, state.keyBeforeRekey);
            }
        }
        forgetKeys();
        for (InstanceState state : deleted) {
            if (state.session() == session) {
                restoreDeleted(state, state.insertedInTransaction);
            }
        }
        deleted.clear();
        inserted.clear();
    }

    /** An object inserted in the rolled-back work: its row never existed, so it is transient with its keys cleared. */
    private void forgetInsert(InstanceState state) {
        identityMap.remove(state);
        state.restoreBeforeInsert();
        state.identity = null;
        state.committed = null;
        state.detach();
    }

    /** A deletion rolled back: persistent again, or transient where its row was inserted by the rolled-back work. */
    private void restoreDeleted(InstanceState state, boolean insertedInRolledBackWork) {
        if (insertedInRolledBackWork) {
            state.restoreBeforeInsert();
            state.identity = null;
            state.committed = null;
            state.detach();
            return;
        }
        state.status(InstanceState.Status.PERSISTENT);
        InstanceState replaced = identityMap.put(state);
        if (replaced != null && replaced != state) {
            // An object loaded in the transaction under the key its deleted row freed (a row inserted by other
            // means): that row is rolled back, and the restored object holds the key (SQLAlchemy discards it).
            replaced.detach();
        }
    }

    /**
     * Gives a persistent object a key back, in its fields, its committed values and the identity map, so that its
     * next read loads its own row and its next UPDATE names it (before deleted neighbours are restored, one of which
     * may have had the new key).
     */
    private void rekey(InstanceState state, Object identity, @Nullable Object[] key) {
        if (state.session() != session || state.status() != InstanceState.Status.PERSISTENT
                || identity.equals(state.identity)) {
            return;
        }
        identityMap.remove(state);
        Attribute[] attributes = state.mapper.key();
        @Nullable Object[] committed = state.committed;
        for (int i = 0; i < attributes.length; i++) {
            attributes[i].set(state.object(), key[i]);
            if (committed != null) {
                committed[attributes[i].index()] = key[i];
            }
        }
        state.identity = identity;
        InstanceState replaced = identityMap.put(state);
        if (replaced != null && replaced != state) {
            replaced.detach();
        }
    }

    /** The transaction ended: the keys objects had before it are no longer needed. */
    void forgetKeys() {
        for (InstanceState state : rekeyed) {
            state.identityBeforeRekey = null;
            state.keyBeforeRekey = null;
        }
        rekeyed.clear();
    }

    /**
     * What the transaction had done when a savepoint began: how many inserted and deleted objects it had recorded
     * (the lists only grow between a transaction's start and a rollback, which cuts them back to a mark's length, so
     * the objects recorded before the mark are the first ones: a savepoint per row of a large session copies
     * nothing), and the key of each object it had re-keyed.
     */
    record Mark(int inserted, int deleted, Map<InstanceState, KeyAt> keys) {
    }

    /** An object's identity and key field values at a mark. */
    record KeyAt(Object identity, @Nullable Object[] key) {
    }

    /** A mark of what the transaction has done so far, for a savepoint. */
    Mark mark() {
        Map<InstanceState, KeyAt> keys = new IdentityHashMap<>();
        for (InstanceState state : rekeyed) {
            if (state.identity != null && state.instance() != null) {
                Attribute[] attributes = state.mapper.key();
                @Nullable Object[] key = new Object[attributes.length];
                for (int i = 0; i < key.length; i++) {
                    key[i] = attributes[i].get(state.object());
                }
                keys.put(state, new KeyAt(state.identity, key));
            }
        }
        return new Mark(inserted.size(), deleted.size(), keys);
    }

    /**
     * After a rollback to a savepoint: what the flushes did since {@code mark} is undone in memory, as
     * {@link #rolledBack} undoes a whole transaction; what they did before stays recorded for the transaction.
     */
    void rolledBackTo(Mark mark) {
        List<InstanceState> since = inserted.subList(Math.min(mark.inserted(), inserted.size()), inserted.size());
        Set<InstanceState> insertedSince = identitySet(since);
        for (InstanceState state : since) {
            if (state.session() == session && state.status() == InstanceState.Status.PERSISTENT) {
                forgetInsert(state);
            }
        }
        since.clear();
        List<InstanceState> rekeyedBefore = new ArrayList<>();
        for (InstanceState state : rekeyed) {
            KeyAt at = mark.keys().get(state);
            if (at != null) {
                rekey(state, at.identity(), at.key());
                rekeyedBefore.add(state);
            } else if (state.identityBeforeRekey != null && state.keyBeforeRekey != null) {
                rekey(state, state.identityBeforeRekey, state.keyBeforeRekey); // its key when the savepoint began
                state.identityBeforeRekey = null;
                state.keyBeforeRekey = null;
            }
        }
        rekeyed.clear();
        rekeyed.addAll(rekeyedBefore);
        List<InstanceState> deletedSince = deleted.subList(Math.min(mark.deleted(), deleted.size()), deleted.size());
        for (InstanceState state : deletedSince) {
            if (state.session() == session) {
                restoreDeleted(state, insertedSince.contains(state));
            }
        }
        deletedSince.clear();
    }

    private static Set<InstanceState> identitySet(List<InstanceState> states) {
        Set<InstanceState> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(states);
        return set;
    }
}
