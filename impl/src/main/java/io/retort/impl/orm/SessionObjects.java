package io.retort.impl.orm;

import io.retort.exception.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The objects a session holds, as SQLAlchemy's identity map with the session's new and deleted collections: the
 * persistent objects by class and key, the pending ones, those changed since the last flush, and those a flush
 * inserted or deleted in the current transaction, with the state changes a commit, a rollback or a close makes to
 * them. Confined to the session's thread.
 */
final class SessionObjects {
    private final DefaultSession session;
    /** Persistent objects (loaded or flushed) by class and primary key. */
    private final IdentityMap identityMap = new IdentityMap();
    /** Added objects not yet flushed, in the order they were added. */
    private final List<InstanceState> pending = new ArrayList<>();
    /**
     * Persistent objects the application changed since the last flush (their state says so, and may have left the
     * session since): with the pending ones, all a flush looks at, unless their class has values that change in place.
     */
    private final List<InstanceState> modified = new ArrayList<>();
    /** What the flushes of the current transaction inserted, deleted and re-keyed, for a rollback to undo. */
    private final TransactionLog log;

    SessionObjects(DefaultSession session) {
        this.session = session;
        this.log = new TransactionLog(session, identityMap);
    }

    /** What the flushes of the current transaction did (a savepoint marks it, a rollback to one undoes part of it). */
    TransactionLog log() {
        return log;
    }

    /** The persistent objects. */
    IdentityMap identityMap() {
        return identityMap;
    }

    /**
     * Puts an object of {@code mapper}'s class in the session without walking its relationships: a new (or transient
     * again) object becomes pending, a detached one persistent again under its identity. The attached state, or null
     * when the session holds the object already.
     */
    @Nullable InstanceState attach(EntityMapper<?> mapper, Object instance) {
        InstanceState state = InstanceState.of(instance);
        if (state == null) {
            return addPending(mapper, instance);
        }
        if (state.rowDeleted() && state.identity != null
                && (state.status() == InstanceState.Status.DELETED || state.status() == InstanceState.Status.DETACHED)) {
            throw new InvalidRequestException("Cannot add " + mapper.describe(instance) + ": its row was deleted"
                    + (state.status() == InstanceState.Status.DELETED ? " by this session's flush (a rollback brings"
                    + " it back)" : " and committed") + "; to insert the row again, add a new object with its values");
        }
        if (state.session() == session) {
            return null;
        }
        if (state.session() != null && !state.session().isClosed()) {
            throw new InvalidRequestException(mapper.describe(instance) + " is already in another open session;"
                    + " expunge it from that session (or close it) first, or merge() a copy into this one");
        }
        if (state.status() == InstanceState.Status.TRANSIENT || state.identity == null) {
            // Transient again (expunged while pending, or its INSERT rolled back): a new state, so that nothing of
            // its earlier life (collections installed for another session, a snapshot) carries over.
            return addPending(mapper, instance);
        }
        // A detached object: persistent again under its identity.
        InstanceState present = identityMap.get(mapper.identityClass(), state.identity);
        if (present != null) {
            throw new InvalidRequestException("Cannot add detached " + mapper.describe(instance) + ": this session"
                    + " already holds another instance with that identity; use session.merge(obj) to copy its state"
                    + " onto the instance the session holds");
        }
        state.attach(session, instance);
        identityMap.put(state);
        takeBackCollections(state, instance);
        state.modified = false;
        state.markModified(); // it may have changed while detached
        return state;
    }

    /**
     * A detached object added again: its ORM collections are its own again. A loaded one keeps its elements as
     * loaded or last flushed, so that what the application removed while the object was detached is written; one
     * never loaded is replaced by a new unloaded one, which loads in this session (its load group was the old
     * session's). Before, both were taken for collections the application had put in place, measured against no
     * rows: removals were never written, and an unloaded collection read as empty.
     */
    private static void takeBackCollections(InstanceState state, Object instance) {
        if (!state.mapper.hasRelationships()) {
            return;
        }
        for (RelationshipMapper relationship : state.mapper.relationships()) {
            if (relationship.isCollection() && relationship.get(instance) instanceof TrackedCollection tracked
                    && tracked.tracking().ownerState == state) {
                if (tracked.tracking().isLoaded()) {
                    state.install(relationship.index, tracked.tracking());
                } else {
                    Loader.install(relationship, instance, state, CollectionTracking.Mode.LAZY, null)
                            .takeQueued(tracked.tracking());
                }
            }
        }
    }

    /** A new pending state for a transient object, in the order objects were added. */
    InstanceState addPending(EntityMapper<?> mapper, Object instance) {
        InstanceState fresh = new InstanceState(mapper, instance, InstanceState.Status.PENDING, session);
        fresh.bind(instance);
        pending.add(fresh);
        return fresh;
    }

    /** Records an object the application changed, for the next flush. */
    void modified(InstanceState state) {
        modified.add(state);
    }

    /** The pending objects, in the order they were added. */
    List<InstanceState> pendingStates() {
        return new ArrayList<>(pending);
    }

    /** Whether the current transaction flushed an INSERT or a DELETE. */
    boolean flushedInTransaction() {
        return log.flushedInsertOrDelete();
    }

    /**
     * The objects a flush looks at: the pending ones, the persistent ones changed since the last flush, and every
     * object of a class whose values can change in place (a byte[], a mutable type of the application's), which no
     * write reports.
     */
    List<InstanceState> flushCandidates() {
        List<InstanceState> candidates = new ArrayList<>(pending.size() + modified.size());
        candidates.addAll(pending);
        for (InstanceState state : modified) {
            if (state.session() == session && state.status() == InstanceState.Status.PERSISTENT) {
                candidates.add(state);
            }
        }
        if (identityMap.hasMutableValues()) {
            for (InstanceState state : identityMap) {
                if (state.mapper.hasMutableValues() && !state.modified) {
                    candidates.add(state);
                }
            }
        }
        return candidates;
    }

    /**
     * The unit of work of a flush: the pending objects and the persistent ones among {@code touched} (the flush's
     * candidates and what the cascades reached), with the objects changed on the way (a cleared back reference).
     */
    FlushWork unitOfWork(Set<InstanceState> touched) {
        touched.addAll(modified);
        List<InstanceState> held = new ArrayList<>();
        for (InstanceState state : touched) {
            if (state.session() == session && state.status() == InstanceState.Status.PERSISTENT) {
                held.add(state);
            }
        }
        return session.flushes().create(session.engine(), held, pending, session.events);
    }

    /** After a flush's statements succeeded: the objects take the state the flush gave them. */
    void flushed(FlushWork work) {
        work.complete(identityMap, pending, log.deleted, log.inserted, log.rekeyed);
        clearModified();
    }

    /** After a flush or a rollback: nothing is changed any more. */
    void clearModified() {
        for (InstanceState state : modified) {
            state.modified = false;
        }
        modified.clear();
    }

    /** The persistent objects of a class in the identity map, not marked for deletion. */
    List<InstanceState> heldOf(EntityMapper<?> mapper) {
        List<InstanceState> states = new ArrayList<>();
        for (InstanceState state : identityMap) {
            if (state.mapper == mapper && !state.markedForDeletion) {
                states.add(state);
            }
        }
        return states;
    }

    /** How many objects the identity map holds (a load that adds one made a new object). */
    int heldCount() {
        return identityMap.size();
    }

    /**
     * yieldPer: an unchanged object an earlier batch loaded leaves the session (detached), so that a result larger
     * than memory can be walked; a later write to it is refused ({@link InstanceState#releasedByYieldPer}).
     */
    void release(InstanceState state) {
        Object identity = state.identity;
        if (state.session() == session && state.status() == InstanceState.Status.PERSISTENT && !state.modified
                && !state.markedForDeletion && identity != null
                && identityMap.get(state.mapper.entityClass(), identity) == state) {
            identityMap.remove(state);
            state.detach();
            state.releasedByYieldPer = true;
        }
    }

    /** An object whose row an ORM DELETE removed: deleted, as after a flushed delete (detached at commit). */
    void deletedByStatement(InstanceState state) {
        identityMap.remove(state);
        state.status(InstanceState.Status.DELETED);
        state.markedForDeletion = false;
        log.deleted.add(state);
    }

    /** The pending and persistent objects of one mapped class, or of all when {@code mapper} is null. */
    List<InstanceState> attachedStates(@Nullable EntityMapper<?> mapper) {
        List<InstanceState> states = new ArrayList<>();
        for (InstanceState state : pending) {
            if (mapper == null || state.mapper == mapper) {
                states.add(state);
            }
        }
        for (InstanceState state : identityMap) {
            if (mapper == null || state.mapper == mapper) {
                states.add(state);
            }
        }
        return states;
    }

    /** Whether an object of the class is pending (a new object may have the key a lookup asks for). */
    boolean hasPending(EntityMapper<?> mapper) {
        for (InstanceState state : pending) {
            if (state.mapper.identityClass() == mapper.identityClass()) { // a subclass's object may take the key
                return true;
            }
        }
        return false;
    }

    /** The identity-map state of an object of {@code mapper} with this identity, unless deleted. */
    @Nullable InstanceState held(EntityMapper<?> mapper, Object identity) {
        InstanceState state = identityMap.get(mapper.identityClass(), identity);
        return state == null || state.markedForDeletion ? null : state;
    }

    /** Takes an object out of the session's collections (the caller detaches it). */
    void remove(InstanceState state) {
        if (state.status() == InstanceState.Status.PENDING) {
            pending.remove(state);
        } else if (state.identity != null) {
            identityMap.remove(state); // a flushed deletion stays in the log, which skips a state that left
        }
    }

    /** Detaches every object: the session holds none. */
    void detachAll() {
        // Lazily: each state sees at its next use that it belongs to an earlier generation and detaches then
        // (InstanceState.settle), so closing a session that loaded a million objects does not visit them.
        session.generation++;
        pending.clear();
        identityMap.clear();
        log.deleted.clear();
        log.forgetKeys();
    }

    /** Without a transaction begun: the objects added since are transient again. */
    void discardPending() {
        if (pending.isEmpty()) {
            return;
        }
        for (InstanceState state : pending) {
            state.detach();
        }
        pending.clear();
    }

    /** Expires every persistent object. */
    void expireAll() {
        for (InstanceState state : identityMap) {
            expire(state);
        }
    }

    /** Marks an object for reload; its loaded collections unload and its references reload with it. */
    static void expire(InstanceState state) {
        state.expired = true;
        state.writtenWhileExpired = null;
        state.writtenUnloaded = null; // changes made before expire() are discarded, these too
        state.discardReferenceWrites();
        if (state.instance() != null && state.committed != null
                && (state.modified || state.mapper.hasMutableValues())) {
            // Changes made before expire() are discarded; fields assigned after it are written by the next flush.
            // An unchanged object's fields are its committed values already (after a commit, every object): no copy.
            state.committed = Values.snapshot(state.mapper.values(state.instance()));
        }
        if (state.collections != null) {
            for (CollectionTracking tracking : state.collections) {
                if (tracking != null) {
                    tracking.expire();
                }
            }
        }
    }

    /**
     * After a commit: flushed deletions leave the session, new objects stay persistent, and with {@code expire} every
     * object is expired (its next read loads it in a new transaction).
     */
    void afterCommit(boolean expire) {
        log.committed();
        if (expire) {
            expireAll();
        }
    }

    /**
     * After a rollback: objects inserted in the transaction and still-pending ones are transient again (their
     * generated keys cleared), flushed deletions are persistent again, and every persistent object is expired.
     */
    void afterRollback() {
        undoInserts();
        expireAfterRollback();
    }

    /**
     * After a rollback to a savepoint: what the flushes did since it began is undone in memory, objects added since
     * are transient again, and every persistent object is expired (SQLAlchemy expires only those changed since the
     * savepoint began; expiring all costs reloads, never a stale read).
     */
    void afterRollbackTo(TransactionLog.Mark mark) {
        discardPending();
        log.rolledBackTo(mark);
        expireAfterRollback();
    }

    private void expireAfterRollback() {
        for (InstanceState state : identityMap) {
            state.markedForDeletion = false;
            expire(state);
        }
        clearModified(); // the objects are expired: changes made before the rollback are gone with it
    }

    /**
     * After a rollback, before anything else: objects inserted in the transaction (and those still pending) are
     * transient again with their generated keys cleared, and flushed deletions are undone.
     */
    void undoInserts() {
        discardPending();
        log.rolledBack();
    }

    /**
     * The names of the mapped fields of a persistent object changed since it was loaded or flushed: columns, and
     * relationships (a collection that gained or lost elements, a reference set to another object), as SQLAlchemy's
     * {@code is_modified()} and {@code session.dirty} count them.
     */
    static Set<String> changedAttributes(InstanceState state) {
        if (state.status() != InstanceState.Status.PERSISTENT || state.committed == null || state.instance() == null
                || state.expired && state.writtenWhileExpired == null) {
            return Set.of();
        }
        boolean[] written = state.expired ? state.writtenWhileExpired : null;
        Set<String> changed = new LinkedHashSet<>();
        for (Attribute attribute : state.mapper.attributes()) {
            if (written != null ? written[attribute.enhancedIndex()]
                    : DeferredColumns.skipped(state, attribute.index()) ? false
                    : state.writtenUnloaded != null && state.writtenUnloaded.get(attribute.index())
                            || !Values.same(attribute.get(state.instance()), state.committed[attribute.index()])) {
                changed.add(attribute.name());
            }
        }
        if (state.mapper.hasRelationships()) {
            for (RelationshipMapper relationship : state.mapper.relationships()) {
                if (relationshipChanged(state, relationship)) {
                    changed.add(relationship.name);
                }
            }
        }
        return changed;
    }

    private static boolean relationshipChanged(InstanceState state, RelationshipMapper relationship) {
        if (!relationship.isCollection()) {
            return !state.isReferenceUnloaded(relationship.index) && (state.isReferenceSetWhileUnloaded(
                    relationship.index) || relationship.get(state.object()) != state.committedReference(
                            relationship.index));
        }
        CollectionTracking tracking = state.installed(relationship.index);
        if (tracking == null || !tracking.isLoaded()) {
            return false;
        }
        List<Object> committed = tracking.committed();
        if (tracking.elements.size() != committed.size()) {
            return true;
        }
        Set<Object> before = identitySet();
        before.addAll(committed);
        for (Object element : tracking.elements) {
            if (!before.contains(element)) {
                return true;
            }
        }
        return false;
    }

    /** The pending objects, as {@code Session.newObjects()}. */
    Set<Object> newObjects() {
        Set<Object> objects = identitySet();
        for (InstanceState state : pending) {
            objects.add(state.object());
        }
        return Collections.unmodifiableSet(objects);
    }

    /** The persistent objects with changed fields, as {@code Session.dirtyObjects()}. */
    Set<Object> dirtyObjects() {
        Set<Object> objects = identitySet();
        for (InstanceState state : identityMap) {
            if (!state.markedForDeletion && !changedAttributes(state).isEmpty()) {
                objects.add(state.object());
            }
        }
        return Collections.unmodifiableSet(objects);
    }

    /** The objects marked for deletion, as {@code Session.deletedObjects()}. */
    Set<Object> deletedObjects() {
        Set<Object> objects = identitySet();
        for (InstanceState state : identityMap) {
            if (state.markedForDeletion) {
                objects.add(state.object());
            }
        }
        return Collections.unmodifiableSet(objects);
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /**
     * The state of the object for the columns of {@code mapper} starting at {@code offset} of a row's values: the one
     * the identity map holds (refreshed if expired) or a new persistent one; it is added to {@code loaded}. A row that
     * is all this mapper's columns becomes the object's committed snapshot as it is.
     */
    /** While a selectinPolymorphic() query loads its rows: where the objects it fills are noted, else null. */
    SelectinPolymorphic.@Nullable Fill fill;

    InstanceState loadRow(EntityMapper<?> queried, @Nullable Object[] row, int offset, Loader.LoadedObjects loaded) {
        return loadRow(queried, row, offset, loaded, Deferral.NONE);
    }

    /** {@link #loadRow(EntityMapper, Object[], int, Loader.LoadedObjects)} of a row that left out deferred columns. */
    InstanceState loadRow(EntityMapper<?> queried, @Nullable Object[] row, int offset, Loader.LoadedObjects loaded,
            Deferral deferral) {
        EntityMapper<?> mapper = queried;
        @Nullable Object[] values;
        Hierarchy hierarchy = queried.hierarchy();
        if (hierarchy != null) {
            // The row's class is its discriminator's; its attributes are where the query's layout put them.
            Hierarchy.Layout layout = hierarchy.layout(queried);
            mapper = Hierarchy.mapperOf(queried, layout, row[offset + queried.discriminator().index()]);
            // The layout of a hierarchy's query places every class of it, the discriminator's among them.
            int[] positions = Objects.requireNonNull(layout.positions.get(mapper), "class not in the layout");
            values = new Object[positions.length];
            for (int i = 0; i < positions.length; i++) {
                values[i] = row[offset + positions[i]];
            }
        } else {
            int width = mapper.attributes().size();
            values = offset == 0 && row.length == width ? row : Arrays.copyOfRange(row, offset, offset + width);
        }
        Object identity = mapper.identity(values);
        if (identity == null) {
            throw new InvalidRequestException("A row of " + mapper.table().name() + " has a NULL primary key"
                    + " (" + mapper.primaryKeyAttributes() + "), so it cannot be loaded as a "
                    + mapper.entityClass().getSimpleName());
        }
        InstanceState state = identityMap.getForPut(mapper.identityClass(), identity);
        // populateExisting: refilled from the row below once per query, its collections loaded again. An object that
        // is expired already is refilled anyway; it is noted all the same, or its next row would expire it again and
        // lose the fields the application set while it was expired.
        if (state != null && session.loader().refillsExisting(state, !state.expired)) {
            expire(state);
        }
        if (state != null) {
            Object existing = state.object();
            if (!state.expired) {
                if (state.unloadedColumns != null) {
                    DeferredColumns.fillUnloaded(state, values, deferral);
                }
                loaded.add(state, false);
                return state;
            }
            boolean[] written = state.writtenWhileExpired;
            if (fill != null) {
                fill.filled.add(state);
                fill.written.add(written);
            }
            if (written == null) {
                Populate.populate(mapper, existing, values, deferral);
            } else {
                // the application's writes since expiry stay
                Populate.populateExcept(mapper, existing, values, written, deferral);
            }
            DeferredColumns.afterFill(state, deferral, written);
            state.committed = Values.owned(mapper, values);
            state.expired = false;
            state.writtenWhileExpired = null;
            state.referencesExpired();
            loaded.add(state, true);
            return state;
        }
        Object instance = mapper.newInstance();
        Populate.populate(mapper, instance, values, deferral);
        InstanceState fresh = new InstanceState(mapper, instance, InstanceState.Status.PERSISTENT, session);
        if (!deferral.isEmpty()) {
            DeferredColumns.afterFill(fresh, deferral, null);
        }
        fresh.identity = identity;
        fresh.committed = Values.owned(mapper, values);
        fresh.bind(instance);
        identityMap.putAbsent(fresh);
        session.loader().refillsExisting(fresh, false);
        loaded.add(fresh, true);
        if (fill != null) { // its subclass columns are read after the query's rows: its after_load waits for them
            fill.filled.add(fresh);
            fill.written.add(null);
            fill.loadEvents.add(instance);
        } else {
            session.events.afterLoad(mapper, instance);
        }
        return fresh;
    }

    @Override
    public String toString() {
        return identityMap.size() + " persistent, " + pending.size() + " pending";
    }
}
