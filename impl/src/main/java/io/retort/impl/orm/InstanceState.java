package io.retort.impl.orm;

import org.jspecify.annotations.Nullable;

/**
 * What the ORM knows of one mapped object: its status, identity, the session holding it and the column values last
 * loaded or flushed (to find changes). Kept in {@link InstanceStates} for the object's lifetime; the object itself
 * is referenced only while a session holds it, so a detached state never keeps its object alive. Confined to the
 * owning session's thread while attached.
 */
final class InstanceState {
    /** Where the object stands. */
    enum Status {
        /** Added, not flushed. */
        PENDING,
        /** Flushed or loaded. */
        PERSISTENT,
        /** Its DELETE was flushed in a transaction not yet committed. */
        DELETED,
        /** No longer in a session, but has (had) a row. */
        DETACHED,
        /** Was expunged while pending, or its INSERT was rolled back: transient again. */
        TRANSIENT
    }

    final EntityMapper<?> mapper;
    /** The object while a session holds it; null once detached. */
    @Nullable Object instance;
    Status status;
    @Nullable DefaultSession session;
    /** The identity the session knows the object by (set once flushed or loaded). */
    @Nullable Object identity;
    /** Column values in attribute order as last loaded or flushed; null while pending. */
    @Nullable Object @Nullable [] committed;
    /** Marked for deletion at the next flush (still persistent until then). */
    boolean markedForDeletion;
    /** Its fields are to be reloaded from the database when next loaded or got. */
    boolean expired;
    /** Became persistent in the current transaction (its INSERT is undone by a rollback). */
    boolean insertedInTransaction;
    /** Key (and version) values before this transaction's INSERT, restored when it is rolled back. */
    @Nullable Object @Nullable [] beforeInsert;

    InstanceState(EntityMapper<?> mapper, Object instance, Status status, DefaultSession session) {
        this.mapper = mapper;
        this.instance = instance;
        this.status = status;
        this.session = session;
    }

    /** The object; only valid while attached. */
    Object object() {
        Object object = instance;
        if (object == null) {
            throw new IllegalStateException("The state of a detached " + mapper.entityClass().getSimpleName()
                    + " has no object");
        }
        return object;
    }

    /** Leaves the session: persistent or deleted objects become detached, pending ones transient. */
    void detach() {
        status = status == Status.PENDING || status == Status.TRANSIENT || identity == null ? Status.TRANSIENT
                : Status.DETACHED;
        session = null;
        instance = null;
        markedForDeletion = false;
        insertedInTransaction = false;
        beforeInsert = null;
    }
}
