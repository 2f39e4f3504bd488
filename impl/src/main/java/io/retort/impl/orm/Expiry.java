package io.retort.impl.orm;

import io.retort.exception.InvalidArgumentException;
import io.retort.exception.InvalidRequestException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code session.expire(object, names...)} and {@code session.refresh(object, names...)}: SQLAlchemy's
 * {@code attribute_names}. An expired column is left unloaded, its pending change discarded; the first read of any
 * expired column loads all of them with one {@code SELECT columns FROM table WHERE key = ?} (as a deferred column
 * loads), and a query that meets the object fills them from its row. An expired collection or reference unloads and
 * loads again on its next use, by itself. A write to an expired attribute loads nothing and is flushed. The object's
 * other attributes, and their changes, stay as they are. Stateless; runs on the session's thread.
 */
final class Expiry {
    private Expiry() {
    }

    /** The state of a persistent object, or an error naming what it is (only a persistent object has a row). */
    static InstanceState persistent(InstanceState state, Object instance, String operation) {
        if (state.identity == null || state.status() != InstanceState.Status.PERSISTENT) {
            throw new InvalidRequestException("Cannot " + operation + " " + state.mapper.describe(instance)
                    + ": it is " + state.status().name().toLowerCase(Locale.ROOT) + "; only a persistent object has"
                    + " a row to load again" + (state.status() == InstanceState.Status.PENDING ? " (flush it first)"
                            : ""));
        }
        return state;
    }

    /** What {@code names} name: columns (each component of a {@code @Composite} field) and relationships. */
    private record Named(BitSet columns, List<RelationshipMapper> relationships) {
    }

    private static Named resolve(EntityMapper<?> mapper, String[] names) {
        BitSet columns = new BitSet();
        List<RelationshipMapper> relationships = new ArrayList<>();
        for (String name : names) {
            java.util.Objects.requireNonNull(name, "an attribute name");
            boolean found = false;
            for (Attribute attribute : mapper.attributes()) {
                if (attribute.name().equals(name)
                        || attribute.part() != null && attribute.field().getName().equals(name)) {
                    checkExpirable(mapper, attribute, name);
                    columns.set(attribute.index());
                    found = true;
                }
            }
            for (RelationshipMapper relationship : mapper.relationships()) {
                if (relationship.name.equals(name)) {
                    relationships.add(relationship);
                    found = true;
                }
            }
            if (!found) {
                List<String> known = new ArrayList<>();
                for (Attribute attribute : mapper.attributes()) {
                    String field = attribute.part() != null ? attribute.field().getName() : attribute.name();
                    if (!known.contains(field)) {
                        known.add(field);
                    }
                }
                for (RelationshipMapper relationship : mapper.relationships()) {
                    known.add(relationship.name);
                }
                throw new InvalidArgumentException(mapper.entityClass().getSimpleName() + " has no mapped attribute"
                        + " named '" + name + "'; its attributes are " + known);
            }
        }
        return new Named(columns, relationships);
    }

    /**
     * Only a column that may be left unloaded can be expired alone, as only those may be deferred: a key, version,
     * foreign-key, join or {@code @Composite} column is read from every loaded object (the flush, the relationships
     * and the identity map rely on it), and a class in an inheritance hierarchy keeps its columns in several tables.
     */
    private static void checkExpirable(EntityMapper<?> mapper, Attribute attribute, String name) {
        if (mapper.hierarchy() != null) {
            throw new InvalidArgumentException("Cannot expire " + attribute + " alone: the columns of a class in an"
                    + " inheritance hierarchy are expired with their object; use session.expire(object) (or name"
                    + " only relationships)");
        }
        if (Deferral.defaults(mapper).kept.get(attribute.index())) {
            throw new InvalidArgumentException("Cannot expire " + mapper.entityClass().getSimpleName() + "." + name
                    + " alone: a key, version, foreign-key, join or @Composite column is read from every loaded"
                    + " object and cannot be left unloaded; use session.expire(object) to expire the whole object");
        }
    }

    /** Expires the named attributes of a persistent object (see the class comment). */
    static void expire(InstanceState state, Object instance, String[] names) {
        Named named = resolve(state.mapper, names);
        if (state.expired) {
            // The whole object loads at its next read; the writes made to these attributes since are dropped: each
            // field is put back to the snapshot, so that a flush before the load writes nothing for it either.
            boolean[] written = state.writtenWhileExpired;
            @Nullable Object[] committed = state.committed;
            for (int i = named.columns.nextSetBit(0); i >= 0; i = named.columns.nextSetBit(i + 1)) {
                Attribute attribute = state.mapper.attributes().get(i);
                if (written != null) {
                    written[attribute.enhancedIndex()] = false;
                }
                if (committed != null) {
                    Object value = committed[i];
                    attribute.set(instance, value instanceof byte[] bytes ? bytes.clone() : value);
                }
            }
        } else {
            expireColumns(state, instance, named.columns);
        }
        for (RelationshipMapper relationship : named.relationships) {
            expireRelationship(state, instance, relationship, false);
        }
    }

    private static void expireColumns(InstanceState state, Object instance, BitSet columns) {
        if (columns.isEmpty()) {
            return;
        }
        @Nullable Object[] committed = state.committed;
        List<Attribute> attributes = state.mapper.attributes();
        BitSet unloaded = state.unloadedColumns;
        if (unloaded == null) {
            unloaded = new BitSet();
            state.unloadedColumns = unloaded;
        }
        BitSet expiredColumns = state.expiredColumns;
        if (expiredColumns == null) {
            expiredColumns = new BitSet();
            state.expiredColumns = expiredColumns;
        }
        for (int i = columns.nextSetBit(0); i >= 0; i = columns.nextSetBit(i + 1)) {
            if (committed != null) {
                // The change is discarded: what the field holds now is no longer a change (the load overwrites it).
                Object value = attributes.get(i).get(instance);
                committed[i] = value instanceof byte[] bytes ? bytes.clone() : value;
            }
            if (state.writtenUnloaded != null) {
                state.writtenUnloaded.clear(i);
            }
            if (state.raiseColumns != null) {
                state.raiseColumns.clear(i); // expired, it loads when read, whatever its query said
            }
            unloaded.set(i);
            expiredColumns.set(i);
        }
    }

    /**
     * {@code refresh(object, names...)}: the named attributes are expired and loaded now, the columns with one SELECT,
     * each relationship by its loader; the others stay as they are.
     */
    static void refresh(DefaultSession session, InstanceState state, Object instance, String[] names) {
        Named named = resolve(state.mapper, names);
        boolean found;
        if (state.expired) {
            // The whole object loads now, as its first read would (the named columns' writes dropped first): every
            // column is fresh after it.
            expire(state, instance, names);
            found = SessionQueries.loadByIdentity(session, state.mapper, java.util.Objects.requireNonNull(
                    state.identity), SessionQueries.NO_OPTIONS) != null;
        } else if (!named.columns.isEmpty()) {
            expireColumns(state, instance, named.columns);
            found = DeferredColumns.loadExpired(state, instance, named.columns, false);
        } else {
            found = DeferredColumns.rowExists(state, session);
        }
        if (!found) {
            throw new InvalidRequestException("Could not refresh " + state.mapper.describe(instance) + ": its row"
                    + " is gone from table " + state.mapper.table().name() + " (deleted by another transaction?)");
        }
        for (RelationshipMapper relationship : named.relationships) {
            expireRelationship(state, instance, relationship, true);
        }
    }

    /**
     * Unloads a relationship of an object: a collection (one never installed loads on its first use anyway) or a
     * reference, whose change set since it loaded is dropped; with {@code load}, it loads again now, as its first use
     * would load it.
     */
    private static void expireRelationship(InstanceState state, Object instance, RelationshipMapper relationship,
            boolean load) {
        if (relationship.isCollection()) {
            CollectionTracking tracking = state.installed(relationship.index);
            if (tracking != null) {
                tracking.expire();
                if (load) {
                    tracking.ensureLoaded();
                }
            }
        } else {
            state.referenceLeftUnloaded(relationship.index);
            if (load) {
                state.beforeRead(instance, relationship.enhancedIndex);
            }
        }
    }
}
