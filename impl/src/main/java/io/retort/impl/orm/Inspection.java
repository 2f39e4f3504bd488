package io.retort.impl.orm;

import io.retort.orm.InstanceInfo;
import io.retort.orm.ObjectState;
import java.util.Set;

/** {@code Orm.inspect(obj)}: the state of a mapped object; {@code Orm.makeTransient} and its inverse. */
public final class Inspection {
    private Inspection() {
    }

    /** {@code Orm.makeTransient}: see {@link Transience#makeTransient}. */
    public static void makeTransient(Object instance) {
        Mappers.ofInstance(instance);
        Transience.makeTransient(instance);
    }

    /** {@code Orm.makeTransientToDetached}: see {@link Transience#makeTransientToDetached}. */
    public static void makeTransientToDetached(Object instance) {
        Transience.makeTransientToDetached(instance);
    }

    /**
     * The state of an object: transient when no session has held it, else what its state records.
     *
     * @throws io.retort.exception.InvalidArgumentException if the object's class is not mapped
     */
    public static InstanceInfo inspect(Object instance) {
        Mappers.ofInstance(instance);
        InstanceState state = InstanceState.of(instance);
        if (state == null) {
            return new InstanceInfo(ObjectState.TRANSIENT, null, null, Set.of(), false);
        }
        DefaultSession session = state.session();
        if (session != null) {
            return info(session, state);
        }
        boolean detached = state.status() == InstanceState.Status.DETACHED;
        return new InstanceInfo(detached ? ObjectState.DETACHED : ObjectState.TRANSIENT,
                detached ? state.identity : null, null, Set.of(), false);
    }

    /** The state of an object a session holds, as that session sees it. */
    private static InstanceInfo info(DefaultSession session, InstanceState state) {
        ObjectState objectState;
        switch (state.status()) {
            case PENDING:
                objectState = ObjectState.PENDING;
                break;
            case PERSISTENT:
                objectState = ObjectState.PERSISTENT;
                break;
            case DELETED:
                objectState = ObjectState.DELETED;
                break;
            default:
                throw new IllegalStateException("Unexpected status of an attached object: " + state.status());
        }
        return new InstanceInfo(objectState, state.identity, session,
                SessionObjects.changedAttributes(state),
                state.expired);
    }
}
