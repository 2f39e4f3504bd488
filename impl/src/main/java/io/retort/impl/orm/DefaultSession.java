package io.retort.impl.orm;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Result;
import io.retort.engine.TypedResult;
import io.retort.exception.DatabaseException;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.PendingRollbackException;
import io.retort.exception.ResourceClosedException;
import io.retort.orm.EntitySelect;
import io.retort.orm.Orm;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.spi.TransactionCoordinator;
import io.retort.sql.Executable;
import io.retort.sql.Predicate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The session: identity map, instance states and the transaction, with the unit of work in {@link UnitOfWork}.
 * Not thread-safe, as the API says.
 */
public final class DefaultSession implements Session {
    private final SessionFactory factory;
    private final Engine engine;
    private final TransactionCoordinator coordinator;
    /** Persistent objects (loaded or flushed) by class and primary key. */
    private final IdentityMap identityMap = new IdentityMap();
    /** Added objects not yet flushed, in the order they were added. */
    private final List<InstanceState> pending = new ArrayList<>();
    /**
     * Persistent objects the application changed since the last flush (their state says so, and may have left the
     * session since): with the pending ones, all a flush looks at, unless their class has values that change in place.
     */
    private final List<InstanceState> modified = new ArrayList<>();
    /** Objects whose DELETE was flushed in the current transaction. */
    private final List<InstanceState> deletedInTransaction = new ArrayList<>();
    /**
     * Objects whose INSERT was flushed in the current transaction (some may have left since: their state says), so
     * that a commit or rollback need not look at every object the session holds.
     */
    private final List<InstanceState> insertedInTransaction = new ArrayList<>();
    private @Nullable Connection connection;
    private TransactionCoordinator.@Nullable ExternalTransaction joined;
    private @Nullable RuntimeException failure;
    private boolean flushing;
    /** How deep the session is in walking cascades: a lazy load they cause does not autoflush. */
    private int cascading;
    private boolean closed;
    /** Closed inside a JTA transaction: flush before it completes and detach after. */
    private boolean closeAfterCompletion;
    private final Loader loader = new Loader(this);
    private final Cascades cascades = new Cascades(this);

    /** Opens a session; no connection is taken until the session first needs one. */
    public DefaultSession(SessionFactory factory) {
        this.factory = factory;
        this.engine = factory.engine();
        this.coordinator = engine.options().transactionCoordinator();
    }

    // ---- objects in and out ----

    @Override
    public void add(Object instance) {
        checkUsable();
        joinExternal();
        attach(Objects.requireNonNull(instance, "instance"));
    }

    @Override
    public void addAll(Collection<?> instances) {
        checkUsable();
        joinExternal();
        for (Object instance : instances) {
            attach(Objects.requireNonNull(instance, "an element of instances"));
        }
    }

    private void attach(Object instance) {
        InstanceState state = attachOnly(instance);
        if (state != null) {
            cascading++;
            try {
                cascades.cascadeFrom(state, false);
            } finally {
                cascading--;
            }
        }
    }

    /** Puts an object in the session without walking its relationships; the attached state, or null if held. */
    private @Nullable InstanceState attachOnly(Object instance) {
        EntityMapper<?> mapper = Mappers.ofInstance(instance);
        InstanceState state = InstanceState.of(instance);
        if (state == null) {
            InstanceState fresh = new InstanceState(mapper, instance, InstanceState.Status.PENDING, this);
            fresh.bind(instance);
            pending.add(fresh);
            return fresh;
        }
        if (state.session == this) {
            return null;
        }
        if (state.session != null && !state.session.closed) {
            throw new InvalidRequestException(mapper.describe(instance) + " is already in another open session;"
                    + " expunge it from that session (or close it) first, or merge() a copy into this one");
        }
        if (state.status == InstanceState.Status.TRANSIENT || state.identity == null) {
            // Transient again (expunged while pending, or its INSERT rolled back): a new state, so that nothing of
            // its earlier life (collections installed for another session, a snapshot) carries over.
            InstanceState fresh = new InstanceState(mapper, instance, InstanceState.Status.PENDING, this);
            fresh.bind(instance);
            pending.add(fresh);
            return fresh;
        }
        // A detached object: persistent again under its identity.
        InstanceState present = identityMap.get(mapper.entityClass(), state.identity);
        if (present != null) {
            throw new InvalidRequestException("Cannot add detached " + mapper.describe(instance) + ": this session"
                    + " already holds another instance with that identity; use session.merge(obj) to copy its state"
                    + " onto the instance the session holds");
        }
        state.instance = instance;
        state.session = this;
        state.status = InstanceState.Status.PERSISTENT;
        identityMap.put(state);
        state.modified = false;
        state.markModified(); // it may have changed while detached
        return state;
    }

    /**
     * Adds an object reached by a save-update cascade, without walking its relationships: the cascade that reached it
     * walks them (one work queue, no recursion).
     */
    void attachRelated(Object instance) {
        attachOnly(instance);
    }

    /** Adds an object appended to a collection, with its own save-update cascade. */
    void attachAppended(Object instance) {
        attach(instance);
    }

    /** Records an object the application changed, for the next flush. */
    void modified(InstanceState state) {
        modified.add(state);
    }

    /** The pending objects, in the order they were added. */
    List<InstanceState> pendingStates() {
        return new ArrayList<>(pending);
    }

    /**
     * The persistent objects a flush must look at: those changed since the last flush, and every object of a class
     * whose values can change in place (a byte[], a mutable type of the application's), which no write reports.
     */
    private List<InstanceState> flushCandidates() {
        List<InstanceState> candidates = new ArrayList<>(modified.size());
        for (InstanceState state : modified) {
            if (state.session == this && state.status == InstanceState.Status.PERSISTENT) {
                candidates.add(state);
            }
        }
        if (identityMap.hasMutableValues()) {
            for (InstanceState state : identityMap) {
                if (state.mapper.hasMutableValues() && !state.modified) {
                    candidates.add(state);
                }
            }
        }
        return candidates;
    }

    /** After a flush or a rollback: nothing is changed any more. */
    private void clearModified() {
        for (InstanceState state : modified) {
            state.modified = false;
        }
        modified.clear();
    }

    /** The pending and persistent objects of one mapped class, or of all when {@code mapper} is null. */
    List<InstanceState> attachedStates(@Nullable EntityMapper<?> mapper) {
        List<InstanceState> states = new ArrayList<>();
        for (InstanceState state : pending) {
            if (mapper == null || state.mapper == mapper) {
                states.add(state);
            }
        }
        for (InstanceState state : identityMap) {
            if (mapper == null || state.mapper == mapper) {
                states.add(state);
            }
        }
        return states;
    }

    /** Whether an object is pending or persistent in this session. */
    boolean holds(Object instance) {
        InstanceState state = InstanceState.of(instance);
        return state != null && state.session == this;
    }

    @Override
    public <E> @Nullable E get(Class<E> type, Object primaryKey) {
        checkUsable();
        Objects.requireNonNull(primaryKey, "primaryKey");
        EntityMapper<E> mapper = Mappers.of(type);
        Object identity = mapper.identityFromArgument(primaryKey);
        InstanceState state = identityMap.get(type, identity);
        if (state != null && !state.expired) {
            return state.markedForDeletion ? null : type.cast(state.object());
        }
        // A primary-key lookup sees only its own row, which the session holds no change to (it is not in the identity
        // map, or expired): only a new object of the class, which may have that key, needs flushing first.
        if (state != null || hasPending(mapper)) {
            autoflush();
        }
        state = identityMap.get(type, identity);
        if (state != null && (state.markedForDeletion || state.status == InstanceState.Status.DELETED)) {
            return null;
        }
        return loadByIdentity(mapper, identity);
    }

    /** SELECT ... WHERE key = ?: the loaded object (refreshing an expired one), or null. */
    private <E> @Nullable E loadByIdentity(EntityMapper<E> mapper, Object identity) {
        try (TypedResult<E> result = scalarsNoFlush(mapper.byIdentity(), mapper.identityParameters(identity))) {
            return result.oneOrNull();
        }
    }

    private boolean hasPending(EntityMapper<?> mapper) {
        for (InstanceState state : pending) {
            if (state.mapper == mapper) {
                return true;
            }
        }
        return false;
    }

    /** The identity-map state of an object of {@code mapper} with this identity, unless deleted. */
    @Nullable InstanceState held(EntityMapper<?> mapper, Object identity) {
        InstanceState state = identityMap.get(mapper.entityClass(), identity);
        return state == null || state.markedForDeletion ? null : state;
    }

    /** Loads the unloaded collections of a lazy load group that are still in this session. */
    void loadLazily(LoadGroup group) {
        if (!flushing) {
            checkUsable();
            lazyAutoflush();
        }
        List<CollectionTracking> members = new ArrayList<>();
        for (CollectionTracking tracking : group.members) {
            if (!tracking.isLoaded() && tracking.ownerState.session == this
                    && tracking.ownerState.status == InstanceState.Status.PERSISTENT) {
                members.add(tracking);
            }
        }
        if (!members.isEmpty()) {
            loader.loadCollections(group.relationship, members, group.next == null ? LoadPlan.NONE : group.next);
        }
    }

    /**
     * Loads the row of an expired object because attribute {@code index} was read: one SELECT by primary key, without
     * autoflush (the object's own unflushed writes are kept by the refresh).
     */
    void loadExpired(InstanceState state, Object instance, int index) {
        if (!flushing) {
            checkUsable();
        }
        Object identity = state.identity;
        if (state.status != InstanceState.Status.PERSISTENT || identity == null) {
            throw new InvalidRequestException("Cannot read " + state.mapper.fieldName(index) + " of "
                    + state.mapper.describe(instance) + ": it is expired and "
                    + state.status.name().toLowerCase(java.util.Locale.ROOT) + ", so it has no row to load it from");
        }
        if (loadByIdentity(state.mapper, identity) == null) {
            throw new InvalidRequestException("Cannot read " + state.mapper.fieldName(index) + " of "
                    + state.mapper.describe(instance) + ": it is expired, and its row is gone from table "
                    + state.mapper.table().name() + " (deleted by another transaction?); expunge the object or"
                    + " load it again");
        }
    }

    /**
     * Loads a lazy reference on its first read, with those of the other objects of its query still unloaded in this
     * session: the identity map first, then one {@code SELECT ... IN} for the keys it lacks.
     */
    void loadReferenceLazily(InstanceState state, RelationshipMapper reference, InstanceState.Unloaded marker) {
        if (!flushing) {
            checkUsable();
            lazyAutoflush();
        }
        List<InstanceState> members = new ArrayList<>();
        members.add(state);
        ReferenceGroup group = marker.group;
        if (group != null) {
            for (InstanceState member : group.members) {
                if (member != state && member.session == this && member.status == InstanceState.Status.PERSISTENT
                        && member.references != null && member.references[reference.index] == marker) {
                    members.add(member);
                }
            }
        }
        loader.loadReferences(reference, members, group == null ? LoadPlan.NONE : group.next);
    }

    /**
     * A lazy load the application caused (reading a field, using a collection) autoflushes first, as SQLAlchemy's lazy
     * loaders do: the rows it reads then include the session's own changes (an address just moved to another user
     * is not loaded back into the old user's collection).
     */
    private void lazyAutoflush() {
        if (cascading == 0) {
            autoflush();
        }
    }

    /** The loader of this session's queries. */
    Loader loader() {
        return loader;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Predicate keyCriteria(EntityMapper<?> mapper, Object identity) {
        Attribute[] key = mapper.key();
        if (key.length == 1) {
            return ((io.retort.schema.Column) key[0].column()).eq(identity);
        }
        List<?> values = (List<?>) identity;
        Predicate criteria = ((io.retort.schema.Column) key[0].column()).eq(values.get(0));
        for (int i = 1; i < key.length; i++) {
            criteria = criteria.and(((io.retort.schema.Column) key[i].column()).eq(values.get(i)));
        }
        return criteria;
    }

    @Override
    public void delete(Object instance) {
        checkUsable();
        joinExternal();
        InstanceState state = stateInThisSession(instance, "delete");
        if (state.status == InstanceState.Status.PENDING) {
            expungePending(state);
            return;
        }
        if (state.status == InstanceState.Status.PERSISTENT) {
            state.markedForDeletion = true;
            state.markModified();
        }
    }

    private InstanceState stateInThisSession(Object instance, String operation) {
        Objects.requireNonNull(instance, "instance");
        EntityMapper<?> mapper = Mappers.ofInstance(instance);
        InstanceState state = InstanceState.of(instance);
        if (state == null || state.session != this) {
            String where = state == null || state.status == InstanceState.Status.TRANSIENT ? "transient (never added)"
                    : state.session == null ? "detached" : "in another session";
            throw new InvalidRequestException("Cannot " + operation + " " + mapper.describe(instance) + ": it is "
                    + where + ", not in this session" + ("delete".equals(operation)
                            ? "; add() it, or load it with get(), first" : ""));
        }
        return state;
    }

    @Override
    public void refresh(Object instance) {
        checkUsable();
        InstanceState state = stateInThisSession(instance, "refresh");
        if (state.identity == null || state.status != InstanceState.Status.PERSISTENT) {
            throw new InvalidRequestException("Cannot refresh " + state.mapper.describe(instance) + ": it is "
                    + state.status.name().toLowerCase(java.util.Locale.ROOT) + "; only a persistent object has a row"
                    + " to refresh from (flush it first)");
        }
        state.expired = true;
        Object loaded = loadByIdentity(state.mapper, state.identity);
        if (loaded == null) {
            throw new InvalidRequestException("Could not refresh " + state.mapper.describe(instance) + ": its row"
                    + " is gone from table " + state.mapper.table().name() + " (deleted by another transaction?)");
        }
    }

    @Override
    public void expire(Object instance) {
        checkUsable();
        InstanceState state = stateInThisSession(instance, "expire");
        if (state.status == InstanceState.Status.PERSISTENT) {
            expireState(state);
        }
    }

    @Override
    public void expireAll() {
        checkUsable();
        for (InstanceState state : identityMap) {
            expireState(state);
        }
    }

    /** Marks an object for reload; its loaded collections unload and its references reload with it. */
    private static void expireState(InstanceState state) {
        state.expired = true;
        state.writtenWhileExpired = null;
        if (state.instance != null && state.committed != null
                && (state.modified || state.mapper.hasMutableValues())) {
            // Changes made before expire() are discarded; fields assigned after it are written by the next flush.
            // An unchanged object's fields are its committed values already (after a commit, every object): no copy.
            state.committed = Values.snapshot(state.mapper.values(state.instance));
        }
        if (state.collections != null) {
            for (CollectionTracking tracking : state.collections) {
                if (tracking != null) {
                    tracking.expire();
                }
            }
        }
    }

    @Override
    public <E> E merge(E instance) {
        checkUsable();
        joinExternal();
        return mergeInto(Objects.requireNonNull(instance, "instance"), new IdentityHashMap<>());
    }

    /** merge(): the session's instance for the object's key, with the object's state, and merge-cascaded relations. */
    @SuppressWarnings("unchecked")
    private <E> E mergeInto(E instance, Map<Object, Object> merged) {
        Object done = merged.get(instance);
        if (done != null) {
            return (E) done;
        }
        EntityMapper<E> mapper = (EntityMapper<E>) Mappers.ofInstance(instance);
        InstanceState own = InstanceState.of(instance);
        if (own != null && own.session == this) {
            merged.put(instance, instance);
            return instance;
        }
        Object identity = mapper.identity(instance);
        E existing = identity == null ? null : get(mapper.entityClass(), identity);
        boolean created = existing == null;
        E target = existing != null ? existing : mapper.newInstance();
        merged.put(instance, target);
        mapper.populate(target, mapper.values(instance));
        InstanceState targetState = InstanceState.of(target);
        if (targetState != null) {
            targetState.markModified();
        }
        if (mapper.hasRelationships()) {
            for (RelationshipMapper relationship : mapper.relationships()) {
                if (!relationship.cascades(io.retort.orm.Cascade.MERGE)) {
                    continue;
                }
                Object value = relationship.get(instance);
                if (value instanceof TrackedCollection && !((TrackedCollection) value).tracking().isLoaded()
                        || !relationship.isCollection() && own != null
                                && own.isReferenceUnloaded(relationship.index)) {
                    continue; // never loaded on the given object: nothing to copy
                }
                if (value == null && relationship.kind == RelationshipMapper.Kind.MANY_TO_ONE
                        && UnitOfWork.hasKeyValues(relationship.foreignKey, instance)) {
                    continue; // a copy that carries the foreign key but not the object: the key decides
                }
                if (relationship.isCollection()) {
                    java.util.Collection<Object> copy = relationship.collectionType == java.util.Set.class
                            ? new java.util.LinkedHashSet<>() : new ArrayList<>();
                    for (Object element : relationship.related(instance)) {
                        copy.add(mergeInto(element, merged));
                    }
                    relationship.set(target, copy);
                } else {
                    relationship.set(target, value == null ? null : mergeInto(value, merged));
                }
            }
        }
        if (created) {
            attach(target);
        }
        return target;
    }

    @Override
    public void expunge(Object instance) {
        checkNotClosed();
        InstanceState state = stateInThisSession(instance, "expunge");
        if (state.status == InstanceState.Status.PENDING) {
            expungePending(state);
            return;
        }
        remove(state);
        state.detach();
    }

    /**
     * Takes a pending object out of the session with the pending objects its save-update cascades brought in (they
     * would bring it back at flush otherwise): all of them are transient again.
     */
    private void expungePending(InstanceState root) {
        java.util.Deque<InstanceState> work = new java.util.ArrayDeque<>();
        work.add(root);
        while (!work.isEmpty()) {
            InstanceState state = work.poll();
            if (state.session != this || state.status != InstanceState.Status.PENDING) {
                continue;
            }
            Object instance = state.object();
            expungeState(state);
            if (!state.mapper.hasRelationships()) {
                continue;
            }
            for (RelationshipMapper relationship : state.mapper.relationships()) {
                if (!relationship.cascades(io.retort.orm.Cascade.SAVE_UPDATE)) {
                    continue;
                }
                for (Object related : relationship.related(instance)) {
                    InstanceState other = InstanceState.of(related);
                    if (other != null) {
                        work.add(other);
                    }
                }
            }
        }
    }

    /** Takes an object out of the session (a pending orphan, a pending object deleted by a cascade). */
    void expungeState(InstanceState state) {
        remove(state);
        state.detach();
    }

    private void remove(InstanceState state) {
        if (state.status == InstanceState.Status.PENDING) {
            pending.remove(state);
        } else if (state.identity != null) {
            identityMap.remove(state);
            deletedInTransaction.remove(state);
        }
    }

    @Override
    public void expungeAll() {
        checkNotClosed();
        detachAll();
    }

    private void detachAll() {
        for (InstanceState state : pending) {
            state.detach();
        }
        for (InstanceState state : identityMap) {
            state.detach();
        }
        for (InstanceState state : deletedInTransaction) {
            state.detach();
        }
        pending.clear();
        identityMap.clear();
        deletedInTransaction.clear();
    }

    @Override
    public boolean contains(Object instance) {
        InstanceState state = InstanceState.of(Objects.requireNonNull(instance, "instance"));
        // A flushed deletion is no longer in the session (SQLAlchemy: deleted objects are not "in" it).
        return state != null && state.session == this && state.status != InstanceState.Status.DELETED;
    }

    @Override
    public boolean isModified(Object instance) {
        InstanceState state = stateInThisSession(instance, "inspect");
        return !changedAttributes(state).isEmpty();
    }

    /** The names of the mapped fields of a persistent object changed since it was loaded or flushed. */
    Set<String> changedAttributes(InstanceState state) {
        if (state.status != InstanceState.Status.PERSISTENT || state.committed == null || state.instance == null
                || state.expired && state.writtenWhileExpired == null) {
            return Set.of();
        }
        boolean[] written = state.expired ? state.writtenWhileExpired : null;
        Set<String> changed = new LinkedHashSet<>();
        for (Attribute attribute : state.mapper.attributes()) {
            if (written != null ? written[attribute.enhancedIndex()]
                    : !Values.same(attribute.get(state.instance), state.committed[attribute.index()])) {
                changed.add(attribute.name());
            }
        }
        return changed;
    }

    @Override
    public Set<Object> newObjects() {
        Set<Object> objects = identitySet();
        for (InstanceState state : pending) {
            objects.add(state.object());
        }
        return Collections.unmodifiableSet(objects);
    }

    @Override
    public Set<Object> dirtyObjects() {
        Set<Object> objects = identitySet();
        for (InstanceState state : identityMap) {
            if (!state.markedForDeletion && !changedAttributes(state).isEmpty()) {
                objects.add(state.object());
            }
        }
        return Collections.unmodifiableSet(objects);
    }

    @Override
    public Set<Object> deletedObjects() {
        Set<Object> objects = identitySet();
        for (InstanceState state : identityMap) {
            if (state.markedForDeletion) {
                objects.add(state.object());
            }
        }
        return Collections.unmodifiableSet(objects);
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    // ---- queries ----

    @Override
    public <E> TypedResult<E> scalars(EntitySelect<E> select) {
        return scalars(select, Map.of());
    }

    @Override
    public <E> TypedResult<E> scalars(EntitySelect<E> select, Map<String, ? extends @Nullable Object> parameters) {
        checkUsable();
        autoflush();
        return scalarsNoFlush(select, parameters);
    }

    @SuppressWarnings("unchecked")
    private <E> TypedResult<E> scalarsNoFlush(EntitySelect<E> select,
            Map<String, ? extends @Nullable Object> parameters) {
        EntityMapper<E> mapper = Mappers.of(select.entityClass());
        LoadPlan plan = LoadPlan.of(mapper, select.loadOptions());
        // Every object is of the mapped class (a mapper builds only its own class), so the list needs no copy.
        return new ListResult<>((List<E>) loader.query(mapper, select.statement(), parameters, plan).instances());
    }

    /** Whether a row has a non-null key for {@code mapper} at {@code offset} (a LEFT OUTER JOIN may give none). */
    boolean rowHasKey(EntityMapper<?> mapper, @Nullable Object[] row, int offset) {
        for (Attribute key : mapper.key()) {
            if (row[offset + key.index()] == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The state of the object for the columns of {@code mapper} starting at {@code offset} of a row's values: the one
     * the identity map holds (refreshed if expired) or a new persistent one; it is added to {@code loaded}. A row that
     * is all this mapper's columns becomes the object's committed snapshot as it is.
     */
    InstanceState loadRow(EntityMapper<?> mapper, @Nullable Object[] row, int offset, Loader.LoadedObjects loaded) {
        int width = mapper.attributes().size();
        @Nullable Object[] values = offset == 0 && row.length == width ? row
                : Arrays.copyOfRange(row, offset, offset + width);
        Object identity = mapper.identity(values);
        if (identity == null) {
            throw new InvalidRequestException("A row of " + mapper.table().name() + " has a NULL primary key"
                    + " (" + mapper.primaryKeyAttributes() + "), so it cannot be loaded as a "
                    + mapper.entityClass().getSimpleName());
        }
        InstanceState state = identityMap.get(mapper.entityClass(), identity);
        if (state != null) {
            Object existing = state.object();
            if (!state.expired) {
                loaded.add(state, false);
                return state;
            }
            boolean[] written = state.writtenWhileExpired;
            if (written == null) {
                mapper.populate(existing, values);
            } else {
                mapper.populateExcept(existing, values, written); // the application's writes since expiry stay
            }
            state.committed = Values.owned(values);
            state.expired = false;
            state.writtenWhileExpired = null;
            state.references = null;
            loaded.add(state, true);
            return state;
        }
        Object instance = mapper.newInstance();
        mapper.populate(instance, values);
        InstanceState fresh = new InstanceState(mapper, instance, InstanceState.Status.PERSISTENT, this);
        fresh.identity = identity;
        fresh.committed = Values.owned(values);
        fresh.bind(instance);
        identityMap.put(fresh);
        loaded.add(fresh, true);
        return fresh;
    }

    @Override
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result execute(Executable statement, Map<String, ? extends @Nullable Object> parameters) {
        checkUsable();
        autoflush();
        return connection().execute(statement, parameters);
    }

    @Override
    public Result execute(Executable statement,
            List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        checkUsable();
        autoflush();
        return connection().execute(statement, parameterSets);
    }

    // ---- flush and transactions ----

    private void autoflush() {
        if (factory.autoflush() && !flushing) {
            flush();
        }
    }

    @Override
    public void flush() {
        checkUsable();
        flushInternal();
    }

    private void flushInternal() {
        if (flushing) {
            throw new InvalidRequestException("Session is already flushing; flush() cannot be called from inside"
                    + " a flush");
        }
        flushing = true;
        UnitOfWork work = null;
        List<io.retort.engine.ExecutionListener> observed = List.of();
        try {
            List<InstanceState> attached = new ArrayList<>(pending);
            attached.addAll(flushCandidates());
            Set<InstanceState> touched = cascades.beforeFlush(attached);
            touched.addAll(modified); // also those the cascades changed on the way (a cleared back reference)
            List<InstanceState> held = new ArrayList<>();
            for (InstanceState state : touched) {
                if (state.session == this && state.status == InstanceState.Status.PERSISTENT) {
                    held.add(state);
                }
            }
            work = new UnitOfWork(this, held, pending, deletedInTransaction);
            if (work.isEmpty()) {
                clearModified();
                return;
            }
            observed = engine.listeners();
            for (io.retort.engine.ExecutionListener listener : observed) {
                listener.beforeFlush(); // a trace span for the flush, current while its statements run
            }
            work.execute(currentConnection());
            work.complete(identityMap, pending, deletedInTransaction, insertedInTransaction);
            clearModified();
            afterFlush(observed, work.objectsWritten(), null);
        } catch (RuntimeException e) {
            if (work != null) {
                afterFlush(observed, work.objectsWritten(), e);
                work.undo();
            }
            failed(e, work == null ? null : work.culprit());
            throw e;
        } finally {
            flushing = false;
        }
    }

    /** Tells the engine's listeners (metrics, tracing) that a flush that had work ended. */
    private static void afterFlush(List<io.retort.engine.ExecutionListener> observed, int objects,
            @Nullable RuntimeException failure) {
        for (int i = observed.size() - 1; i >= 0; i--) {
            observed.get(i).afterFlush(objects, failure);
        }
    }

    /** A flush failed: roll its transaction back and refuse work until {@link #rollback()}. */
    private void failed(RuntimeException e, @Nullable String culprit) {
        String note = "[Flush failed" + (culprit != null ? " while writing " + culprit : "") + "; the session's"
                + " transaction has been rolled back. Call session.rollback() before using the session again]";
        if (e instanceof DatabaseException) {
            ((DatabaseException) e).addNote(note);
        }
        failure = e;
        if (joined != null) {
            joined.setRollbackOnly();
        } else if (connection != null) {
            try {
                connection.rollback();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
        }
    }

    @Override
    public void commit() {
        checkUsable();
        joinExternal();
        if (joined != null) {
            throw new InvalidRequestException("This Session is part of a JTA transaction, which commits it: do not"
                    + " call session.commit(); let the @Transactional method return (or call"
                    + " UserTransaction.commit()), and the session flushes before the transaction completes");
        }
        flush();
        if (connection != null) {
            Connection current = connection;
            connection = null;
            try {
                current.commit();
            } catch (RuntimeException e) {
                // The transaction is gone: what it wrote is not in the database.
                current.close();
                afterRollback();
                throw e;
            }
            current.close();
        }
        afterCommit(true);
    }

    @Override
    public void rollback() {
        checkNotClosed();
        if (failure == null) {
            joinExternal();
        }
        if (joined != null) {
            throw new InvalidRequestException("This Session is part of a JTA transaction: do not call"
                    + " session.rollback(); throw from the @Transactional method, or call"
                    + " UserTransaction.setRollbackOnly() / rollback()");
        }
        Connection current = connection;
        connection = null;
        if (current != null) {
            current.close(); // rolls back
            afterRollback();
        } else {
            // No transaction began: nothing in the database to undo; objects added since are transient again.
            failure = null;
            for (InstanceState state : pending) {
                state.detach();
            }
            pending.clear();
        }
    }

    /**
     * After a commit: flushed deletions leave the session, new objects stay persistent, and with
     * {@code expireOnCommit} every object is expired (its next read loads it in a new transaction). A session that
     * closes right after its JTA transaction completes ({@code expire = false}) detaches its objects with the values
     * that transaction committed instead, so that what a {@code @Transactional} method returns can still be read.
     */
    private void afterCommit(boolean expire) {
        for (InstanceState state : deletedInTransaction) {
            state.detach();
        }
        deletedInTransaction.clear();
        for (InstanceState state : insertedInTransaction) {
            if (state.session == this) { // one that left was reset then, and may belong to another session now
                state.insertedInTransaction = false;
                state.beforeInsert = null;
            }
        }
        insertedInTransaction.clear();
        if (expire && factory.expireOnCommit()) {
            for (InstanceState state : identityMap) {
                expireState(state);
            }
        }
    }

    /**
     * After a rollback: objects inserted in the transaction and still-pending ones are transient again (their
     * generated keys cleared), flushed deletions are persistent again, and every persistent object is expired.
     */
    private void afterRollback() {
        undoInserts();
        for (InstanceState state : identityMap) {
            state.markedForDeletion = false;
            expireState(state);
        }
        clearModified(); // the objects are expired: changes made before the rollback are gone with it
    }

    /**
     * After a rollback, before anything else: objects inserted in the transaction (and those still pending) are
     * transient again with their generated keys cleared, and flushed deletions are undone.
     */
    private void undoInserts() {
        failure = null;
        for (InstanceState state : insertedInTransaction) {
            if (!state.insertedInTransaction || state.session != this
                    || state.status != InstanceState.Status.PERSISTENT) {
                continue; // left the session since, or deleted (undone below)
            }
            identityMap.remove(state);
            UnitOfWork.restoreBeforeInsert(state);
            state.identity = null;
            state.committed = null;
            state.detach();
        }
        for (InstanceState state : pending) {
            state.detach();
        }
        pending.clear();
        for (InstanceState state : deletedInTransaction) {
            if (state.insertedInTransaction) {
                // Inserted and deleted in the same transaction: its row never existed.
                UnitOfWork.restoreBeforeInsert(state);
                state.identity = null;
                state.committed = null;
                state.detach();
                continue;
            }
            state.status = InstanceState.Status.PERSISTENT;
            identityMap.put(state);
        }
        deletedInTransaction.clear();
        insertedInTransaction.clear();
    }

    @Override
    public Connection connection() {
        checkUsable();
        return currentConnection();
    }

    /** The connection of the session's transaction, begun if needed (also while a closed session still flushes). */
    Connection currentConnection() {
        joinExternal();
        if (connection == null) {
            connection = engine.connect();
        }
        return connection;
    }

    /**
     * Joins the caller's external (JTA) transaction, if there is one and the session has not joined it yet: the
     * session then flushes before it completes. Called by every operation that changes what the session holds, so
     * that objects added inside a transaction are written by it even if nothing else touches the database.
     */
    private void joinExternal() {
        if (joined == null && connection != null) {
            leaveLocalTransactionForExternal();
        }
        if (joined == null && connection == null) {
            TransactionCoordinator.ExternalTransaction external = coordinator.currentTransaction();
            if (external != null) {
                external.registerSynchronization(new JoinedTransaction());
                joined = external;
            }
        }
    }

    /**
     * A JTA transaction began on this thread after the session took a connection of its own (a query before
     * {@code tm.begin()}): a transaction that only read ends here, so that the session joins the JTA one; one that
     * wrote cannot become part of it, which is an error rather than work the JTA commit silently leaves out.
     */
    private void leaveLocalTransactionForExternal() {
        Connection local = connection;
        if (local == null || coordinator.currentTransaction() == null) {
            return;
        }
        if (local.wroteInTransaction() || !insertedInTransaction.isEmpty() || !deletedInTransaction.isEmpty()) {
            throw new InvalidRequestException("This Session wrote in a transaction of its own, begun before the JTA"
                    + " transaction of this thread, so its work cannot become part of the JTA transaction: call"
                    + " session.commit() or session.rollback() before the JTA transaction begins, or use the Session"
                    + " only inside it");
        }
        connection = null;
        local.close(); // it only read: ending it loses nothing
    }

    /** Flushes before a JTA transaction completes and settles the objects after it. */
    private final class JoinedTransaction implements TransactionCoordinator.Synchronization {
        @Override
        public void beforeCompletion() {
            if (failure == null && (!closed || closeAfterCompletion)) {
                flushInternal();
            }
        }

        @Override
        public void afterCompletion(boolean committed) {
            Connection current = connection;
            connection = null;
            joined = null;
            if (current != null) {
                current.close();
            }
            if (committed) {
                afterCommit(!closeAfterCompletion);
            } else {
                afterRollback();
            }
            if (closeAfterCompletion) {
                closeAfterCompletion = false;
                detachAll();
            }
        }
    }

    @Override
    public boolean inTransaction() {
        return connection != null;
    }

    @Override
    public boolean isActive() {
        return !closed && failure == null;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (joined != null) {
            // Closed inside a JTA transaction: its work is still flushed before the transaction completes, and the
            // objects are detached after it.
            closed = true;
            closeAfterCompletion = true;
            return;
        }
        try {
            if (connection != null) {
                Connection current = connection;
                connection = null;
                current.close();
                undoInserts(); // what the transaction inserted never existed; the rest is detached as it is
            }
        } finally {
            detachAll();
            closed = true;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkNotClosed() {
        if (closed) {
            throw new ResourceClosedException("This Session is closed; open a new one with Session.open(engine)");
        }
    }

    private void checkUsable() {
        checkNotClosed();
        if (failure != null) {
            String first = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
            throw new PendingRollbackException("This Session's transaction has been rolled back because of an"
                    + " error during flush: " + first + "\nCall session.rollback() before using the session again",
                    failure);
        }
    }

    @Override
    public String toString() {
        return "Session[" + engine + ", " + identityMap.size() + " persistent, " + pending.size() + " pending]";
    }

    /** The identity of {@code Orm.inspect}: the session's view of one state. */
    io.retort.orm.InstanceInfo info(InstanceState state) {
        io.retort.orm.ObjectState objectState;
        switch (state.status) {
            case PENDING:
                objectState = io.retort.orm.ObjectState.PENDING;
                break;
            case PERSISTENT:
                objectState = io.retort.orm.ObjectState.PERSISTENT;
                break;
            case DELETED:
                objectState = io.retort.orm.ObjectState.DELETED;
                break;
            default:
                throw new IllegalStateException("Unexpected status of an attached object: " + state.status);
        }
        return new io.retort.orm.InstanceInfo(objectState, state.identity, this, changedAttributes(state),
                state.expired);
    }
}
