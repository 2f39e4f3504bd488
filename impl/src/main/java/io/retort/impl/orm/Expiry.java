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

    /** Expires the named attributes of a persistent object (see the class comment). */
    static void expire(InstanceState state, Object instance, String[] names) {
        Named named = resolve(state.mapper, names);
        if (state.expired) {
            // The whole object loads at its next read; only the writes made to these attributes since are dropped.
            boolean[] written = state.writtenWhileExpired;
            if (written != null) {
                for (int i = named.columns.nextSetBit(0); i >= 0; i = named.columns.nextSetBit(i + 1)) {
                    written[state.mapper.attributes().get(i).enhancedIndex()] = false;
                }
            }
        } else {
            expireColumns(state, instance, named.columns);
        }
        for (RelationshipMapper relationship : named.relationships) {
            if (relationship.isCollection()) {
                CollectionTracking tracking = state.collections == null ? null
                        : state.collections[relationship.index];
                if (tracking != null) {
                    tracking.expire();
                }
            } else {
                state.referenceLeftUnloaded(relationship.index); // a change set to it is dropped
            }
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
        if (state.expired) {
            // The whole object loads now, as its first read would: every column is fresh after it.
            session.lazyLoading().loadExpired(state, instance, state.mapper.key()[0].enhancedIndex());
        } else if (!named.columns.isEmpty()) {
            expireColumns(state, instance, named.columns);
            DeferredColumns.loadExpired(state, instance, named.columns);
        }
        for (RelationshipMapper relationship : named.relationships) {
            if (relationship.isCollection()) {
                CollectionTracking tracking = state.collections == null ? null
                        : state.collections[relationship.index];
                if (tracking != null) {
                    tracking.expire();
                    tracking.ensureLoaded();
                }
            } else {
                state.referenceLeftUnloaded(relationship.index);
                state.beforeRead(instance, relationship.enhancedIndex); // loads it, as its first read would
            }
        }
    }
}
