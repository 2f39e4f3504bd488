package io.retort.impl.orm;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.NestedTransaction;
import io.retort.engine.Result;
import io.retort.engine.TypedResult;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.PendingRollbackException;
import io.retort.exception.ResourceClosedException;
import io.retort.orm.EntitySelect;
import io.retort.orm.OrmDelete;
import io.retort.orm.OrmInsert;
import io.retort.orm.OrmResult;
import io.retort.orm.OrmSelect;
import io.retort.orm.OrmUpdate;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.sql.Executable;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The session, as SQLAlchemy's {@code Session}: its objects ({@link SessionObjects}), its transaction
 * ({@link SessionTransaction}), the cascades ({@link Cascades}), loading ({@link Loader}, {@link LazyLoading}) and the
 * unit of work of each flush ({@link FlushWork}). Not thread-safe, as the API says.
 */
public final class DefaultSession implements Session {
    private final SessionFactory factory;
    private final Engine engine;
    /** The objects the session holds. */
    private final SessionObjects objects = new SessionObjects(this);
    private final SessionTransaction transaction;
    private @Nullable RuntimeException failure;
    /** How deep the session is in walking cascades: a lazy load they cause does not autoflush. */
    private int cascading;
    private boolean closed;
    /**
     * Bumped whenever the session lets go of all its objects at once (close, {@link #expungeAll()}, the end of a JTA
     * transaction that closes it): a state attached in an earlier generation detaches at its next use
     * ({@link InstanceState#settle()}) instead of being visited then. Confined to the session's thread.
     */
    int generation;
    private final FlushWork.Factory flushes;
    private final Loader loader = new Loader(this);
    private final LazyLoading lazyLoading = new LazyLoading(this);
    private final Cascades cascades = new Cascades(this);
    private final SessionFlush flush;

    /** The persistence events of this session's objects and of the session itself. */
    final Events events;

    /**
     * Opens a session; no connection is taken until the session first needs one.
     *
     * @param flushes makes the unit of work of each flush
     */
    public DefaultSession(SessionFactory factory, FlushWork.Factory flushes) {
        this.factory = factory;
        this.flushes = flushes;
        this.events = new Events(this, factory);
        this.engine = factory.engine();
        this.transaction = new SessionTransaction(this, engine);
        this.flush = new SessionFlush(this, objects, cascades, transaction);
    }

    /** What makes the unit of work of each flush. */
    FlushWork.Factory flushes() {
        return flushes;
    }

    // ---- objects in and out ----

    @Override
    public void add(Object instance) {
        checkUsable();
        transaction.joinExternal();
        attach(Objects.requireNonNull(instance, "instance"));
    }

    @Override
    public void addAll(Collection<?> instances) {
        checkUsable();
        transaction.joinExternal();
        // The mapper of the previous element's class serves the next element of that class (most lists hold one
        // class): the @Mapped check and the registry look-up are made once per class run, not once per object.
        Class<?> lastType = null;
        EntityMapper<?> lastMapper = null;
        for (Object instance : instances) {
            Objects.requireNonNull(instance, "an element of instances");
            EntityMapper<?> mapper;
            if (instance.getClass() == lastType && lastMapper != null) {
                mapper = lastMapper;
            } else {
                mapper = mapperOf(instance);
                lastType = instance.getClass();
                lastMapper = mapper;
            }
            attach(mapper, instance);
        }
    }

    private void attach(Object instance) {
        attach(mapperOf(instance), instance);
    }

    private void attach(EntityMapper<?> mapper, Object instance) {
        InstanceState state = objects.attach(mapper, instance);
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
        return objects.attach(mapperOf(instance), instance);
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

    /** Whether an object is pending or persistent in this session. */
    boolean holds(Object instance) {
        InstanceState state = InstanceState.of(instance);
        return state != null && state.session() == this;
    }

    @Override
    public <E> @Nullable E get(Class<E> type, Object primaryKey) {
        checkUsable();
        return SessionQueries.get(this, type, Objects.requireNonNull(primaryKey, "primaryKey"),
                SessionQueries.NO_OPTIONS);
    }

    @Override
    public <E> @Nullable E get(Class<E> type, Object primaryKey, io.retort.orm.LoadOption... options) {
        checkUsable();
        return SessionQueries.get(this, type, Objects.requireNonNull(primaryKey, "primaryKey"), options);
    }

    /** The mapper of a class, from the factory's registry when it has one ({@link SessionQueries#mapper}). */
    <E> EntityMapper<E> mapper(Class<E> type) {
        return SessionQueries.mapper(factory.registry(), type);
    }

    /** The mapper of an object's class ({@link #mapper(Class)}); a class not {@code @Mapped} is refused. */
    EntityMapper<?> mapperOf(Object instance) {
        Mappers.requireMapped(instance);
        return mapper(instance.getClass());
    }

    /** The objects this session holds. */
    SessionObjects objects() {
        return objects;
    }

    /** What loads the attributes a field read finds unloaded. */
    LazyLoading lazyLoading() {
        return lazyLoading;
    }

    /**
     * A lazy load the application caused (reading a field, using a collection) autoflushes first, as SQLAlchemy's lazy
     * loaders do: the rows it reads then include the session's own changes (an address just moved to another user
     * is not loaded back into the old user's collection). Not while the session walks cascades, nor flushes.
     */
    void lazyAutoflush() {
        if (!flush.running()) {
            checkUsable();
            if (cascading == 0) {
                autoflush();
            }
        }
    }

    /** Refuses work on a closed or failed session, except while it flushes (a load the flush itself causes). */
    void checkUsableUnlessFlushing() {
        if (!flush.running()) {
            checkUsable();
        }
    }

    /** The loader of this session's queries. */
    Loader loader() {
        return loader;
    }

    @Override
    public void delete(Object instance) {
        checkUsable();
        transaction.joinExternal();
        InstanceState detached = InstanceState.of(Objects.requireNonNull(instance, "instance"));
        if (detached != null && detached.session() == null && detached.status() == InstanceState.Status.DETACHED) {
            attachOnly(instance); // as SQLAlchemy: a detached object is attached, then deleted at the next flush
        }
        InstanceState state = stateInThisSession(instance, "delete");
        if (state.status() == InstanceState.Status.PENDING) {
            cascades.expungePending(state);
            return;
        }
        if (state.status() == InstanceState.Status.PERSISTENT) {
            DeleteCascade.markFrom(this, state); // it, and what its delete cascade reaches
        }
    }

    private InstanceState stateInThisSession(Object instance, String operation) {
        Objects.requireNonNull(instance, "instance");
        EntityMapper<?> mapper = mapperOf(instance);
        InstanceState state = InstanceState.of(instance);
        if (state == null || state.session() != this) {
            String where = state == null || state.status() == InstanceState.Status.TRANSIENT ? "transient (never added)"
                    : state.session() == null ? "detached" : "in another session";
            throw new InvalidRequestException("Cannot " + operation + " " + mapper.describe(instance) + ": it is "
                    + where + ", not in this session" + (!"delete".equals(operation) ? ""
                            : state != null && state.session() != null
                                    ? "; delete it in that session, or expunge() it from there first"
                                    : "; it has no row to delete"));
        }
        return state;
    }

    @Override
    public void refresh(Object instance) {
        checkUsable();
        InstanceState state = Expiry.persistent(stateInThisSession(instance, "refresh"), instance, "refresh");
        // As SQLAlchemy: the object is expired first (its changes discarded, its loaded collections too, so they load
        // again on their next read rather than show what they held), with what cascades refresh-expire from it.
        cascades.expire(state);
        if (SessionQueries.loadByIdentity(this, state.mapper, Objects.requireNonNull(state.identity),
                SessionQueries.NO_OPTIONS) == null) {
            throw new InvalidRequestException("Could not refresh " + state.mapper.describe(instance) + ": its row"
                    + " is gone from table " + state.mapper.table().name() + " (deleted by another transaction?)");
        }
    }

    @Override
    public void refresh(Object instance, String... attributeNames) {
        checkUsable();
        Expiry.refresh(this, Expiry.persistent(stateInThisSession(instance, "refresh"), instance, "refresh"), instance,
                attributeNames);
    }

    @Override
    public void expire(Object instance) {
        checkUsable();
        cascades.expire(Expiry.persistent(stateInThisSession(instance, "expire"), instance, "expire"));
    }

    @Override
    public void expire(Object instance, String... attributeNames) {
        checkUsable();
        Expiry.expire(Expiry.persistent(stateInThisSession(instance, "expire"), instance, "expire"), instance,
                attributeNames);
    }

    @Override
    public void expireAll() {
        checkUsable();
        objects.expireAll();
    }

    @Override
    public <E> E merge(E instance) {
        checkUsable();
        transaction.joinExternal();
        return cascades.merge(Objects.requireNonNull(instance, "instance"), new IdentityHashMap<>());
    }

    @Override
    public void expunge(Object instance) {
        checkNotClosed();
        InstanceState state = stateInThisSession(instance, "expunge");
        cascades.expunge(state);
    }

    /** Takes an object out of the session (a pending orphan, a pending object deleted by a cascade). */
    void expungeState(InstanceState state) {
        objects.remove(state);
        state.detach();
    }

    @Override
    public void expungeAll() {
        checkNotClosed();
        objects.detachAll();
    }

    @Override
    public boolean contains(Object instance) {
        InstanceState state = InstanceState.of(Objects.requireNonNull(instance, "instance"));
        // A flushed deletion is no longer in the session (SQLAlchemy: deleted objects are not "in" it).
        return state != null && state.session() == this && state.status() != InstanceState.Status.DELETED;
    }

    @Override
    public boolean isModified(Object instance) {
        InstanceState state = stateInThisSession(instance, "inspect");
        return !SessionObjects.changedAttributes(state).isEmpty();
    }

    @Override
    public Set<Object> newObjects() {
        return objects.newObjects();
    }

    @Override
    public Set<Object> dirtyObjects() {
        return objects.dirtyObjects();
    }

    @Override
    public Set<Object> deletedObjects() {
        return objects.deletedObjects();
    }

    // ---- queries ----

    @Override
    public <E> TypedResult<E> scalars(EntitySelect<E> select) {
        return scalars(select, Map.of());
    }

    @Override
    public <E> TypedResult<E> scalars(EntitySelect<E> select, Map<String, ? extends @Nullable Object> parameters) {
        checkUsable();
        mapper(select.entityClass()); // a class outside the factory's registry is refused before the autoflush
        beforeExecute(select);
        return SessionQueries.scalars(this, select, parameters);
    }

    @Override
    public OrmResult execute(OrmSelect select) {
        return execute(select, Map.of());
    }

    @Override
    public OrmResult execute(EntitySelect<?> select) {
        return execute(select, Map.of());
    }

    @Override
    public OrmResult execute(EntitySelect<?> select, Map<String, ? extends @Nullable Object> parameters) {
        beforeExecute(select);
        EntityMapper<?> mapper = mapper(select.entityClass());
        return rows(QueryPlan.forEntity(mapper, select.statement(), LoadPlan.of(mapper, select.loadOptions()),
                select.source(), select.queryOptions()), parameters);
    }

    @Override
    public OrmResult execute(OrmSelect select, Map<String, ? extends @Nullable Object> parameters) {
        beforeExecute(select);
        return rows(QueryPlan.of(select, this::mapper), parameters);
    }

    private OrmResult rows(QueryPlan plan, Map<String, ? extends @Nullable Object> parameters) {
        return SessionQueries.rows(this, plan, parameters);
    }

    @Override
    public Result execute(OrmUpdate<?> update) {
        beforeExecute(update);
        return new OrmDml(this).update(update);
    }

    @Override
    public Result execute(OrmUpdate<?> update, List<? extends Map<String, ? extends @Nullable Object>> rows) {
        beforeExecute(update);
        return new OrmDml(this).bulkUpdate(update, rows);
    }

    @Override
    public Result execute(OrmInsert<?> insert, List<? extends Map<String, ? extends @Nullable Object>> rows) {
        beforeExecute(insert);
        return new OrmDml(this).insert(insert, rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> TypedResult<E> scalars(OrmInsert<E> insert,
            List<? extends Map<String, ? extends @Nullable Object>> rows) {
        beforeExecute(insert);
        return new ListResult<>((List<E>) new OrmDml(this).insertObjects(insert, rows));
    }

    @Override
    public Result execute(OrmDelete<?> delete) {
        beforeExecute(delete);
        return new OrmDml(this).delete(delete);
    }

    @Override
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result execute(Executable statement, Map<String, ? extends @Nullable Object> parameters) {
        beforeExecute(statement);
        return connection().execute(statement, parameters);
    }

    @Override
    public Result execute(Executable statement,
            List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        beforeExecute(statement);
        return connection().execute(statement, parameterSets);
    }

    // ---- flush and transactions ----

    /** Before a statement the application gave runs: the listeners' beforeExecute, then the autoflush. */
    private void beforeExecute(Object statement) {
        checkUsable();
        events.beforeExecute(statement);
        autoflush();
    }

    void autoflush() {
        flush.autoflush(factory.autoflush());
    }

    @Override
    public NoAutoflush noAutoflush() {
        checkNotClosed();
        return flush.pauseAutoflush();
    }

    @Override
    public void flush() {
        checkUsable();
        flushInternal();
    }

    void flushInternal() {
        flush.run();
    }

    /**
     * A flush failed: inside a savepoint, the session rolls back to the innermost one and goes on (as SQLAlchemy);
     * else its transaction is rolled back, and the session refuses work until {@link #rollback()}.
     */
    void failed(RuntimeException e) {
        if (!transaction.rollbackToSavepoint(e)) {
            failure = e;
            transaction.rollbackAfterFailedFlush(e);
        }
    }

    @Override
    public NestedTransaction beginNested() {
        checkUsable();
        flush(); // as SQLAlchemy, whatever autoflush says: the savepoint begins after every change made so far
        return transaction.beginNested(objects.log().mark());
    }

    /** After a rollback to a savepoint: see {@link SessionObjects#afterRollbackTo}. */
    void afterRollbackTo(TransactionLog.Mark mark) {
        objects.afterRollbackTo(mark);
        events.afterRollback();
    }

    @Override
    public void commit() {
        checkUsable();
        transaction.commit();
    }

    @Override
    public void rollback() {
        checkNotClosed();
        transaction.rollback(failure == null);
    }

    /**
     * After a commit: flushed deletions leave the session, new objects stay persistent, and with
     * {@code expireOnCommit} every object is expired (its next read loads it in a new transaction). A session that
     * closes right after its JTA transaction completes ({@code expire = false}) detaches its objects with the values
     * that transaction committed instead, so that what a {@code @Transactional} method returns can still be read.
     */
    void afterCommit(boolean expire) {
        objects.afterCommit(expire && factory.expireOnCommit());
        events.afterCommit();
    }

    /** After a rollback: the session is usable again, and its objects are as {@link SessionObjects#afterRollback}. */
    void afterRollback() {
        failure = null;
        objects.afterRollback();
        events.afterRollback();
    }

    /** A rollback with no transaction begun: nothing in the database to undo; objects added since are transient. */
    void afterRollbackWithoutTransaction() {
        failure = null;
        objects.discardPending();
    }

    /** A close rolled the transaction back: what it inserted never existed; the rest is detached as it is. */
    void afterRollbackOfClose() {
        failure = null;
        objects.undoInserts();
    }

    /** The failure of the last flush, until a rollback. */
    @Nullable RuntimeException failure() {
        return failure;
    }

    @Override
    public Connection connection() {
        checkUsable();
        return currentConnection();
    }

    /** The connection of the session's transaction, begun if needed (also while a closed session still flushes). */
    Connection currentConnection() {
        return transaction.connection();
    }

    @Override
    public boolean isInTransaction() {
        return transaction.isActive();
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
        boolean closesAfterCompletion = false;
        try {
            closesAfterCompletion = transaction.close();
        } finally {
            if (!closesAfterCompletion) {
                objects.detachAll();
            }
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
        transaction.settleDeferredCompletion();
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
        return "Session[" + engine + ", " + objects + "]";
    }

}
