package io.retort.orm.enhance;

/**
 * The ORM state of one enhanced object, told of every read and write of its mapped fields. Implemented by the ORM
 * runtime; enhanced code calls it only while the object has a state.
 */
public interface AttributeHooks {
    /**
     * Before mapped field {@code index} of {@code instance} is read: loads it if it is expired or not loaded yet (in
     * a Session), or raises {@link io.retort.exception.DetachedInstanceException} if it cannot be loaded.
     */
    void beforeRead(Object instance, int index);

    /** Before column field {@code index} of {@code instance} is written: marks the attribute modified. */
    void beforeWrite(Object instance, int index);
}
