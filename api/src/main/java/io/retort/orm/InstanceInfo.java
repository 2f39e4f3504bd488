package io.retort.orm;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Orm#inspect(Object)} tells about a mapped object, as SQLAlchemy's {@code inspect(obj)}: a snapshot
 * taken at the call.
 *
 * @param state the object's state
 * @param identity the primary key the session knows the object by (a value, or a {@code List} of values for a
 *        composite key); {@code null} while transient or pending
 * @param session the session the object belongs to, or {@code null} when transient or detached
 * @param modified the mapped fields changed since the object was loaded or last flushed (empty unless persistent)
 * @param expired whether the object's fields are to be reloaded from the database ({@link Session#expire})
 */
public record InstanceInfo(ObjectState state, @Nullable Object identity, @Nullable Session session,
        Set<String> modified, boolean expired) {

    /** {@code state() == TRANSIENT}. */
    public boolean isTransient() {
        return state == ObjectState.TRANSIENT;
    }

    /** {@code state() == PENDING}. */
    public boolean isPending() {
        return state == ObjectState.PENDING;
    }

    /** {@code state() == PERSISTENT}. */
    public boolean isPersistent() {
        return state == ObjectState.PERSISTENT;
    }

    /** {@code state() == DELETED}. */
    public boolean isDeleted() {
        return state == ObjectState.DELETED;
    }

    /** {@code state() == DETACHED}. */
    public boolean isDetached() {
        return state == ObjectState.DETACHED;
    }
}
