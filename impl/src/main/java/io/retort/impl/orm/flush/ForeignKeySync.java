package io.retort.impl.orm.flush;

import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.Attribute;
import io.retort.impl.orm.InstanceState;
import io.retort.impl.orm.RelationshipMapper;
import io.retort.impl.orm.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fills foreign-key fields from relationships before rows are written, as SQLAlchemy's dependency processors do: a
 * many-to-one's from its target's key, a child's from the parent whose collection holds it; a reference cleared or a
 * child removed (and not deleted) gets NULL. Every field it writes is journaled.
 */
final class ForeignKeySync {
    private final FlushPlan plan;
    private final UndoJournal journal;

    ForeignKeySync(FlushPlan plan, UndoJournal journal) {
        this.plan = plan;
        this.journal = journal;
    }

    /**
     * Fills the foreign keys of states of one mapper. One without relationships, in a flush where no collection gained
     * or lost a child, has nothing to fill (and its 100,000 states are not visited).
     */
    void sync(List<InstanceState> states) {
        if (states.isEmpty() || (plan.parentsOf.isEmpty() && plan.removedFrom.isEmpty()
                && !states.get(0).mapper.hasRelationships())) {
            return;
        }
        for (InstanceState state : states) {
            Object instance = state.object();
            if (state.mapper.hasRelationships()) {
                for (RelationshipMapper relationship : state.mapper.relationships()) {
                    if (relationship.kind != RelationshipMapper.Kind.MANY_TO_ONE
                            || state.isReferenceUnloaded(relationship.index)) {
                        continue; // a reference never loaded nor set: the foreign-key field stands
                    }
                    Object target = relationship.get(instance);
                    Object committed = state.committedReference(relationship.index);
                    if (state.status() == InstanceState.Status.PERSISTENT && committed != InstanceState.UNLOADED
                            && target == committed && !referencedKeyChanged(target)) {
                        continue; // the reference did not move: a foreign-key field set directly stands
                    }
                    if (target != null) {
                        if (relationship.postUpdate && referencedKeyChanged(target)) {
                            // A new target: its row may be inserted after this one (a post-update orders nothing),
                            // so the key is written by the post-update, once every row exists.
                            continue;
                        }
                        @Nullable Object[] key = Attribute.values(relationship.referenced, target);
                        if (key == null) {
                            if (relationship.postUpdate) {
                                continue; // written by the post-update
                            }
                            throw new InvalidRequestException("Cannot flush " + state.mapper.describe(instance)
                                    + ": " + relationship + " refers to " + relationship.target.describe(target)
                                    + ", which has no primary key yet because it is written later in the same flush"
                                    + " (the rows refer to each other); mark one side of the cycle"
                                    + " @Relationship(postUpdate = true)");
                        }
                        writeKey(instance, relationship.foreignKey, key);
                    } else if (committed != null && committed != InstanceState.UNLOADED
                            || state.isReferenceSetWhileUnloaded(relationship.index)) {
                        // Cleared: the loaded target, or one never loaded (whose row the foreign key still names).
                        writeKey(instance, relationship.foreignKey, new Object[relationship.foreignKey.length]);
                    }
                }
            }
            List<FlushPlan.Parent> parents = plan.parentsOf.getOrDefault(state, List.of());
            for (FlushPlan.Parent parent : parents) {
                Attribute[] foreignKey = parent.relationship().foreignKey;
                if (parent.state().markedForDeletion) {
                    if (!state.markedForDeletion && matches(instance, foreignKey, parent)) {
                        writeKey(instance, foreignKey, new Object[foreignKey.length]);
                    }
                    continue;
                }
                @Nullable Object[] key = Attribute.values(parent.relationship().referenced, parent.state().object());
                if (key == null) {
                    throw new InvalidRequestException("Cannot flush " + state.mapper.describe(instance) + ": its"
                            + " parent through " + parent.relationship() + " has no primary key yet");
                }
                writeKey(instance, foreignKey, key);
            }
            for (FlushPlan.Parent parent : plan.removedFrom.getOrDefault(state, List.of())) {
                boolean reparented = parents.stream().anyMatch(p -> p.relationship() == parent.relationship());
                Attribute[] foreignKey = parent.relationship().foreignKey;
                if (!reparented && !state.markedForDeletion && matches(instance, foreignKey, parent)) {
                    writeKey(instance, foreignKey, new Object[foreignKey.length]);
                }
            }
        }
    }

    /** Whether the object a reference points to got a new key in this flush (its key is database-generated). */
    private static boolean referencedKeyChanged(@Nullable Object target) {
        if (target == null) {
            return false;
        }
        InstanceState state = InstanceState.of(target);
        return state == null || state.status() == InstanceState.Status.PENDING;
    }

    /** Whether a child's foreign key still names this parent. */
    private static boolean matches(Object child, Attribute[] foreignKey, FlushPlan.Parent parent) {
        @Nullable Object[] key = Attribute.values(parent.relationship().referenced, parent.state().object());
        if (key == null) {
            return false;
        }
        for (int i = 0; i < foreignKey.length; i++) {
            if (!Values.same(foreignKey[i].get(child), key[i])) {
                return false;
            }
        }
        return true;
    }

    /** Writes the key values into the foreign-key fields that differ, journaled. */
    void writeKey(Object instance, Attribute[] foreignKey, @Nullable Object[] values) {
        for (int i = 0; i < foreignKey.length; i++) {
            if (!Values.same(foreignKey[i].get(instance), values[i])) {
                journal.write(instance, foreignKey[i], values[i]);
            }
        }
    }
}
