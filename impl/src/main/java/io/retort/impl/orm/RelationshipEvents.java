package io.retort.impl.orm;

import io.retort.orm.Cascade;
import io.retort.orm.enhance.AttributeEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happens when the application sets a relationship field, in or out of a session, as SQLAlchemy's backref and
 * cascade events: the other side follows at once ({@code address.user = user} puts the address in
 * {@code user.addresses} and takes it out of the old user's), a collection assigned to a new object becomes an ORM
 * collection (so that adding to it sets each element's reference), and an object set on one in a session joins it
 * through the save-update cascade. Found by {@code AttributeEvents} through {@link java.util.ServiceLoader}.
 */
public final class RelationshipEvents implements AttributeEvents {
    /** Per thread: how deep the ORM is in creating instances, whose constructors' field initializers are not events. */
    private static final ThreadLocal<int[]> CREATING = ThreadLocal.withInitial(() -> new int[1]);

    /** Created by {@link java.util.ServiceLoader}. */
    public RelationshipEvents() {
    }

    @Override
    public @Nullable Object relationshipWrite(Object owner, int index, @Nullable Object old, @Nullable Object value) {
        if (old == value && (value != null || !unloadedReference(owner, index))) {
            return value; // null on a reference never loaded is not "no change": its row refers to something
        }
        EntityMapper<?> mapper = Mappers.of(owner.getClass());
        RelationshipMapper relationship = mapper.relationshipOfField(index);
        if (relationship == null || CREATING.get()[0] > 0) {
            return value;
        }
        InstanceState state = InstanceState.of(owner);
        return relationship.isCollection() ? collectionAssigned(mapper, owner, state, relationship, old, value)
                : referenceSet(owner, state, relationship, old, value);
    }

    /**
     * Whether field {@code index} of {@code owner} is a reference whose field does not show the row's target: never
     * loaded (it holds null), or on an expired object (the refresh would replace it).
     */
    private static boolean unloadedReference(Object owner, int index) {
        InstanceState state = InstanceState.of(owner);
        if (state == null || state.references == null && !state.expired) {
            return false;
        }
        RelationshipMapper relationship = Mappers.of(owner.getClass()).relationshipOfField(index);
        return relationship != null && !relationship.isCollection() && (state.expired
                || state.references != null && state.references[relationship.index] instanceof InstanceState.Unloaded);
    }

    /** Runs {@code creation} (a constructor the ORM calls to load a row) with relationship events off. */
    static Object creating(java.util.function.Supplier<Object> creation) {
        int[] depth = CREATING.get();
        depth[0]++;
        try {
            return creation.get();
        } finally {
            depth[0]--;
        }
    }

    private static @Nullable Object referenceSet(Object owner, @Nullable InstanceState state,
            RelationshipMapper relationship, @Nullable Object old, @Nullable Object value) {
        if (state != null) {
            state.markModified();
        }
        if (state != null && state.references != null
                && state.references[relationship.index] instanceof InstanceState.Unloaded) {
            // Set before it was ever loaded: the old target is found by the foreign key in the session's identity
            // map, never loaded from the database for this (SQLAlchemy's PASSIVE_NO_FETCH); the flush writes the
            // foreign key from the new target.
            old = currentTarget(relationship, owner);
            state.referenceSet(relationship.index);
        } else if (state != null && state.expired) {
            state.referenceSet(relationship.index); // the refresh of the expired object keeps it
        }
        RelationshipMapper back = relationship.backPopulates();
        if (back != null) {
            if (back.isCollection()) {
                if (old != null) {
                    CollectionTracking.removeRaw(back.get(old), owner);
                }
                if (value != null) {
                    CollectionTracking.addRaw(back.get(value), owner);
                }
            } else {
                if (old != null && back.get(old) == owner) {
                    setReference(back, old, null);
                }
                if (value != null) {
                    Object previous = currentTarget(back, value);
                    if (previous != null && previous != owner) {
                        setReference(relationship, previous, null);
                    }
                    setReference(back, value, owner);
                }
            }
        }
        if (old != null && state != null && relationship.cascades(Cascade.DELETE_ORPHAN)) {
            expungePendingOrphan(state, relationship, owner, old);
        }
        cascade(state, relationship, value);
        return value;
    }

    /**
     * A new object that left a delete-orphan relationship (removed from the collection, or replaced as the
     * reference) and has no other parent through it leaves the session at once: it was never written, and as an
     * orphan it would not be (SQLAlchemy expunges a pending orphan on the remove event). Before, it stayed pending and
     * was inserted without its parent.
     */
    static void expungePendingOrphan(InstanceState ownerState, RelationshipMapper relationship, Object owner,
            Object element) {
        InstanceState state = InstanceState.of(element);
        DefaultSession session = ownerState.session();
        if (state == null || session == null || state.session() != session
                || state.status() != InstanceState.Status.PENDING) {
            return;
        }
        RelationshipMapper back = relationship.backPopulates();
        if (back != null && !back.isCollection()) {
            Object parent = back.get(element);
            if (parent != null && parent != owner) {
                return; // moved to another parent
            }
        }
        session.expungeState(state);
    }

    private static @Nullable Object collectionAssigned(EntityMapper<?> mapper, Object owner,
            @Nullable InstanceState state, RelationshipMapper relationship, @Nullable Object old,
            @Nullable Object value) {
        if (state != null) {
            state.markModified();
        }
        List<Object> before = elementsOf(old);
        List<Object> after = elementsOf(value);
        for (Object element : before) {
            if (!CollectionTracking.containsIdentical(after, element)) {
                CollectionTracking.unlinkBack(relationship, owner, element);
                if (state != null && relationship.cascades(Cascade.DELETE_ORPHAN)) {
                    expungePendingOrphan(state, relationship, owner, element);
                }
            }
        }
        if (value == null || value instanceof TrackedCollection
                && ((TrackedCollection) value).tracking().owner == owner) {
            return value;
        }
        if (state == null || state.status() == InstanceState.Status.TRANSIENT) {
            // A new object: its collection becomes the ORM's at once, so that adding to it sets the element's
            // reference (the session's cascade takes it over when the object is added).
            InstanceState own = state;
            if (own == null) {
                own = new InstanceState(mapper, owner, InstanceState.Status.TRANSIENT, null);
                own.bind(owner);
            }
            TrackedCollection collection = relationship.collectionType == java.util.Set.class
                    ? new TrackedSet<>(owner, own, relationship, CollectionTracking.Mode.LAZY, null)
                    : new TrackedList<>(owner, own, relationship, CollectionTracking.Mode.LAZY, null);
            collection.tracking().adopt(after, List.of());
            for (Object element : after) {
                if (!CollectionTracking.containsIdentical(before, element)) {
                    collection.tracking().syncAdded(element);
                }
            }
            return collection;
        }
        // In a session: the elements' other side follows now; the cascade adopts the collection at add or flush.
        for (Object element : after) {
            if (!CollectionTracking.containsIdentical(before, element)) {
                CollectionTracking.linkBack(relationship, owner, element);
                cascade(state, relationship, element);
            }
        }
        return value;
    }

    private static List<Object> elementsOf(@Nullable Object collection) {
        if (collection instanceof TrackedCollection) {
            CollectionTracking tracking = ((TrackedCollection) collection).tracking();
            return tracking.isLoaded() ? new ArrayList<>(tracking.elements) : List.of();
        }
        return collection instanceof Collection ? new ArrayList<>((Collection<?>) collection) : List.of();
    }

    /**
     * Sets a reference as the other side of a relationship event, without events of its own; a reference never
     * loaded is marked set, so that reading it shows this value rather than loading the row's.
     */
    static void setReference(RelationshipMapper reference, Object instance, @Nullable Object value) {
        InstanceState state = InstanceState.of(instance);
        if (state != null) {
            state.markModified();
        }
        if (state != null && (state.expired || state.references != null
                && state.references[reference.index] instanceof InstanceState.Unloaded)) {
            state.referenceSet(reference.index);
        }
        reference.set(instance, value);
    }

    /**
     * What an object's reference points to, without loading it: the field, or for a many-to-one never loaded, the
     * target its foreign key names if the session holds it (SQLAlchemy's PASSIVE_NO_FETCH); null when not known.
     */
    static @Nullable Object currentTarget(RelationshipMapper reference, Object instance) {
        InstanceState state = InstanceState.of(instance);
        if (state == null || !state.isReferenceUnloaded(reference.index)) {
            return reference.get(instance);
        }
        DefaultSession session = state.session();
        if (reference.kind != RelationshipMapper.Kind.MANY_TO_ONE || session == null || session.isClosed()) {
            return null;
        }
        Object identity = Loader.foreignKeyValue(reference.foreignKey, state);
        InstanceState held = identity == null ? null : session.objects().held(reference.target, identity);
        return held == null ? null : held.instance();
    }

    /** Whether an object's reference was left unloaded by a query (its field holds nothing meaningful). */
    static boolean unloaded(RelationshipMapper reference, Object instance) {
        InstanceState state = InstanceState.of(instance);
        return state != null && state.isReferenceUnloaded(reference.index);
    }

    /** The save-update cascade of an attribute event: an object set on one in a session joins the session. */
    private static void cascade(@Nullable InstanceState state, RelationshipMapper relationship,
            @Nullable Object value) {
        DefaultSession session = state == null ? null : state.session();
        if (value != null && session != null && !session.isClosed() && session.isActive()
                && relationship.cascades(Cascade.SAVE_UPDATE) && !session.holds(value)) {
            session.attachAppended(value);
        }
    }
}
