package io.retort.impl.orm.flush;

import io.retort.impl.orm.Attribute;
import io.retort.impl.orm.InstanceState;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The field values a flush overwrote in objects (foreign keys, UUID keys, versions, server defaults read back), newest
 * last, so that a failed flush leaves the objects as they were before it. Values an INSERT assigned from RETURNING are
 * not journaled: each new object's state keeps its values from before the INSERT. Not thread-safe.
 */
final class UndoJournal {
    private final Deque<Runnable> entries = new ArrayDeque<>();

    /** Sets a field, remembering its old value for {@link #undo}. */
    void write(Object instance, Attribute attribute, @Nullable Object value) {
        Object old = attribute.get(instance);
        entries.addLast(() -> attribute.set(instance, old));
        attribute.set(instance, value);
    }

    /** Puts back every field written, newest first, and the values the INSERTs of {@code inserted} had assigned. */
    void undo(Collection<List<InstanceState>> inserted) {
        while (!entries.isEmpty()) {
            entries.removeLast().run();
        }
        for (List<InstanceState> states : inserted) {
            for (InstanceState state : states) {
                state.restoreBeforeInsert(); // the generated values read back, which are not journaled
                state.beforeInsert = null;
            }
        }
    }

    /** The flush succeeded: nothing is to be put back. */
    void clear() {
        entries.clear();
    }
}
