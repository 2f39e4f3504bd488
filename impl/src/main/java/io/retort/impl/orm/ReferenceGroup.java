package io.retort.impl.orm;

import java.util.List;

/**
 * The lazy references of one relationship that one query left unloaded, loaded together on the first read of any of
 * them: reading {@code address.user} of one of 100 addresses loads the users of all 100 with one
 * {@code SELECT ... WHERE id IN (...)} (after looking in the identity map). Confined to the session's thread.
 */
final class ReferenceGroup {
    final RelationshipMapper relationship;
    /** What to load beyond the reference (a chained option path). */
    final LoadPlan next;
    /** The states whose reference the group loads, if still unloaded and in the session. */
    final List<InstanceState> members;

    ReferenceGroup(RelationshipMapper relationship, LoadPlan next, List<InstanceState> members) {
        this.relationship = relationship;
        this.next = next;
        this.members = members;
    }
}
