package io.retort.orm.enhance;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The ORM runtime's handling of relationship writes, which must happen whether or not the object has a state yet
 * (setting {@code address.user = user} on two new objects puts the address in {@code user.addresses} at once, as
 * SQLAlchemy's backrefs do). Found with {@link ServiceLoader}; {@code retort-impl} provides it.
 */
public interface AttributeEvents {
    /**
     * A relationship field is being set: keeps the other side of the relationship in step, cascades the new value
     * into the owner's Session, and returns what the field is to hold (an ORM collection in place of a plain one).
     *
     * @param owner the object whose field is set
     * @param index the field's index in {@link Enhancement#fields()}
     * @param old the field's value before the write
     * @param value the value written
     */
    @Nullable Object relationshipWrite(Object owner, int index, @Nullable Object old, @Nullable Object value);

    /** Called by enhanced code for every relationship write; delegates to the runtime on the class path. */
    static @Nullable Object onRelationshipWrite(Object owner, int index, @Nullable Object old,
            @Nullable Object value) {
        return Holder.EVENTS.relationshipWrite(owner, index, old, value);
    }

    /** Finds the runtime once. */
    final class Holder {
        static final AttributeEvents EVENTS = load();

        private Holder() {
        }

        private static AttributeEvents load() {
            Iterator<AttributeEvents> found = ServiceLoader.load(AttributeEvents.class,
                    AttributeEvents.class.getClassLoader()).iterator();
            if (found.hasNext()) {
                return found.next();
            }
            found = ServiceLoader.load(AttributeEvents.class).iterator();
            if (found.hasNext()) {
                return found.next();
            }
            // Without the runtime no object can reach a database, so there is no other side to keep in step.
            return (owner, index, old, value) -> value;
        }
    }
}
