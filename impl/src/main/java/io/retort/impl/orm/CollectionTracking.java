package io.retort.impl.orm;

import io.retort.exception.DetachedInstanceException;
import io.retort.exception.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state behind an ORM-owned collection: whether it is loaded (and how it loads when it is not), its elements,
 * and the elements it had when loaded or last flushed, from which a flush finds what was added and removed.
 * Confined to the session's thread, as the session is.
 */
public final class CollectionTracking {
    /** How an unloaded collection behaves on access. */
    enum Mode {
        /** Loads through its session on first access (batched over its {@link LoadGroup}). */
        LAZY,
        /** Access is an error. */
        RAISE,
        /** Holds its elements. */
        LOADED
    }

    final Object owner;
    final InstanceState ownerState;
    final RelationshipMapper relationship;
    final Collection<Object> elements;
    private Mode mode;
    private @Nullable LoadGroup group;
    /** The elements as loaded or last flushed, compared by identity. */
    private List<Object> committed = List.of();
    /**
     * Elements the other side of a back-populated relationship added while this collection was not loaded, and those
     * it removed: applied when it loads (SQLAlchemy's pending collection operations), so that it shows them; null
     * while there are none. The added ones also reach the flush's save-update cascade, as a loaded collection's do.
     */
    private @Nullable List<Object> queuedAdds;
    private @Nullable List<Object> queuedRemoves;

    CollectionTracking(Object owner, InstanceState ownerState, RelationshipMapper relationship,
            Collection<Object> elements, Mode mode, @Nullable LoadGroup group) {
        this.owner = owner;
        this.ownerState = ownerState;
        this.relationship = relationship;
        this.elements = elements;
        this.mode = mode;
        this.group = group;
    }

    public boolean isLoaded() {
        return mode == Mode.LOADED;
    }

    /** Loads the collection if it is not loaded yet, or explains why it cannot. */
    void ensureLoaded() {
        if (mode == Mode.LOADED) {
            return;
        }
        String option = "select(" + relationship.owner.entityClass().getSimpleName() + ".class).options(selectIn("
                + relationship.owner.entityClass().getSimpleName() + "_." + relationship.name + "))";
        if (mode == Mode.RAISE) {
            throw new InvalidRequestException("Relationship " + relationship + " is not loaded and its loading is"
                    + " RAISE, so accessing it is an error; load it with the query, e.g. " + option);
        }
        DefaultSession session = ownerState.session();
        if (session == null || session.isClosed() || ownerState.status() == InstanceState.Status.DETACHED) {
            // As an unloaded reference of a detached object (InstanceState), word for word.
            throw new DetachedInstanceException("Cannot read " + relationship.owner.entityClass().getSimpleName()
                    + "." + relationship.name + ": the " + ownerState.describe() + " is detached (its Session is"
                    + " closed, or it was expunged) and the relationship was never loaded, so there is no Session to"
                    + " load it through. Load it with the query that loads the object, e.g. " + option + ", or read"
                    + " it before the Session closes");
        }
        if (ownerState.status() != InstanceState.Status.PERSISTENT) {
            throw new InvalidRequestException("Relationship " + relationship + " of "
                    + relationship.owner.describe(owner) + " is not loaded, and the object is "
                    + ownerState.status().name().toLowerCase(java.util.Locale.ROOT) + ", so it has no row to load it"
                    + " from; load collections before deleting their owner");
        }
        LoadGroup members = group != null ? group : LoadGroup.single(this);
        // Named for the N+1 warning: a collection loaded alone (its owner did not come with others from one query)
        // in a loop runs this statement once per owner.
        try (io.retort.engine.StatementOrigin origin = io.retort.engine.StatementOrigin.enter("the lazy load of "
                + relationship, "load it with the owners' query, e.g. " + option + ", or load the owners with one"
                + " query so that their lazy collections load together")) {
            session.lazyLoading().loadCollections(members);
        }
        if (mode != Mode.LOADED) {
            throw new IllegalStateException("Loading " + relationship + " did not load it");
        }
    }

    /**
     * Fills the collection from the database; the elements become the flush baseline, and what the other side
     * queued while it was not loaded is applied on top (so a flush sees it as added or removed).
     */
    void loaded(List<Object> values) {
        elements.clear();
        elements.addAll(values);
        committed = List.copyOf(values);
        mode = Mode.LOADED;
        group = null;
        List<Object> adds = queuedAdds;
        List<Object> removes = queuedRemoves;
        queuedAdds = null;
        queuedRemoves = null;
        if (adds != null) {
            for (Object element : adds) {
                if (!containsIdentical(elements, element)) {
                    elements.add(element);
                }
            }
        }
        if (removes != null) {
            for (Object element : removes) {
                elements.removeIf(e -> e == element);
            }
        }
    }

    /** The elements the other side added while this collection was not loaded (see {@link #loaded}). */
    List<Object> queuedAdds() {
        List<Object> adds = queuedAdds;
        return adds == null ? List.of() : adds;
    }

    /** Takes over what another tracking of the same collection had queued (a detached object added again). */
    void takeQueued(CollectionTracking other) {
        queuedAdds = other.queuedAdds;
        queuedRemoves = other.queuedRemoves;
    }

    private void queue(Object element, boolean add) {
        List<Object> undone = add ? queuedRemoves : queuedAdds;
        if (undone != null && undone.removeIf(e -> e == element)) {
            return; // an add cancels a queued removal, and the other way round
        }
        List<Object> queue = add ? queuedAdds : queuedRemoves;
        if (queue == null) {
            queue = new ArrayList<>();
            if (add) {
                queuedAdds = queue;
            } else {
                queuedRemoves = queue;
            }
        }
        if (!containsIdentical(queue, element)) {
            queue.add(element);
        }
    }

    /** Makes a new collection loaded with the given elements and an empty baseline (all of them are new). */
    void adopt(Collection<?> values, List<Object> baseline) {
        elements.clear();
        elements.addAll(values);
        committed = List.copyOf(baseline);
        mode = Mode.LOADED;
        group = null;
    }

    /** The current elements (empty when not loaded). */
    public List<Object> snapshot() {
        return mode == Mode.LOADED ? new ArrayList<>(elements) : List.of();
    }

    /** The elements as loaded or last flushed. */
    public List<Object> committed() {
        return committed;
    }

    /** After a flush: the current elements are the new baseline. */
    public void flushed() {
        if (mode == Mode.LOADED) {
            committed = List.copyOf(elements);
        }
    }

    /** Discards the elements: the collection loads again on next access (after a rollback or expire). */
    void expire() {
        queuedAdds = null; // written by a flush already, or rolled back: the rows show what stands
        queuedRemoves = null;
        if (mode == Mode.LOADED) {
            elements.clear();
            committed = List.of();
            mode = Mode.LAZY;
            group = null;
        }
    }

    /**
     * After an element was added: it joins the owner's session (save-update cascade, as SQLAlchemy cascades on
     * append), and the other side follows: its reference points here, or its collection holds the owner.
     */
    void syncAdded(Object element) {
        ownerState.markModified();
        DefaultSession session = ownerState.session();
        if (session != null && !session.isClosed() && session.isActive()
                && relationship.cascades(io.retort.orm.Cascade.SAVE_UPDATE) && !session.holds(element)) {
            session.attachAppended(element);
        }
        linkBack(relationship, owner, element);
    }

    /** The other side after an element was removed. */
    void syncRemoved(Object element) {
        ownerState.markModified();
        unlinkBack(relationship, owner, element);
        if (relationship.cascades(io.retort.orm.Cascade.DELETE_ORPHAN)) {
            RelationshipEvents.expungePendingOrphan(ownerState, relationship, owner, element);
        }
    }

    /**
     * The other side of {@code relationship} follows {@code element} joining {@code owner}'s collection: its
     * reference points to the owner (and it leaves its previous owner's loaded collection), or its collection holds
     * the owner.
     */
    static void linkBack(RelationshipMapper relationship, Object owner, Object element) {
        RelationshipMapper back = relationship.backPopulates();
        if (back == null) {
            return;
        }
        if (back.isCollection()) {
            addRaw(back.get(element), owner);
            return;
        }
        Object previous = RelationshipEvents.currentTarget(back, element);
        if (previous != null && previous != owner) {
            removeRaw(relationship.get(previous), element);
        }
        RelationshipEvents.setReference(back, element, owner);
    }

    /** The other side of {@code relationship} follows {@code element} leaving {@code owner}'s collection. */
    static void unlinkBack(RelationshipMapper relationship, Object owner, Object element) {
        RelationshipMapper back = relationship.backPopulates();
        if (back == null) {
            return;
        }
        if (back.isCollection()) {
            removeRaw(back.get(element), owner);
        } else if (back.get(element) == owner || RelationshipEvents.unloaded(back, element)) {
            // An unloaded reference of a child loaded through this collection pointed here: cleared, not loaded.
            RelationshipEvents.setReference(back, element, null);
        }
    }

    /** Adds to another collection without syncing back: a loaded ORM collection, or a plain one. */
    @SuppressWarnings("unchecked")
    static void addRaw(@Nullable Object collection, Object element) {
        if (collection instanceof TrackedCollection) {
            CollectionTracking other = ((TrackedCollection) collection).tracking();
            if (other.isLoaded() && !containsIdentical(other.elements, element)) {
                other.elements.add(element);
                other.ownerState.markModified();
            } else if (!other.isLoaded()) {
                other.queue(element, true);
                other.ownerState.markModified();
            }
        } else if (collection instanceof Collection && !containsIdentical((Collection<?>) collection, element)) {
            ((Collection<Object>) collection).add(element);
        }
    }

    /** Removes from another collection without syncing back. */
    static void removeRaw(@Nullable Object collection, Object element) {
        if (collection instanceof TrackedCollection && !((TrackedCollection) collection).tracking().isLoaded()) {
            CollectionTracking other = ((TrackedCollection) collection).tracking();
            other.queue(element, false);
            other.ownerState.markModified();
            return;
        }
        Collection<?> target = collection instanceof TrackedCollection
                ? (((TrackedCollection) collection).tracking().isLoaded()
                        ? ((TrackedCollection) collection).tracking().elements : null)
                : collection instanceof Collection ? (Collection<?>) collection : null;
        if (target != null && target.removeIf(e -> e == element)
                && collection instanceof TrackedCollection) {
            ((TrackedCollection) collection).tracking().ownerState.markModified();
        }
    }

    public static boolean containsIdentical(Collection<?> collection, Object element) {
        for (Object e : collection) {
            if (e == element) {
                return true;
            }
        }
        return false;
    }
}
