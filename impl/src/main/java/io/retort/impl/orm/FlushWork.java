package io.retort.impl.orm;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One flush's unit of work as the session drives it: plan, run, then complete or undo. Implemented by package
 * {@code io.retort.impl.orm.flush} (SQLAlchemy's {@code unitofwork.py} and {@code persistence.py}), which depends on
 * the session's objects; the session sees only this interface, given by its {@link Factory}.
 */
public interface FlushWork {
    /** Makes the unit of work of one flush. */
    @FunctionalInterface
    interface Factory {
        /**
         * Plans the flush of a session's objects.
         *
         * @param engine the engine whose capabilities decide how rows are written (RETURNING, batch row counts)
         * @param heldStates the persistent objects to look at (changed since the last flush, or marked for deletion)
         * @param pending the new objects, in the order they were added
         * @param events the session's persistence events, which the flush calls in flush order
         */
        FlushWork create(Engine engine, Collection<InstanceState> heldStates, List<InstanceState> pending,
                Events events);
    }

    /** Whether there is nothing to write. */
    boolean isEmpty();

    /** The objects inserted, updated (those with changes) and deleted: after {@link #execute}, what it wrote. */
    int objectsWritten();

    /** The object (or batch) being written when the flush failed, for the error message. */
    @Nullable String culprit();

    /** Runs the statements. */
    void execute(Connection connection);

    /** After a failed {@link #execute}: puts every object back as it was before the flush. */
    void undo();

    /**
     * After {@link #execute} succeeded: the objects take their new states.
     *
     * @param identityMap the session's identity map
     * @param pending the session's pending objects, cleared
     * @param deletedInTransaction the objects whose DELETE was flushed in this transaction, added to
     * @param insertedInTransaction the objects whose INSERT was flushed in this transaction, added to
     * @param rekeyedInTransaction the persistent objects whose primary key an UPDATE of this transaction changed
     *     (their key before it kept on the state), added to
     */
    void complete(IdentityMap identityMap, List<InstanceState> pending, List<InstanceState> deletedInTransaction,
            List<InstanceState> insertedInTransaction, List<InstanceState> rekeyedInTransaction);
}
