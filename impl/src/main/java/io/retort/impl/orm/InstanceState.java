package io.retort.impl.orm;

import io.retort.exception.DetachedInstanceException;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.enhance.AttributeHooks;
import io.retort.orm.enhance.Enhanced;
import org.jspecify.annotations.Nullable;

/**
 * What the ORM knows of one mapped object: its status, identity, the session holding it and the column values last
 * loaded or flushed (to find changes). It lives in the object itself (the field the enhancer adds, as SQLAlchemy's
 * {@code _sa_instance_state}), so it is collected with its object and nothing global refers to it; it is told of
 * every read and write of the object's mapped fields. Confined to the owning session's thread while attached.
 */
public final class InstanceState implements AttributeHooks {
    /** Where the object stands. */
    public enum Status {
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

    public final EntityMapper<?> mapper;
    /** The object while a session holds it; null once detached. Read through {@link #instance()}. */
    private @Nullable Object instance;
    /** Read through {@link #status()}. */
    private Status status;
    /** Read through {@link #session()}. */
    private @Nullable DefaultSession session;
    /** The {@link DefaultSession#generation} the state was attached in; an older one means detached. */
    private int generation;
    /** The identity the session knows the object by (set once flushed or loaded). */
    public @Nullable Object identity;
    /**
     * The identity, and the key values, the object had before an UPDATE of this transaction changed its primary key:
     * a rollback gives them back. Null while the key was not changed in the transaction.
     */
    public @Nullable Object identityBeforeRekey;
    /** The key values matching {@link #identityBeforeRekey}, in key order. */
    public @Nullable Object @Nullable [] keyBeforeRekey;
    private boolean rowDeleted;
    /** Column values in attribute order as last loaded or flushed; null while pending. */
    public @Nullable Object @Nullable [] committed;
    /**
     * Changed by the application since the last flush (a field written, a relationship set, a collection changed):
     * the flush looks only at such objects, and at those of classes whose values can change in place.
     */
    boolean modified;
    /** Marked for deletion at the next flush (still persistent until then). */
    public boolean markedForDeletion;
    /**
     * Loaded by a yieldPer query and let go by the session when the next batch was read (it was unchanged): detached,
     * and a write to it is refused rather than lost.
     */
    boolean releasedByYieldPer;
    /** Its fields are to be reloaded from the database when next loaded or got. */
    public boolean expired;
    /** Became persistent in the current transaction (its INSERT is undone by a rollback). */
    public boolean insertedInTransaction;
    /** Key (and version) values before this transaction's INSERT, restored when it is rolled back. */
    public @Nullable Object @Nullable [] beforeInsert;
    /**
     * Per relationship: the object a reference pointed to when loaded or last flushed ({@link #UNLOADED} until then),
     * from which a flush sees a reference that changed.
     */
    @Nullable Object @Nullable [] references;

    /** Per relationship: the ORM collection installed in the field (to see a collection replaced by the user). */
    @Nullable CollectionTracking @Nullable [] collections;

    /** The ORM collection installed for relationship {@code index}, or null. */
    public @Nullable CollectionTracking installed(int index) {
        settle();
        return collections == null ? null : collections[index];
    }

    /** Records the ORM collection installed for relationship {@code index}. */
    void install(int index, CollectionTracking tracking) {
        if (collections == null) {
            collections = new CollectionTracking[mapper.relationshipCount()];
        }
        collections[index] = tracking;
    }

    /**
     * A reference not loaded: its field holds nothing meaningful, and reading it loads it (with the other objects of
     * {@link #group}) or, for {@link #RAISE}, fails. The flush leaves the foreign key of an unloaded reference as it is.
     */
    static final class Unloaded {
        final @Nullable ReferenceGroup group;
        final boolean raise;
        /** Raise only where loading would send SQL: a target held in the identity map is read from it. */
        final boolean raiseOnSql;

        Unloaded(@Nullable ReferenceGroup group, boolean raise) {
            this(group, raise, false);
        }

        Unloaded(@Nullable ReferenceGroup group, boolean raise, boolean raiseOnSql) {
            this.group = group;
            this.raise = raise;
            this.raiseOnSql = raiseOnSql;
        }

        @Override
        public String toString() {
            return raise ? "RAISE" : raiseOnSql ? "RAISE_ON_SQL" : "UNLOADED";
        }
    }

    /** The value of {@link #references} before a reference is loaded (never loaded by a query). */
    public static final Unloaded UNLOADED = new Unloaded(null, false);
    /** An unloaded reference whose loading is RAISE. */
    static final Unloaded RAISE = new Unloaded(null, true);
    /** An unloaded reference whose loading is RAISE_ON_SQL. */
    static final Unloaded RAISE_ON_SQL = new Unloaded(null, false, true);
    /**
     * The baseline of a reference the application set before it was ever loaded: what it pointed to is unknown, so the
     * flush writes the foreign key from the new target.
     */
    static final Object SET_WHILE_UNLOADED = new Object() {
        @Override
        public String toString() {
            return "SET_WHILE_UNLOADED";
        }
    };

    /** Whether the reference of relationship {@code index} was loaded (or flushed, or set by the application). */
    boolean referenceLoaded(int index) {
        return references != null && !(references[index] instanceof Unloaded);
    }

    /**
     * Whether the reference of relationship {@code index} was left unloaded by a query (lazy or raise) and not set by
     * the application since: its field holds nothing meaningful, and the flush leaves its foreign key alone. Only
     * meaningful for references: ask it of a collection and the answer is true.
     */
    public boolean isReferenceUnloaded(int index) {
        return references != null && references[index] instanceof Unloaded;
    }

    /**
     * Whether the application set the reference of relationship {@code index} before it was loaded: its committed
     * target is not known, and the flush writes the foreign key from the field, null included.
     */
    public boolean isReferenceSetWhileUnloaded(int index) {
        return references != null && references[index] == SET_WHILE_UNLOADED;
    }

    /**
     * Records that the application set the reference of relationship {@code index} where its target in the row is
     * not known (never loaded, or the object is expired): reads show the field, a refresh keeps it, and the flush
     * writes the foreign key from it.
     */
    void referenceSet(int index) {
        references()[index] = SET_WHILE_UNLOADED;
    }

    /** At expiry: references the application set are forgotten, as its other changes (the row's load again). */
    void discardReferenceWrites() {
        if (references != null) {
            for (int i = 0; i < references.length; i++) {
                if (references[i] == SET_WHILE_UNLOADED) {
                    references[i] = UNLOADED;
                }
            }
        }
    }

    /**
     * Before an expired object is filled from its row again: every reference is unloaded (loaded again as the query
     * says) but those the application set meanwhile.
     */
    void referencesExpired() {
        if (references == null) {
            return;
        }
        boolean kept = false;
        for (int i = 0; i < references.length; i++) {
            if (references[i] == SET_WHILE_UNLOADED) {
                kept = true;
            } else {
                references[i] = UNLOADED;
            }
        }
        if (!kept) {
            references = null;
        }
    }

    /** Whether any reference of the object is unloaded (reading it would load). */
    boolean hasUnloadedReference() {
        if (references != null) {
            for (RelationshipMapper relationship : mapper.relationships()) {
                if (!relationship.isCollection() && references[relationship.index] instanceof Unloaded) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records that relationship {@code index} now refers to {@code value}, as in the database. */
    public void referenceLoaded(int index, @Nullable Object value) {
        references()[index] = value;
    }

    /** Records that reference {@code index} is not loaded: its next read loads it (lazily, batched). */
    public void referenceLeftUnloaded(int index) {
        references()[index] = UNLOADED;
    }

    /** Records that relationship {@code index} is not loaded, and how it loads on read. */
    void referenceUnloaded(int index, Unloaded marker) {
        references()[index] = marker;
    }

    private @Nullable Object[] references() {
        if (references == null) {
            references = new Object[mapper.relationshipCount()];
            java.util.Arrays.fill(references, UNLOADED);
        }
        return references;
    }

    /**
     * The object relationship {@code index} referred to when loaded or last flushed, or UNLOADED when that is not
     * known (never loaded, or set by the application before it was loaded).
     */
    public @Nullable Object committedReference(int index) {
        Object value = references == null ? UNLOADED : references[index];
        return value instanceof Unloaded || value == SET_WHILE_UNLOADED ? UNLOADED : value;
    }

    /**
     * Column fields (by enhanced index) the application wrote while the object was expired: a refresh keeps their
     * values rather than the row's. Null while there are none.
     */
    public boolean @Nullable [] writtenWhileExpired;

    /**
     * Attribute indexes of deferred columns the query left out and nothing loaded since: their fields hold nothing
     * meaningful, a read loads them ({@link DeferredColumns}), a flush neither compares nor writes them. Null for none.
     */
    public java.util.@Nullable BitSet unloadedColumns;
    /**
     * Among {@link #unloadedColumns}, those {@code session.expire(object, names...)} expired: the read of one loads
     * them all.
     */
    public java.util.@Nullable BitSet expiredColumns;
    /** Among {@link #unloadedColumns}, those whose read raises (SQLAlchemy's {@code raiseload=True}). */
    java.util.@Nullable BitSet raiseColumns;
    /** Attribute indexes of deferred columns the application wrote without loading them: the next flush writes them. */
    public java.util.@Nullable BitSet writtenUnloaded;

    InstanceState(EntityMapper<?> mapper, Object instance, Status status, @Nullable DefaultSession session) {
        this.mapper = mapper;
        this.instance = instance;
        this.status = status;
        this.session = session;
        this.generation = session == null ? 0 : session.generation;
    }

    /**
     * Detaches the state if its session let go of all its objects since it was attached: a session's close does not
     * visit its objects (a million of them would cost a pass over memory that nothing else needs), each one detaches
     * here, at its next use. Every read of the session, status or object goes through this.
     */
    void settle() {
        DefaultSession current = session;
        if (current != null && current.generation != generation) {
            detach();
        }
    }

    /** Where the object stands. */
    public Status status() {
        settle();
        return status;
    }

    /** Sets where the object stands (the flush, a deletion, a rolled-back deletion); only while attached. */
    public void status(Status newStatus) {
        settle();
        status = newStatus;
        if (newStatus == Status.DELETED) {
            rowDeleted = true;
        } else if (newStatus == Status.PERSISTENT) {
            rowDeleted = false; // a rollback restored it
        }
    }

    /**
     * Whether a session deleted the object's row (a flushed DELETE, kept when the object is detached at commit): it
     * cannot be added again, as SQLAlchemy's {@code _deleted} flag.
     */
    public boolean rowDeleted() {
        return rowDeleted;
    }

    /** The session holding the object, or null when detached or transient. */
    public @Nullable DefaultSession session() {
        settle();
        return session;
    }

    /** The object while a session holds it; null once detached. */
    public @Nullable Object instance() {
        settle();
        return instance;
    }

    /** Attaches a detached object's state to a session again: persistent, in its current generation. */
    void attach(DefaultSession newSession, Object object) {
        instance = object;
        session = newSession;
        status = Status.PERSISTENT;
        generation = newSession.generation;
    }

    /** The column values last loaded or flushed; refused while there are none (a pending object). */
    public @Nullable Object[] committedValues() {
        @Nullable Object[] values = committed;
        if (values == null) {
            throw new IllegalStateException("The " + mapper.entityClass().getSimpleName() + " has no committed"
                    + " values: it was never loaded or flushed");
        }
        return values;
    }

    /**
     * {@link #beforeInsert} where every field an INSERT may assign was null before it (a new object whose key the
     * database generates, the usual case): no copy of the object's values is kept for it.
     */
    private static final @Nullable Object[] NOTHING_ASSIGNED = new Object[0];

    /** Whether an INSERT may assign the field: a generated key, the version, a server default. */
    private boolean assignedByInsert(Attribute attribute) {
        return attribute.serverDefault() || attribute == mapper.version()
                || (attribute.column().isPrimaryKey() && mapper.keyGeneration() != io.retort.orm.Generation.ASSIGNED);
    }

    /**
     * What {@link #restoreBeforeInsert} needs of the object before its INSERT: its values (copied only for
     * {@code byte[]}), or nothing where every field the INSERT may assign is null.
     */
    public @Nullable Object[] valuesBeforeInsert(Object object) {
        for (Attribute attribute : mapper.attributes()) {
            if (assignedByInsert(attribute) && attribute.get(object) != null) {
                return Values.owned(mapper, mapper.values(object));
            }
        }
        return NOTHING_ASSIGNED;
    }

    /** Puts back the fields a rolled-back INSERT assigned: generated keys, the version, server defaults. */
    public void restoreBeforeInsert() {
        @Nullable Object[] before = beforeInsert;
        Object object = instance;
        if (before == null || object == null) {
            return;
        }
        for (Attribute attribute : mapper.attributes()) {
            if (assignedByInsert(attribute)) {
                attribute.set(object, before == NOTHING_ASSIGNED ? null : before[attribute.index()]);
            }
        }
    }

    /** The object; only valid while attached. */
    public Object object() {
        settle();
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
        // Reference baselines stay: an unloaded reference of a detached object must still refuse to be read.
        collections = null;
    }

    /** Per thread: how deep the ORM is in code that must not load on read (an object's toString() in a message). */
    private static final ThreadLocal<int[]> QUIET = ThreadLocal.withInitial(() -> new int[1]);

    /** Runs {@code work} with loading on read off: expired and unloaded attributes show what their fields hold. */
    static <T> T quietly(java.util.function.Supplier<T> work) {
        int[] depth = QUIET.get();
        depth[0]++;
        try {
            return work.get();
        } finally {
            depth[0]--;
        }
    }

    /** The state of an enhanced object, or null while no session has held it. */
    public static @Nullable InstanceState of(Object instance) {
        if (!(instance instanceof Enhanced)) {
            return null;
        }
        InstanceState state = (InstanceState) ((Enhanced) instance).$$retort_hooks();
        if (state != null) {
            state.settle();
        }
        return state;
    }

    /** Stores this state in its object. */
    void bind(Object instance) {
        ((Enhanced) instance).$$retort_hooks(this);
    }

    /**
     * Before a mapped field is read: an expired object loads its row first (one SELECT, in its session), and an
     * unloaded lazy reference loads (batched with the other objects of its query); on a detached object either is a
     * {@link DetachedInstanceException}. Collections load themselves when used.
     */
    @Override
    public void beforeRead(Object instance, int index) {
        settle();
        if (QUIET.get()[0] > 0) {
            return;
        }
        if (expired) {
            RelationshipMapper relationship = mapper.relationshipOfField(index);
            if (relationship == null || !relationship.isCollection()) {
                loadExpired(instance, index);
            }
        }
        if (references != null) {
            RelationshipMapper reference = mapper.relationshipOfField(index);
            if (reference != null && !reference.isCollection() && references[reference.index] instanceof Unloaded) {
                loadReference(instance, index, reference, (Unloaded) references[reference.index]);
            }
        }
        java.util.BitSet unloaded = unloadedColumns;
        if (unloaded != null && !unloaded.isEmpty()) {
            DeferredColumns.beforeRead(this, instance, index);
        }
    }

    private void loadExpired(Object instance, int index) {
        DefaultSession current = session;
        if (current == null || current.isClosed() || status == Status.DETACHED) {
            throw new DetachedInstanceException("Cannot read " + mapper.fieldName(index) + ": the "
                    + describe() + " is detached (its Session is closed, or it was expunged) and the attribute is"
                    + " expired (a commit or rollback expired it), so there is no value to show and no Session to"
                    + " load it through. Read it before the Session closes, or keep the values loaded at commit with"
                    + " SessionFactory.builder(engine).expireOnCommit(false) (retort.expire-on-commit=false in CDI)");
        }
        current.lazyLoading().loadExpired(this, instance, index);
    }

    private void loadReference(Object instance, int index, RelationshipMapper reference, Unloaded marker) {
        String option = "select(" + mapper.entityClass().getSimpleName() + ".class).options(selectIn("
                + mapper.entityClass().getSimpleName() + "_." + reference.name + "))";
        if (marker.raise) {
            throw new InvalidRequestException("Relationship " + reference + " is not loaded and its loading is"
                    + " RAISE, so reading it is an error; load it with the query, e.g. " + option);
        }
        DefaultSession current = session;
        if (marker.raiseOnSql) {
            Object identity = reference.kind == RelationshipMapper.Kind.MANY_TO_ONE
                    ? Loader.foreignKeyValue(reference.foreignKey, this) : null;
            InstanceState held = identity == null || current == null ? null : current.objects().held(reference.target, identity);
            if (reference.kind == RelationshipMapper.Kind.MANY_TO_ONE && (identity == null || held != null)) {
                Object target = held == null ? null : held.object();
                reference.set(instance, target); // no SQL needed: no key, or the target is in the identity map
                referenceLoaded(reference.index, target);
                return;
            }
            throw new InvalidRequestException("Relationship " + reference + " is not loaded and its loading is"
                    + " RAISE_ON_SQL: reading it would send SQL" + (identity == null ? "" : " (its target "
                    + identity + " is not in the session)") + ", which is an error; load it with the query, e.g. "
                    + option);
        }
        if (current == null || current.isClosed() || status == Status.DETACHED) {
            throw new DetachedInstanceException("Cannot read " + mapper.fieldName(index) + ": the " + describe()
                    + " is detached (its Session is closed, or it was expunged) and the relationship was never"
                    + " loaded, so there is no Session to load it through. Load it with the query that loads the"
                    + " object, e.g. " + option + ", or read it before the Session closes");
        }
        if (status != Status.PERSISTENT) {
            throw new InvalidRequestException("Relationship " + reference + " of " + describe() + " is not loaded,"
                    + " and the object is " + status.name().toLowerCase(java.util.Locale.ROOT) + ", so it has no row"
                    + " to load it from; load references before deleting their owner");
        }
        // Named for the N+1 warning: a reference loaded alone (its object did not come with others from one query)
        // in a loop runs this statement once per object.
        try (io.retort.engine.StatementOrigin origin = io.retort.engine.StatementOrigin.enter("the lazy load of "
                + reference, "load it with the objects' query, e.g. " + option + ", or load the objects with one"
                + " query so that their lazy references load together")) {
            current.lazyLoading().loadReference(this, reference, marker);
        }
    }

    /** Records that the application changed the object: the next flush of its session looks at it. */
    void markModified() {
        settle();
        if (!modified) {
            DefaultSession current = session;
            if (current != null && status == Status.PERSISTENT) {
                modified = true;
                current.objects().modified(this);
            }
        }
    }

    /** {@code User with identity 1}, without reading the object's fields. */
    String describe() {
        return mapper.entityClass().getSimpleName() + (identity != null ? " with identity " + identity : "");
    }

    /**
     * Before a column field is written: a write to an expired object is kept when the object's row loads again (the
     * next flush writes it).
     */
    @Override
    public void beforeWrite(Object instance, int index) {
        settle();
        if (releasedByYieldPer) {
            throw new InvalidRequestException("Cannot change " + mapper.fieldName(index) + " of " + describe()
                    + ": it was loaded by a query with yieldPer and, unchanged, left the Session when the next batch"
                    + " was read (so that the result need not fit in memory); change objects in the loop body that"
                    + " reads them, or load the ones to change without yieldPer");
        }
        markModified();
        java.util.BitSet unloaded = unloadedColumns;
        if (unloaded != null && !unloaded.isEmpty()) {
            DeferredColumns.beforeWrite(this, index);
        }
        if (expired) {
            boolean[] written = writtenWhileExpired;
            if (written == null) {
                written = new boolean[mapper.fieldCount()];
                writtenWhileExpired = written;
            }
            written[index] = true;
        }
    }
}
