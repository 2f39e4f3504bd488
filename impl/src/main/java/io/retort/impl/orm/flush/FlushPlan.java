package io.retort.impl.orm.flush;

import io.retort.impl.orm.CollectionTracking;
import io.retort.impl.orm.EntityMapper;
import io.retort.impl.orm.InstanceState;
import io.retort.impl.orm.RelationshipMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one flush writes, as SQLAlchemy's unit of work collects it before any statement: the new, held and deleted
 * objects grouped per mapper, and per child object the one-to-many (or one-to-one) parents whose collections gained or
 * lost it, from which foreign keys are filled and rows ordered. Built once per flush; not thread-safe.
 */
final class FlushPlan {
    final Map<EntityMapper<?>, List<InstanceState>> inserts = new LinkedHashMap<>();
    final Map<EntityMapper<?>, List<InstanceState>> persistent = new LinkedHashMap<>();
    final Map<EntityMapper<?>, List<InstanceState>> deletes = new LinkedHashMap<>();
    /** Per child object: the one-to-many (or one-to-one) parents whose loaded collection holds it now. */
    final Map<InstanceState, List<Parent>> parentsOf = new IdentityHashMap<>();
    /** Per child object: the parents whose collection held it when loaded or last flushed, and no longer does. */
    final Map<InstanceState, List<Parent>> removedFrom = new IdentityHashMap<>();
    /** Deletions written before the INSERTs of the same table (a new object took their key). */
    final List<InstanceState> earlyDeletes = new ArrayList<>();

    /** A parent side of a one-to-many or one-to-one relationship. */
    record Parent(RelationshipMapper relationship, InstanceState state) {
    }

    FlushPlan(Collection<InstanceState> heldStates, List<InstanceState> pending) {
        Grouper toInsert = new Grouper(inserts);
        for (InstanceState state : pending) {
            toInsert.add(state);
        }
        Grouper toDelete = new Grouper(deletes);
        Grouper held = new Grouper(persistent);
        for (InstanceState state : heldStates) {
            if (state.status() != InstanceState.Status.PERSISTENT) {
                continue;
            }
            if (state.markedForDeletion) {
                toDelete.add(state);
            } else if (state.committed != null) {
                held.add(state);
            }
        }
        for (Map<EntityMapper<?>, List<InstanceState>> group : List.of(inserts, persistent, deletes)) {
            for (List<InstanceState> states : group.values()) {
                for (InstanceState state : states) {
                    recordChildren(state);
                }
            }
        }
        if (!parentsOf.isEmpty() || !removedFrom.isEmpty()) {
            addUnchangedChildren(held);
        }
    }

    /**
     * A child that a collection gained or lost, or whose parent is deleted, is written even if nothing else of it
     * changed: its foreign key is filled or cleared (SQLAlchemy's one-to-many dependency processor).
     */
    private void addUnchangedChildren(Grouper held) {
        Set<InstanceState> planned = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map<EntityMapper<?>, List<InstanceState>> group : List.of(inserts, persistent, deletes)) {
            for (List<InstanceState> states : group.values()) {
                planned.addAll(states);
            }
        }
        for (Map<InstanceState, List<Parent>> children : List.of(parentsOf, removedFrom)) {
            for (InstanceState child : children.keySet()) {
                if (child.status() == InstanceState.Status.PERSISTENT && !child.markedForDeletion
                        && child.committed != null && planned.add(child)) {
                    held.add(child);
                }
            }
        }
    }

    /** Puts states in per-mapper lists, with no map lookup while consecutive states share a mapper. */
    private static final class Grouper {
        private final Map<EntityMapper<?>, List<InstanceState>> groups;
        private @Nullable EntityMapper<?> last;
        private @Nullable List<InstanceState> lastGroup;

        Grouper(Map<EntityMapper<?>, List<InstanceState>> groups) {
            this.groups = groups;
        }

        void add(InstanceState state) {
            if (state.mapper != last || lastGroup == null) {
                last = state.mapper;
                lastGroup = groups.computeIfAbsent(state.mapper, m -> new ArrayList<>());
            }
            lastGroup.add(state);
        }
    }

    /** Notes which children a parent's one-to-many collections (or one-to-one references) hold and dropped. */
    private void recordChildren(InstanceState parent) {
        if (!parent.mapper.hasRelationships()) {
            return;
        }
        Object owner = parent.object();
        for (RelationshipMapper relationship : parent.mapper.relationships()) {
            List<Object> current;
            List<Object> committed;
            if (relationship.kind == RelationshipMapper.Kind.ONE_TO_MANY) {
                CollectionTracking tracking = parent.installed(relationship.index);
                if (tracking == null || !tracking.isLoaded()) {
                    continue;
                }
                current = tracking.snapshot();
                committed = tracking.committed();
            } else if (relationship.kind == RelationshipMapper.Kind.ONE_TO_ONE) {
                Object target = relationship.get(owner);
                Object before = parent.committedReference(relationship.index);
                current = target == null ? List.of() : List.of(target);
                committed = before == null || before == InstanceState.UNLOADED ? List.of() : List.of(before);
            } else {
                continue;
            }
            for (Object child : current) {
                // A child that was there already keeps the foreign key it has (it may have been set directly); a
                // new one gets the parent's key; a deleted parent's children lose it.
                if (!parent.markedForDeletion && CollectionTracking.containsIdentical(committed, child)) {
                    continue;
                }
                InstanceState state = InstanceState.of(child);
                if (state != null) {
                    parentsOf.computeIfAbsent(state, s -> new ArrayList<>()).add(new Parent(relationship, parent));
                }
            }
            for (Object child : committed) {
                if (!CollectionTracking.containsIdentical(current, child)) {
                    InstanceState state = InstanceState.of(child);
                    if (state != null) {
                        removedFrom.computeIfAbsent(state, s -> new ArrayList<>())
                                .add(new Parent(relationship, parent));
                    }
                }
            }
        }
    }

    /** Whether there is nothing to write. */
    boolean isEmpty() {
        return inserts.isEmpty() && deletes.isEmpty() && persistent.isEmpty();
    }

    /**
     * Rows deleted in this flush whose primary key a new object of the same table takes: taken out of the deletions
     * (they are written before the INSERTs) and noted in {@link #earlyDeletes}.
     */
    List<InstanceState> replacedRows(EntityMapper<?> mapper, List<InstanceState> toInsert) {
        List<InstanceState> toDelete = deletes.get(mapper);
        if (toDelete == null) {
            return List.of();
        }
        Set<Object> keys = new HashSet<>();
        for (InstanceState state : toInsert) {
            Object identity = mapper.identity(state.object());
            if (identity != null) {
                keys.add(identity);
            }
        }
        List<InstanceState> replaced = new ArrayList<>();
        for (Iterator<InstanceState> it = toDelete.iterator(); it.hasNext();) {
            InstanceState state = it.next();
            if (keys.contains(state.identity)) {
                replaced.add(state);
                it.remove();
                earlyDeletes.add(state);
            }
        }
        return replaced;
    }
}
