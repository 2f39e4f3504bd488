package io.retort.impl.orm;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ORM's {@code Set} for one-to-many and many-to-many fields: it loads on first access and keeps
 * {@code backPopulates} in sync. Iteration follows the order the elements were loaded or added.
 *
 * @param <E> the related class
 */
final class TrackedSet<E> extends AbstractSet<E> implements TrackedCollection {
    private final CollectionTracking tracking;
    private final Set<Object> elements;

    TrackedSet(Object owner, InstanceState ownerState, RelationshipMapper relationship, CollectionTracking.Mode mode,
            @Nullable LoadGroup group) {
        this.elements = new LinkedHashSet<>();
        this.tracking = new CollectionTracking(owner, ownerState, relationship, elements, mode, group);
    }

    @Override
    public CollectionTracking tracking() {
        return tracking;
    }

    @Override
    public Iterator<E> iterator() {
        tracking.ensureLoaded();
        Iterator<Object> inner = elements.iterator();
        return new Iterator<>() {
            private @Nullable Object current;

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                current = inner.next();
                return (E) current;
            }

            @Override
            public void remove() {
                inner.remove(); // throws unless next() gave an element
                tracking.syncRemoved(java.util.Objects.requireNonNull(current));
            }
        };
    }

    @Override
    public int size() {
        tracking.ensureLoaded();
        return elements.size();
    }

    @Override
    public boolean contains(Object element) {
        tracking.ensureLoaded();
        return elements.contains(element);
    }

    @Override
    public boolean add(E element) {
        tracking.ensureLoaded();
        boolean added = elements.add(java.util.Objects.requireNonNull(element, "element"));
        if (added) {
            tracking.syncAdded(element);
        }
        return added;
    }

    @Override
    public boolean remove(Object element) {
        tracking.ensureLoaded();
        boolean removed = elements.remove(element);
        if (removed) {
            tracking.syncRemoved(element);
        }
        return removed;
    }
}
