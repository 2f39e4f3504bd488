package io.retort.impl.orm;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The ORM's {@code List} for one-to-many and many-to-many fields: it loads on first access and keeps
 * {@code backPopulates} in sync as elements are added and removed.
 *
 * @param <E> the related class
 */
final class TrackedList<E> extends AbstractList<E> implements TrackedCollection, RandomAccess {
    private final CollectionTracking tracking;
    private final List<Object> elements;

    TrackedList(Object owner, InstanceState ownerState, RelationshipMapper relationship, CollectionTracking.Mode mode,
            @Nullable LoadGroup group) {
        this.elements = new ArrayList<>();
        this.tracking = new CollectionTracking(owner, ownerState, relationship, elements, mode, group);
    }

    @Override
    public CollectionTracking tracking() {
        return tracking;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        tracking.ensureLoaded();
        return (E) elements.get(index);
    }

    @Override
    public int size() {
        tracking.ensureLoaded();
        return elements.size();
    }

    @Override
    @SuppressWarnings("unchecked")
    public E set(int index, E element) {
        tracking.ensureLoaded();
        E old = (E) elements.set(index, java.util.Objects.requireNonNull(element, "element"));
        if (old != element) {
            tracking.syncRemoved(old);
            tracking.syncAdded(element);
        }
        return old;
    }

    @Override
    public void add(int index, E element) {
        tracking.ensureLoaded();
        elements.add(index, java.util.Objects.requireNonNull(element, "element"));
        modCount++;
        tracking.syncAdded(element);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E remove(int index) {
        tracking.ensureLoaded();
        E old = (E) elements.remove(index);
        modCount++;
        tracking.syncRemoved(old);
        return old;
    }
}
