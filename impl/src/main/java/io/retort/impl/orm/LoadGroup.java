package io.retort.impl.orm;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The lazy collections of one relationship that one query installed, loaded together on the first access to any of
 * them: touching {@code addresses} of one of 100 users loads the addresses of all 100 in one statement. Confined to
 * the session's thread.
 */
final class LoadGroup {
    final RelationshipMapper relationship;
    /** What to load beyond the collection (a chained option path), or null. */
    final @Nullable LoadPlan next;
    final List<CollectionTracking> members = new ArrayList<>();

    LoadGroup(RelationshipMapper relationship, @Nullable LoadPlan next) {
        this.relationship = relationship;
        this.next = next;
    }

    /** A group of one collection. */
    static LoadGroup single(CollectionTracking tracking) {
        LoadGroup group = new LoadGroup(tracking.relationship, null);
        group.members.add(tracking);
        return group;
    }
}
