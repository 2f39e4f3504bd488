package io.retort.orm;

/**
 * Listens to the persistence events of the objects of a mapped class (and its subclasses), as SQLAlchemy's mapper
 * events: register it with {@link SessionFactory.Builder#listener(Class, EntityListener)}. The flush calls the events
 * in flush order (an object's before-event just before the statement that writes it, its after-event just after);
 * an exception thrown by a before-event aborts the flush with the usual failed-flush semantics (the transaction is
 * rolled back, nothing is written). Annotated methods of the class itself ({@link BeforeInsert}, ...) run before the
 * listeners, which run in the order registered.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.builder(engine)
 *         .listener(User.class, new EntityListener<User>() {
 *             public void beforeInsert(Session session, User user) { user.created = Instant.now(); }
 *         })
 *         .build();
 * }</pre>
 *
 * @param <E> the mapped class
 */
public interface EntityListener<E> {
    /** Before the object's INSERT; changes made here are written. */
    default void beforeInsert(Session session, E instance) {
    }

    /** After the object's INSERT (a generated key is set). */
    default void afterInsert(Session session, E instance) {
    }

    /** Before the UPDATE of an object with changed columns; changes made here are written. */
    default void beforeUpdate(Session session, E instance) {
    }

    /** After the object's UPDATE. */
    default void afterUpdate(Session session, E instance) {
    }

    /** Before the object's DELETE. */
    default void beforeDelete(Session session, E instance) {
    }

    /** After the object's DELETE. */
    default void afterDelete(Session session, E instance) {
    }

    /** After a query created the object from a row. */
    default void afterLoad(Session session, E instance) {
    }
}
