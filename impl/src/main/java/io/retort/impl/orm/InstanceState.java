package io.retort.impl.orm;

import io.retort.orm.enhance.AttributeHooks;
import io.retort.orm.enhance.Enhanced;
import org.jspecify.annotations.Nullable;

/**
 * What the ORM knows of one mapped object: its status, identity, the session holding it and the column values last
 * loaded or flushed (to find changes). It lives in the object itself (the field the enhancer adds, as SQLAlchemy's
 * {@code _sa_instance_state}), so it is collected with its object and nothing global refers to it; it is told of
 * every read and write of the object's mapped fields. Confined to the owning session's thread while attached.
 */
final class InstanceState implements AttributeHooks {
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
    /**
     * Per relationship: the object a reference pointed to when loaded or last flushed ({@link #UNLOADED} until then),
     * from which a flush sees a reference that changed.
     */
    @Nullable Object @Nullable [] references;

    /** Per relationship: the ORM collection installed in the field (to see a collection replaced by the user). */
    @Nullable CollectionTracking @Nullable [] collections;

    /** The ORM collection installed for relationship {@code index}, or null. */
    @Nullable CollectionTracking installed(int index) {
        return collections == null ? null : collections[index];
    }

    /** Records the ORM collection installed for relationship {@code index}. */
    void install(int index, CollectionTracking tracking) {
        if (collections == null) {
            collections = new CollectionTracking[mapper.relationshipCount()];
        }
        collections[index] = tracking;
    }

    /** The value of {@link #references} before a reference is loaded. */
    static final Object UNLOADED = new Object() {
        @Override
        public String toString() {
            return "UNLOADED";
        }
    };

    /** Whether the reference of relationship {@code index} was loaded (or flushed). */
    boolean referenceLoaded(int index) {
        return references != null && references[index] != UNLOADED;
    }

    /** Records that relationship {@code index} now refers to {@code value}, as in the database. */
    void referenceLoaded(int index, @Nullable Object value) {
        if (references == null) {
            references = new Object[mapper.relationshipCount()];
            java.util.Arrays.fill(references, UNLOADED);
        }
        references[index] = value;
    }

    /** The object relationship {@code index} referred to when loaded or last flushed, or UNLOADED. */
    @Nullable Object committedReference(int index) {
        return references == null ? UNLOADED : references[index];
    }

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
        // A detached object keeps no collection placeholder or reference baseline of its session.
        collections = null;
        references = null;
    }

    /** The state of an enhanced object, or null while no session has held it. */
    static @Nullable InstanceState of(Object instance) {
        return instance instanceof Enhanced ? (InstanceState) ((Enhanced) instance).$$retort_hooks() : null;
    }

    /** Stores this state in its object. */
    void bind(Object instance) {
        ((Enhanced) instance).$$retort_hooks(this);
    }

    @Override
    public void beforeRead(Object instance, int index) {
        // Loading on read comes with expiry and lazy references.
    }

    @Override
    public void beforeWrite(Object instance, int index) {
        // Change tracking on write comes with the modified list.
    }
}
