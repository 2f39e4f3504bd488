package io.retort.impl.orm;

import io.retort.exception.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code Orm.makeTransient} and {@code Orm.makeTransientToDetached}, SQLAlchemy's {@code make_transient()} and
 * {@code make_transient_to_detached()}. Stateless.
 */
final class Transience {
    private Transience() {
    }

    /**
     * The object leaves its session (if any) and its identity: it is as if newly constructed with the values it had
     * loaded, and adding it to a session INSERTs it. What was not loaded (an expired object's fields, unloaded or
     * expired columns, unloaded references) is cleared to null (a primitive to its default), since no row backs it
     * any more; a loaded collection keeps its elements, an unloaded one becomes empty.
     */
    static void makeTransient(Object instance) {
        InstanceState state = InstanceState.of(instance);
        if (state == null || state.status() == InstanceState.Status.TRANSIENT && state.session() == null
                && state.identity == null) {
            return; // never in a session, or transient again already
        }
        EntityMapper<?> mapper = state.mapper;
        DefaultSession session = state.session();
        if (session != null && !session.isClosed()) {
            session.expungeState(state);
        }
        state.detach();
        java.util.BitSet unloaded = state.unloadedColumns;
        boolean[] written = state.writtenWhileExpired; // what the application set since: kept, as any set value
        for (Attribute attribute : mapper.attributes()) {
            boolean set = written != null && written[attribute.enhancedIndex()];
            if (state.expired && !set || unloaded != null && unloaded.get(attribute.index())) {
                clear(instance, attribute);
            }
        }
        java.util.Map<RelationshipMapper, List<Object>> collections = new java.util.LinkedHashMap<>();
        for (RelationshipMapper relationship : mapper.relationships()) {
            Object value = relationship.get(instance);
            if (relationship.isCollection()) {
                List<Object> elements = new ArrayList<>();
                if (value instanceof TrackedCollection tracked) {
                    if (tracked.tracking().isLoaded() && !state.expired) {
                        elements.addAll(tracked.tracking().elements);
                    }
                } else if (value instanceof java.util.Collection<?> plain) {
                    elements.addAll(plain);
                }
                collections.put(relationship, elements);
            } else if (!state.isReferenceSetWhileUnloaded(relationship.index)
                    && (state.expired || state.isReferenceUnloaded(relationship.index))) {
                relationship.set(instance, null);
            }
        }
        // A new state: nothing of the row's (snapshot, identity, deleted flag, collection baselines) carries over.
        InstanceState fresh = new InstanceState(mapper, instance, InstanceState.Status.TRANSIENT, null);
        fresh.bind(instance);
        collections.forEach((relationship, elements) -> Loader.install(relationship, instance, fresh,
                CollectionTracking.Mode.LAZY, null).adopt(elements, List.of()));
    }

    /**
     * A transient object with its primary key set becomes detached under that identity, as if loaded and its session
     * closed: added to a session, it is persistent without an INSERT. Every other attribute is expired (its value is
     * not known to be the row's: a read in a session loads the row, and a value written after the add is flushed);
     * its collections and references load from the rows. A versioned class's object needs its version set too: the
     * row's, which the flush's UPDATE checks.
     */
    static void makeTransientToDetached(Object instance) {
        EntityMapper<?> mapper = Mappers.ofInstance(instance);
        InstanceState state = InstanceState.of(instance);
        if (state != null && (state.session() != null || state.identity != null
                || state.status() != InstanceState.Status.TRANSIENT)) {
            throw new InvalidRequestException("Given object must be transient: " + mapper.describe(instance) + " is "
                    + state.status().name().toLowerCase(Locale.ROOT) + (state.session() != null ? " in a session"
                            : "") + "; Orm.makeTransient(object) first, or merge() it into a session");
        }
        Object identity = mapper.identity(instance);
        if (identity == null) {
            throw new InvalidRequestException("Cannot make " + mapper.describe(instance) + " detached: its primary key "
                    + mapper.primaryKeyAttributes() + " is not set; set it to the key of the row it stands for");
        }
        Attribute version = mapper.version();
        Object held = version == null ? null : version.get(instance);
        if (version != null && (held == null || held instanceof Number number && number.longValue() < 1)) {
            // The flush's UPDATE checks the version the object holds (versions start at 1; a primitive field's 0 is
            // none): an unknown one would fail as stale.
            throw new InvalidRequestException("Cannot make " + mapper.describe(instance) + " detached: its version "
                    + version + " is not set; set it to the row's current version (an UPDATE checks it)");
        }
        InstanceState detached = new InstanceState(mapper, instance, InstanceState.Status.DETACHED, null);
        detached.identity = identity;
        detached.committed = Values.snapshot(mapper.values(instance));
        detached.detach(); // with an identity: detached, holding no object strongly
        SessionObjects.expire(detached);
        detached.bind(instance);
        for (RelationshipMapper relationship : mapper.relationships()) {
            if (relationship.isCollection()) {
                Loader.install(relationship, instance, detached, CollectionTracking.Mode.LAZY, null);
            } else {
                relationship.set(instance, null);
                detached.referenceLeftUnloaded(relationship.index);
            }
        }
    }

    /** Sets a field to null, or a primitive one to its default (the JVM's value for a new object). */
    private static void clear(Object instance, Attribute attribute) {
        io.retort.orm.enhance.Enhanced enhanced = (io.retort.orm.enhance.Enhanced) instance;
        if (attribute.part() != null) {
            enhanced.$$retort_set(attribute.enhancedIndex(), null); // the whole record
            return;
        }
        enhanced.$$retort_set(attribute.enhancedIndex(), attribute.primitive() ? primitiveDefault(attribute.type())
                : null);
    }

    private static @Nullable Object primitiveDefault(Class<?> boxed) {
        if (boxed == Boolean.class) {
            return false;
        }
        if (boxed == Character.class) {
            return '\0';
        }
        if (boxed == Long.class) {
            return 0L;
        }
        if (boxed == Double.class) {
            return 0.0d;
        }
        if (boxed == Float.class) {
            return 0.0f;
        }
        if (boxed == Short.class) {
            return (short) 0;
        }
        if (boxed == Byte.class) {
            return (byte) 0;
        }
        return 0;
    }
}
