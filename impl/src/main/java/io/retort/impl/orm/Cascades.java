package io.retort.impl.orm;

import io.retort.exception.InvalidRequestException;
import io.retort.orm.Cascade;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Walks relationships from objects of a session: the save-update cascade (related objects join the session), the
 * ORM's own collections put in place of the application's, {@code backPopulates} kept in step with references, and at
 * flush the orphans and delete cascades. Confined to the session's thread.
 */
final class Cascades {
    private final DefaultSession session;

    Cascades(DefaultSession session) {
        this.session = session;
    }

    /** The save-update cascade from an object just added. */
    void cascadeFrom(InstanceState root, boolean flushing) {
        if (!root.mapper.hasRelationships()) {
            return;
        }
        Deque<InstanceState> work = new ArrayDeque<>();
        work.add(root);
        run(work, flushing, null);
    }

    /**
     * Before a flush: cascades from every object in the session. A first walk brings both sides of every relationship
     * in line (and related objects in); a second finds orphans and cascades deletes on that final picture, so the
     * result does not depend on the order objects are walked in.
     */
    Set<InstanceState> beforeFlush(List<InstanceState> states) {
        // InstanceState keeps Object's identity equality: an insertion-ordered set, so the flush's order is stable.
        // Pending objects reach the flush through the session's pending list, so only the others are kept here: a
        // large add+flush then builds no set of its new objects.
        Set<InstanceState> touched = new java.util.LinkedHashSet<>();
        for (InstanceState state : states) {
            if (state.status() != InstanceState.Status.PENDING) {
                touched.add(state);
            }
        }
        run(withRelationships(states), false, touched);
        // The second walk covers what the first reached and what it added to the session.
        List<InstanceState> reached = new ArrayList<>(touched);
        reached.addAll(session.objects().pendingStates());
        run(withRelationships(reached), true, touched);
        return touched;
    }

    /** The states whose class has relationships: the others have nothing to cascade. */
    private static Deque<InstanceState> withRelationships(List<InstanceState> states) {
        Deque<InstanceState> work = new ArrayDeque<>();
        for (InstanceState state : states) {
            if (state.mapper.hasRelationships()) {
                work.add(state);
            }
        }
        return work;
    }

    /**
     * Walks the cascades from the states in {@code work}; every state of this session it reaches (orphans and
     * cascaded deletes among them) is added to {@code touched}, when given, so that the flush looks at it.
     */
    private void run(Deque<InstanceState> work, boolean flushing, @Nullable Set<InstanceState> touched) {
        // An object is walked once, and again if it was marked for deletion since (its deletes then cascade).
        java.util.Map<InstanceState, Boolean> visited = new IdentityHashMap<>();
        while (!work.isEmpty()) {
            InstanceState state = work.poll();
            if (touched != null && state.session() == session) {
                touched.add(state);
            }
            if (state.instance() == null || state.session() != session || !state.mapper.hasRelationships()) {
                continue;
            }
            Boolean walked = visited.put(state, state.markedForDeletion);
            if (walked != null && walked == state.markedForDeletion) {
                continue;
            }
            Object owner = state.object();
            for (RelationshipMapper relationship : state.mapper.relationships()) {
                if (state.markedForDeletion) {
                    if (flushing) {
                        cascadeDelete(owner, relationship, work);
                    }
                } else if (relationship.isCollection()) {
                    collection(state, owner, relationship, work, flushing);
                } else {
                    reference(state, owner, relationship, work, flushing, touched != null);
                }
            }
        }
    }

    private void collection(InstanceState state, Object owner, RelationshipMapper relationship,
            Deque<InstanceState> work, boolean flushing) {
        Object value = relationship.get(owner);
        CollectionTracking installed = state.installed(relationship.index);
        CollectionTracking tracking;
        if (installed != null && value instanceof TrackedCollection
                && ((TrackedCollection) value).tracking() == installed) {
            if (!installed.isLoaded()) {
                // Not loaded: only what the other side added meanwhile (queued until it loads) joins the session.
                for (Object element : installed.queuedAdds()) {
                    work.add(ensureInSession(element, relationship, owner));
                }
                return;
            }
            tracking = installed;
        } else {
            // A new object's own collection, or one the application put in place of the ORM's: the ORM's takes its
            // elements, measured against what was there before (a replaced collection's missing rows are removed).
            List<Object> elements = value == null ? List.of()
                    : value instanceof TrackedCollection ? ((TrackedCollection) value).tracking().snapshot()
                    : new ArrayList<>((Collection<?>) value);
            List<Object> baseline = List.of();
            if (installed != null) {
                installed.ensureLoaded();
                baseline = installed.committed();
            }
            tracking = Loader.install(relationship, owner, state, CollectionTracking.Mode.LAZY, null);
            tracking.adopt(elements, baseline);
            for (Object element : elements) {
                if (!CollectionTracking.containsIdentical(baseline, element)) {
                    tracking.syncAdded(element);
                }
            }
            for (Object old : baseline) {
                if (!CollectionTracking.containsIdentical(elements, old)) {
                    tracking.syncRemoved(old); // left out of the new collection: its reference is cleared
                }
            }
        }
        List<Object> elements = tracking.snapshot();
        for (Object element : elements) {
            work.add(ensureInSession(element, relationship, owner));
        }
        if (relationship.cascades(Cascade.SAVE_UPDATE)) {
            Set<Object> current = null; // built only if an element it held as loaded is detached
            for (Object old : tracking.committed()) {
                InstanceState oldState = InstanceState.of(old);
                if (oldState == null || oldState.session() != null) {
                    continue; // in this session (or another): nothing to bring back
                }
                if (current == null) {
                    current = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                    current.addAll(elements);
                }
                if (!current.contains(old)) {
                    rejoin(old, work);
                }
            }
        }
        if (flushing && relationship.cascades(Cascade.DELETE_ORPHAN)) {
            List<Object> current = tracking.snapshot();
            for (Object old : tracking.committed()) {
                if (!CollectionTracking.containsIdentical(current, old) && !hasOtherParent(old, relationship, owner)) {
                    orphan(old, work);
                }
            }
        }
    }

    private void reference(InstanceState state, Object owner, RelationshipMapper relationship,
            Deque<InstanceState> work, boolean flushing, boolean beforeFlush) {
        if (state.isReferenceUnloaded(relationship.index)) {
            return; // never loaded nor set: nothing moved, and the field holds nothing to cascade to
        }
        if (beforeFlush && state.isReferenceSetWhileUnloaded(relationship.index)
                && state.status() == InstanceState.Status.PERSISTENT
                && (relationship.kind == RelationshipMapper.Kind.ONE_TO_ONE
                        || relationship.cascades(Cascade.DELETE_ORPHAN))) {
            Object replaced = loadReplaced(state, owner, relationship);
            InstanceState replacedState = replaced == null ? null : InstanceState.of(replaced);
            if (replacedState != null) {
                work.add(replacedState);
            }
        }
        Object target = relationship.get(owner);
        Object committed = state.committedReference(relationship.index);
        if (target != null) {
            work.add(ensureInSession(target, relationship, owner));
        }
        if (target == committed) {
            return;
        }
        if (committed != null && committed != InstanceState.UNLOADED && relationship.cascades(Cascade.SAVE_UPDATE)) {
            rejoin(committed, work);
        }
        RelationshipMapper back = relationship.backPopulates();
        if (back != null && back.isCollection()) {
            if (committed != null && committed != InstanceState.UNLOADED) {
                CollectionTracking.removeRaw(back.get(committed), owner);
            }
            if (target != null) {
                CollectionTracking.addRaw(back.get(target), owner);
            }
        } else if (back != null) {
            // One-to-one: the old target no longer points here, the new one does.
            if (committed != null && committed != InstanceState.UNLOADED && back.get(committed) == owner) {
                RelationshipEvents.setReference(back, committed, null);
            }
            if (target != null && back.get(target) != owner) {
                RelationshipEvents.setReference(back, target, owner);
            }
        }
        if (flushing && relationship.cascades(Cascade.DELETE_ORPHAN) && committed != null
                && committed != InstanceState.UNLOADED && !hasOtherParent(committed, relationship, owner)) {
            orphan(committed, work);
        }
    }

    /**
     * What a reference the application set before it was loaded referred to in the row, loaded now (one SELECT,
     * unless the session holds it) and recorded as the reference's committed target, the field keeping the value the
     * application set: the state then reads as "loaded, then changed", and the flush treats the replaced target as it
     * treats one that was loaded (SQLAlchemy loads the attribute's history at flush). Needed where the replaced target
     * must change: a one-to-one's target holds the foreign key (cleared, or the row deleted as an orphan), and a
     * delete-orphan many-to-one's target is deleted. A plain many-to-one's row alone holds the key, written from the
     * field, so it is not loaded for this.
     */
    private @Nullable Object loadReplaced(InstanceState state, Object owner, RelationshipMapper relationship) {
        Object assigned = relationship.get(owner);
        session.loader().loadReferencesAsLoaded(relationship, List.of(state), LoadPlan.NONE);
        Object replaced = relationship.get(owner);
        relationship.set(owner, assigned);
        return replaced;
    }

    /**
     * Whether an object removed from one parent's collection belongs to another parent now (it moved, it is not an
     * orphan): its back reference names another, or another parent's loaded collection holds it.
     */
    private boolean hasOtherParent(Object child, RelationshipMapper relationship, Object owner) {
        RelationshipMapper back = relationship.backPopulates();
        if (back != null && !back.isCollection()) {
            InstanceState childState = InstanceState.of(child);
            boolean fromRow = false;
            if (childState != null && childState.isReferenceUnloaded(back.index)
                    && childState.status() == InstanceState.Status.PERSISTENT && childState.session() == session) {
                // Whether the child belongs elsewhere decides whether its row is deleted: load, do not guess.
                session.loader().loadReferences(back, List.of(childState), LoadPlan.NONE);
                fromRow = true;
            }
            Object parent = back.get(child);
            if (parent != null && parent != owner || !fromRow) {
                return parent != null && parent != owner; // set in memory, it follows every move at once
            }
            // Loaded from the row, it names the parent before a move made since (the child expired after it was
            // set to another parent): another parent's loaded collection holding the child says it moved, and the
            // reference is set to that parent, as the move had set it (the flush then writes its key).
            Object moved = otherParent(child, relationship, owner, true);
            if (moved != null) {
                back.set(child, moved);
            }
            return moved != null;
        }
        return otherParent(child, relationship, owner, false) != null;
    }

    /**
     * Another object of the relationship's owner class that holds the child (loaded collection, or reference); with
     * {@code addedSince}, a collection only if the child was added to it since it loaded (one still holding a child
     * that has left it since, by SQL or another session, is no evidence of a move).
     */
    private @Nullable Object otherParent(Object child, RelationshipMapper relationship, Object owner,
            boolean addedSince) {
        for (InstanceState state : session.objects().attachedStates(relationship.owner)) {
            Object other = state.instance();
            if (other == owner || other == null) {
                continue;
            }
            if (!relationship.isCollection()) {
                if (relationship.get(other) == child) {
                    return other;
                }
                continue;
            }
            CollectionTracking tracking = state.installed(relationship.index);
            if (tracking != null && tracking.isLoaded()
                    && CollectionTracking.containsIdentical(tracking.elements, child)
                    && !(addedSince && CollectionTracking.containsIdentical(tracking.committed(), child))) {
                return other;
            }
        }
        return null;
    }

    /**
     * An object a relationship let go of (replaced as a reference, removed from a collection) while its owner was
     * detached, brought into the session with the owner if it is detached too: its row must change (its foreign key
     * is cleared, or as an orphan it is deleted), as SQLAlchemy's save-update cascade follows the attribute's history
     * ("newly added and deleted items"). Before, it stayed outside, and the change to its row was never written.
     * An object deleted, or in another session, is left alone.
     */
    private void rejoin(Object released, Deque<InstanceState> work) {
        InstanceState state = InstanceState.of(released);
        if (state != null && state.session() == null && state.status() == InstanceState.Status.DETACHED
                && !state.rowDeleted()) {
            session.attachRelated(released);
            work.add(state);
        }
    }

    /** The state of a related object, adding it to the session when the relationship cascades save-update. */
    private InstanceState ensureInSession(Object related, RelationshipMapper relationship, Object owner) {
        if (!session.holds(related)) {
            if (!relationship.cascades(Cascade.SAVE_UPDATE)) {
                throw new InvalidRequestException(session.mapperOf(related).describe(related) + " is related to "
                        + relationship.owner.describe(owner) + " through " + relationship + ", but it is not in the"
                        + " session and the relationship does not cascade save-update; add it with session.add()");
            }
            session.attachRelated(related);
        }
        InstanceState state = InstanceState.of(related);
        if (state == null) {
            throw new IllegalStateException(Mappers.ofInstance(related).describe(related) + " has no ORM state: its"
                    + " class was not enhanced (see README, \"Mapped classes are enhanced at build time\")");
        }
        return state;
    }

    /** A related object that lost its parent: deleted (or, if never flushed, dropped from the session). */
    private void orphan(Object orphan, Deque<InstanceState> work) {
        InstanceState state = InstanceState.of(orphan);
        if (state == null || state.session() != session) {
            return;
        }
        if (state.status() == InstanceState.Status.PENDING) {
            session.expungeState(state);
        } else if (state.status() == InstanceState.Status.PERSISTENT && !state.markedForDeletion) {
            state.markedForDeletion = true;
            work.add(state);
        }
    }

    /**
     * A deleted object's related ones: deleted too when the relationship cascades delete (a many-to-many's targets
     * too); else loaded, so the flush can clear their foreign keys (a many-to-many's association rows go with the
     * object in any case).
     */
    private void cascadeDelete(Object owner, RelationshipMapper relationship, Deque<InstanceState> work) {
        boolean delete = relationship.cascades(Cascade.DELETE);
        if (relationship.kind == RelationshipMapper.Kind.MANY_TO_MANY && !delete) {
            return;
        }
        if (!delete && relationship.kind == RelationshipMapper.Kind.MANY_TO_ONE) {
            return;
        }
        InstanceState ownerState = InstanceState.of(owner);
        if (ownerState != null) {
            // What a deleted object relates to must be known: those rows are deleted too, or their keys cleared.
            DeleteCascade.load(session, ownerState, owner, relationship);
        }
        Object value = relationship.get(owner);
        if (value instanceof TrackedCollection && relationship.cascades(Cascade.DELETE_ORPHAN)) {
            // Removed from the collection before the parent was deleted: an orphan, deleted as well.
            CollectionTracking tracking = ((TrackedCollection) value).tracking();
            List<Object> current = tracking.snapshot();
            for (Object old : tracking.committed()) {
                if (!CollectionTracking.containsIdentical(current, old) && !hasOtherParent(old, relationship, owner)) {
                    orphan(old, work);
                }
            }
        }
        if (!delete) {
            return;
        }
        for (Object related : relationship.related(owner)) {
            InstanceState state = InstanceState.of(related);
            if (state == null || state.session() != session) {
                continue;
            }
            if (state.status() == InstanceState.Status.PENDING) {
                session.expungeState(state);
            } else if (state.status() == InstanceState.Status.PERSISTENT && !state.markedForDeletion) {
                state.markedForDeletion = true;
                work.add(state);
            }
        }
    }

    /** merge(): the session's instance for the object's key, with the object's state, and merge-cascaded relations. */
    @SuppressWarnings("unchecked")
    <E> E merge(E instance, Map<Object, Object> merged) {
        Object done = merged.get(instance);
        if (done != null) {
            return (E) done;
        }
        EntityMapper<E> mapper = (EntityMapper<E>) session.mapperOf(instance);
        InstanceState own = InstanceState.of(instance);
        if (own != null && own.session() == session) {
            merged.put(instance, instance);
            return instance;
        }
        Object identity = mapper.identity(instance);
        E existing = identity == null ? null : session.get(mapper.entityClass(), identity);
        boolean created = existing == null;
        E target = existing != null ? existing : mapper.newInstance();
        merged.put(instance, target);
        Attribute version = mapper.version();
        Object currentVersion = existing == null || version == null ? null : version.get(existing);
        Object givenVersion = version == null ? null : version.get(instance);
        boolean versionGiven = givenVersion != null && ((Number) givenVersion).longValue() != 0; // 0: an int never set
        if (version != null && currentVersion != null && versionGiven && !Values.same(givenVersion, currentVersion)) {
            // As SQLAlchemy: the copy was made from an older row; writing it would undo a newer change unseen.
            throw new io.retort.exception.StaleDataException("Version " + givenVersion + " on the merged "
                    + mapper.describe(instance) + " does not match the row's version " + currentVersion + ": it was"
                    + " changed since the copy was read. Load it again and apply the change to it, or leave the"
                    + " version field null in the copy to merge onto the current row");
        }
        // A deferred column the given object never loaded has nothing to copy (SQLAlchemy's merge skips it too).
        Deferral unloaded = own == null || own.unloadedColumns == null ? Deferral.NONE
                : Deferral.skipping((java.util.BitSet) own.unloadedColumns.clone());
        Populate.populate(mapper, target, mapper.values(instance), unloaded);
        if (version != null && currentVersion != null && !versionGiven) {
            version.set(target, currentVersion); // a copy without a version merges onto the current row
        }
        InstanceState targetState = InstanceState.of(target);
        if (targetState != null) {
            targetState.markModified();
            DeferredColumns.copiedInto(targetState, unloaded);
        }
        if (mapper.hasRelationships()) {
            for (RelationshipMapper relationship : mapper.relationships()) {
                if (!relationship.cascades(io.retort.orm.Cascade.MERGE)) {
                    continue;
                }
                Object value = relationship.get(instance);
                if (value instanceof TrackedCollection && !((TrackedCollection) value).tracking().isLoaded()
                        || !relationship.isCollection() && own != null
                                && own.isReferenceUnloaded(relationship.index)) {
                    continue; // never loaded on the given object: nothing to copy
                }
                if (value == null && relationship.kind == RelationshipMapper.Kind.MANY_TO_ONE
                        && Attribute.values(relationship.foreignKey, instance) != null) {
                    continue; // a copy that carries the foreign key but not the object: the key decides
                }
                if (relationship.isCollection()) {
                    java.util.Collection<Object> copy = relationship.collectionType == java.util.Set.class
                            ? new java.util.LinkedHashSet<>() : new ArrayList<>();
                    for (Object element : relationship.related(instance)) {
                        copy.add(merge(element, merged));
                    }
                    relationship.set(target, copy);
                } else {
                    relationship.set(target, value == null ? null : merge(value, merged));
                }
            }
        }
        if (created) {
            session.attachAppended(target);
        }
        return target;
    }


    /**
     * Expires a persistent object and what cascades refresh-expire from it: persistent ones are expired, pending ones
     * (reached through delete-orphan relationships only) leave the session, as SQLAlchemy's conditional expire.
     */
    void expire(InstanceState root) {
        List<InstanceState> reached = cascaded(root, Cascade.REFRESH_EXPIRE);
        SessionObjects.expire(root);
        for (InstanceState other : reached) {
            if (other.session() != session) {
                continue;
            }
            if (other.status() == InstanceState.Status.PERSISTENT) {
                SessionObjects.expire(other);
            } else if (other.status() == InstanceState.Status.PENDING) {
                session.expungeState(other);
            }
        }
    }

    /** Takes an object out of the session with what cascades expunge from it. */
    void expunge(InstanceState root) {
        List<InstanceState> reached = cascaded(root, Cascade.EXPUNGE);
        expungeOne(root);
        for (InstanceState other : reached) {
            expungeOne(other);
        }
    }

    /**
     * Takes one object out of the session: a pending one with the pending objects its save-update cascades brought
     * in (they would bring it back at flush otherwise), transient again; another one detached.
     */
    private void expungeOne(InstanceState state) {
        if (state.session() != session) {
            return;
        }
        if (state.status() == InstanceState.Status.PENDING) {
            expungePending(state);
        } else {
            session.expungeState(state);
        }
    }

    /**
     * The objects of this session reached from {@code root} through relationships that cascade {@code kind}
     * ({@link Cascade#EXPUNGE} or {@link Cascade#REFRESH_EXPIRE}), and on from them through theirs, each once, root
     * excluded, collected before anything is expunged or expired (either lets go of the relationships). Only what is
     * loaded is followed: nothing loads for this. As SQLAlchemy's cascade iterator, refresh-expire also follows what a
     * collection held as loaded or last flushed (an element removed since), and skips pending objects unless the
     * relationship is delete-orphan (they stay pending; an orphan's leaves the session).
     */
    List<InstanceState> cascaded(InstanceState root, Cascade kind) {
        List<InstanceState> reached = new ArrayList<>();
        if (!root.mapper.hasRelationships()) {
            return reached;
        }
        Set<InstanceState> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(root);
        Deque<InstanceState> work = new ArrayDeque<>();
        work.add(root);
        while (!work.isEmpty()) {
            InstanceState state = work.poll();
            Object owner = state.instance();
            if (owner == null || !state.mapper.hasRelationships()) {
                continue;
            }
            for (RelationshipMapper relationship : state.mapper.relationships()) {
                if (!relationship.cascades(kind)) {
                    continue;
                }
                List<Object> related = new ArrayList<>(relationship.related(owner));
                CollectionTracking tracking = relationship.isCollection() ? state.installed(relationship.index) : null;
                if (kind == Cascade.REFRESH_EXPIRE && tracking != null) {
                    related.addAll(tracking.committed());
                }
                boolean skipPending = kind == Cascade.REFRESH_EXPIRE && !relationship.cascades(Cascade.DELETE_ORPHAN);
                for (Object object : related) {
                    InstanceState other = InstanceState.of(object);
                    if (other == null || other.session() != session || !seen.add(other)
                            || skipPending && other.status() == InstanceState.Status.PENDING) {
                        continue;
                    }
                    reached.add(other);
                    work.add(other);
                }
            }
        }
        return reached;
    }

    /**
     * Takes a pending object out of the session with the pending objects its save-update cascades brought in (they
     * would bring it back at flush otherwise): all of them are transient again.
     */
    void expungePending(InstanceState root) {
        java.util.Deque<InstanceState> work = new java.util.ArrayDeque<>();
        work.add(root);
        while (!work.isEmpty()) {
            InstanceState state = work.poll();
            if (state.session() != session || state.status() != InstanceState.Status.PENDING) {
                continue;
            }
            Object instance = state.object();
            session.expungeState(state);
            if (!state.mapper.hasRelationships()) {
                continue;
            }
            for (RelationshipMapper relationship : state.mapper.relationships()) {
                if (!relationship.cascades(io.retort.orm.Cascade.SAVE_UPDATE)) {
                    continue;
                }
                for (Object related : relationship.related(instance)) {
                    InstanceState other = InstanceState.of(related);
                    if (other != null) {
                        work.add(other);
                    }
                }
            }
        }
    }

}
