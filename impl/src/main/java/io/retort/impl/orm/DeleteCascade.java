package io.retort.impl.orm;

import io.retort.orm.Cascade;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** The delete cascade as {@code Session.delete()} runs it, before any flush. Stateless. */
final class DeleteCascade {
    private DeleteCascade() {
    }

    /**
     * {@code session.delete(root)}: marks a persistent object deleted, with the persistent objects its delete cascades
     * reach, loading an unloaded collection or reference to find them, as SQLAlchemy's {@code delete()} does (so
     * {@code deletedObjects()} lists them). They are all found before any is marked, so that the autoflush of a load
     * on the way does not flush the deletion half-cascaded. Orphans and pending objects wait for the flush, which walks
     * the cascades again on the final picture.
     */
    static void markFrom(DefaultSession session, InstanceState root) {
        List<InstanceState> reached = new ArrayList<>();
        reached.add(root);
        Set<InstanceState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(root);
        Deque<InstanceState> work = new ArrayDeque<>();
        work.add(root);
        while (!work.isEmpty()) {
            InstanceState state = work.poll();
            if (state.instance() == null || state.session() != session || !state.mapper.hasRelationships()) {
                continue;
            }
            Object owner = state.object();
            for (RelationshipMapper relationship : state.mapper.relationships()) {
                if (!relationship.cascades(Cascade.DELETE)) {
                    continue;
                }
                load(session, state, owner, relationship);
                for (Object related : relationship.related(owner)) {
                    InstanceState other = InstanceState.of(related);
                    if (other != null && other.session() == session && !other.markedForDeletion
                            && other.status() == InstanceState.Status.PERSISTENT && seen.add(other)) {
                        reached.add(other);
                        work.add(other);
                    }
                }
            }
        }
        for (InstanceState state : reached) {
            if (state.session() == session && state.status() == InstanceState.Status.PERSISTENT) {
                state.markedForDeletion = true;
                state.markModified(); // the flush looks at it
            }
        }
    }

    /**
     * Loads a relationship of an object being deleted if it is not loaded, so that what it relates to is known: a
     * collection, or a reference by the foreign key its row has (the flush deletes those rows, or clears their keys).
     */
    static void load(DefaultSession session, InstanceState state, Object owner, RelationshipMapper relationship) {
        if (relationship.get(owner) instanceof TrackedCollection tracked) {
            tracked.tracking().ensureLoaded();
        } else if (!relationship.isCollection() && state.isReferenceUnloaded(relationship.index)) {
            session.loader().loadReferencesAsLoaded(relationship, List.of(state), LoadPlan.NONE);
        }
    }
}
