package io.retort.impl.orm;

import io.retort.exception.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loading on attribute access, as SQLAlchemy's lazy loader strategies and {@code load_on_ident}: what a read of an
 * enhanced field finds unloaded (an expired row, a lazy reference, a lazy collection) is loaded in the session that
 * holds the object, batched with the other objects of the query that loaded it. Confined to the session's thread.
 */
final class LazyLoading {
    private final DefaultSession session;

    LazyLoading(DefaultSession session) {
        this.session = session;
    }

    /** Loads the unloaded collections of a lazy load group that are still in this session. */
    void loadCollections(LoadGroup group) {
        session.lazyAutoflush();
        List<CollectionTracking> members = new ArrayList<>();
        for (CollectionTracking tracking : group.members) {
            if (!tracking.isLoaded() && tracking.ownerState.session() == session
                    && tracking.ownerState.status() == InstanceState.Status.PERSISTENT) {
                members.add(tracking);
            }
        }
        if (!members.isEmpty()) {
            session.loader().loadCollections(group.relationship, members,
                    group.next == null ? LoadPlan.NONE : group.next);
        }
    }

    /**
     * Loads the row of an expired object because attribute {@code index} was read: one SELECT by primary key, without
     * autoflush (the object's own unflushed writes are kept by the refresh).
     */
    void loadExpired(InstanceState state, Object instance, int index) {
        session.checkUsableUnlessFlushing();
        Object identity = state.identity;
        if (state.status() != InstanceState.Status.PERSISTENT || identity == null) {
            throw new InvalidRequestException("Cannot read " + state.mapper.fieldName(index) + " of "
                    + state.mapper.describe(instance) + ": it is expired and "
                    + state.status().name().toLowerCase(Locale.ROOT) + ", so it has no row to load it from");
        }
        if (SessionQueries.loadByIdentity(session, state.mapper, identity, SessionQueries.NO_OPTIONS) == null) {
            throw new InvalidRequestException("Cannot read " + state.mapper.fieldName(index) + " of "
                    + state.mapper.describe(instance) + ": it is expired, and its row is gone from table "
                    + state.mapper.table().name() + " (deleted by another transaction?); expunge the object or"
                    + " load it again");
        }
    }

    /**
     * Loads a lazy reference on its first read, with those of the other objects of its query still unloaded in this
     * session: the identity map first, then one {@code SELECT ... IN} for the keys it lacks.
     */
    void loadReference(InstanceState state, RelationshipMapper reference, InstanceState.Unloaded marker) {
        session.lazyAutoflush();
        List<InstanceState> members = new ArrayList<>();
        members.add(state);
        ReferenceGroup group = marker.group;
        if (group != null) {
            for (InstanceState member : group.members) {
                if (member != state && member.session() == session
                        && member.status() == InstanceState.Status.PERSISTENT
                        && member.references != null && member.references[reference.index] == marker) {
                    members.add(member);
                }
            }
        }
        session.loader().loadReferences(reference, members, group == null ? LoadPlan.NONE : group.next);
    }
}
