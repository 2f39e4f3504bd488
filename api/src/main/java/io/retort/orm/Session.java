package io.retort.orm;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Result;
import io.retort.engine.TypedResult;
import io.retort.sql.Executable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ORM's unit of work, as SQLAlchemy's {@code Session}: it tracks mapped objects, turns their changes into
 * INSERT, UPDATE and DELETE statements at {@link #flush()}, and holds one instance per primary key (the identity
 * map).
 *
 * <pre>{@code
 * try (Session session = Session.open(engine)) {
 *     User squidward = new User("squidward", "Squidward Tentacles");   // transient, id null
 *     session.add(squidward);                                          // pending
 *     session.commit();                                                // INSERT ... ; persistent, id assigned
 *     squidward.fullname = "Squidward T.";                             // dirty
 *     User same = session.get(User.class, squidward.id);              // the same instance, no SELECT
 *     session.commit();                                                // UPDATE user_account SET fullname=? ...
 * }                                                                    // closed: squidward is detached
 * }</pre>
 *
 * <ul>
 *   <li><b>Transactions.</b> The session begins a transaction on first use (autobegin) on one connection, taken
 *       from the engine; {@link #commit()} flushes and commits, {@link #rollback()} rolls back, {@link #close()}
 *       rolls back what was not committed. When the engine's transaction coordinator reports an external (JTA)
 *       transaction, the session joins it instead: it flushes before that transaction completes, and its own
 *       {@code commit()} and {@code rollback()} are errors.</li>
 *   <li><b>Changes</b> are found at flush by comparing each persistent object's mapped fields to the values last
 *       loaded or flushed (a write marks the object modified, and only modified objects are compared); an UPDATE
 *       sets only the changed columns. {@link #commit()} expires every object, as SQLAlchemy's
 *       {@code expire_on_commit=True}: its next read loads its row again in a new transaction (turn it off with
 *       {@link SessionFactory.Builder#expireOnCommit(boolean)}); {@link #rollback()} expires every object too, so no
 *       read returns a value the database rolled back.</li>
 *   <li><b>Autoflush.</b> Pending changes are flushed before {@link #scalars} and {@link #execute} run, so queries
 *       see them, and before a {@link #get} that misses the identity map while new objects of that class wait (a
 *       primary-key lookup sees nothing else); turn it off with {@link SessionFactory.Builder#autoflush(boolean)}.</li>
 *   <li><b>Failure.</b> When a flush fails, its transaction is rolled back and the error names the object and the
 *       statement; until {@link #rollback()} is called the session refuses further work with a
 *       {@link io.retort.exception.PendingRollbackException}; after it, objects added since the last commit are
 *       transient again and the session is usable.</li>
 * </ul>
 *
 * <p>Not thread-safe: a session belongs to one thread (one request, one job) at a time.
 */
public interface Session extends AutoCloseable {

    /** Opens a session on an engine with the default options. */
    static Session open(Engine engine) {
        return SessionFactory.of(engine).open();
    }

    /**
     * Adds a transient object (it becomes pending and is INSERTed at the next flush), or re-attaches a detached one
     * (persistent again). Adding an object already in this session does nothing.
     *
     * @throws io.retort.exception.InvalidRequestException if the object belongs to another open session
     * @throws io.retort.exception.MappingException if its class is not mapped correctly
     */
    void add(Object instance);

    /** {@link #add} for each object. */
    void addAll(Collection<?> instances);

    /**
     * The object with this primary key: from the identity map when the session holds it (no SQL), else loaded with
     * a SELECT; {@code null} when no row has it. A composite key is given as a {@code List} or array of values in key
     * order, or as a {@code Map} of field name to value.
     *
     * @throws io.retort.exception.InvalidArgumentException if the key does not fit the class's primary key
     */
    <E> @Nullable E get(Class<E> type, Object primaryKey);

    /**
     * {@link #get(Class, Object)} with loader options for the SELECT it runs when the session does not hold the
     * object, as SQLAlchemy's {@code session.get(User, 5, options=[selectinload(User.addresses)])}:
     * {@code session.get(User.class, 5, selectIn(User_.addresses))} loads the user and its addresses in two
     * statements. An object the session holds (and has not expired) is returned as it is, without SQL, and the
     * options are not applied to it, as in SQLAlchemy; {@link #refresh} reloads it.
     *
     * @throws io.retort.exception.InvalidArgumentException if the key does not fit the class's primary key, or an
     *     option starts at another class
     */
    <E> @Nullable E get(Class<E> type, Object primaryKey, LoadOption... options);

    /**
     * Marks a persistent object for deletion: the next flush DELETEs its row. A detached object is put back in the
     * session first (as SQLAlchemy does), then deleted the same way. A pending object is simply removed from the
     * session (transient again).
     *
     * @throws io.retort.exception.InvalidRequestException if the object is transient, in another open session, or
     *     its deletion was committed already
     */
    void delete(Object instance);

    /**
     * Sends the pending changes to the database in one transaction: INSERTs of pending objects (parents before
     * the children that refer to them), UPDATEs of changed persistent objects (only the changed columns) and
     * DELETEs of deleted ones (children before parents), batched where the database allows.
     *
     * @throws io.retort.exception.StaleDataException if a versioned row was changed or deleted by someone else
     * @throws io.retort.exception.DatabaseException if the database refuses a statement; the transaction is rolled
     *         back and the message names the object
     */
    void flush();

    /** Flushes, then commits the transaction. */
    void commit();

    /**
     * Rolls back the transaction: objects added since the last commit are transient again, deleted ones are
     * persistent again, and every object's loaded state is discarded (it reloads when next queried or refreshed).
     */
    void rollback();

    /**
     * Pauses autoflush until the returned block is closed, as SQLAlchemy's {@code with session.no_autoflush:}: queries
     * and lazy loads inside it read the database without flushing the session's changes first (an object that is
     * not complete yet is not flushed by the query that looks up what it needs). {@link #flush()} and
     * {@link #commit()} still flush. Blocks nest.
     *
     * <pre>{@code
     * try (Session.NoAutoflush paused = session.noAutoflush()) {
     *     order.customer = session.scalars(select(Customer.class).where(...)).one();  // order is not flushed yet
     * }
     * }</pre>
     */
    NoAutoflush noAutoflush();

    /** A pause of autoflush ({@link #noAutoflush()}); closing it ends the pause, once. */
    interface NoAutoflush extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Begins a nested transaction, a SAVEPOINT in the session's transaction, as SQLAlchemy's {@code begin_nested()}.
     * The session flushes first (whatever autoflush says), so the savepoint begins after every change made so far.
     * {@code commit()} flushes and releases it: its work becomes part of the enclosing transaction. {@code rollback()}
     * rolls back to it: the database's work since it began, and with it the session's objects: those inserted since
     * are transient again (their generated keys cleared), those deleted since persistent again, those added since and
     * not flushed transient, and every object is expired (it loads again on its next read). Closing it without
     * either rolls it back. A flush that fails while a savepoint is active rolls back to the innermost one, and the
     * session's transaction goes on (before the failure is thrown). Savepoints nest; {@code commit()} or
     * {@code rollback()} of the session ends them all with the transaction.
     *
     * <pre>{@code
     * try (NestedTransaction savepoint = session.beginNested()) {
     *     session.add(new User("maybe"));
     *     savepoint.commit();               // the INSERT, kept in the session's transaction
     * } catch (IntegrityException e) {      // the flush failed: the savepoint is rolled back, the rest goes on
     * }
     * }</pre>
     *
     * @throws io.retort.exception.InvalidRequestException inside a JTA transaction, where savepoints are not available
     */
    io.retort.engine.NestedTransaction beginNested();

    /**
     * Runs {@code work} inside {@link #beginNested()}: committed (flushed and released) when it returns, rolled back
     * and rethrown when it throws, the session's transaction going on either way.
     */
    default void nested(java.util.function.Consumer<Session> work) {
        io.retort.engine.NestedTransaction savepoint = beginNested();
        try {
            work.accept(this);
        } catch (RuntimeException | Error e) {
            if (savepoint.isActive()) {
                try {
                    savepoint.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw e;
        }
        if (savepoint.isActive()) {
            savepoint.commit();
        }
    }

    /**
     * Loads the object's mapped fields from its row now, discarding unflushed changes to them; its loaded
     * collections and references load again on their next read. Related objects loaded with it are expired too
     * where the relationship cascades {@link Cascade#REFRESH_EXPIRE} (part of {@link Cascade#ALL}).
     *
     * @throws io.retort.exception.InvalidRequestException if it is not persistent in this session, or its row is gone
     */
    void refresh(Object instance);

    /**
     * Marks the object's loaded state as stale: its next read loads its row (one SELECT), as does the next query
     * that returns the row, or {@link #get}, and unflushed changes to it are discarded; its collections load again on
     * their next read. Related objects loaded with it are expired too where the relationship cascades
     * {@link Cascade#REFRESH_EXPIRE} (part of {@link Cascade#ALL}).
     */
    void expire(Object instance);

    /**
     * Expires some attributes of the object, as SQLAlchemy's {@code session.expire(obj, ["name", ...])}: unflushed
     * changes to them are discarded, and the first read of any expired column loads all of them with one SELECT (a
     * query that returns the row fills them too); an expired collection or reference loads again on its next use, by
     * itself. A write to an expired attribute loads nothing and is flushed. The other attributes, and their changes,
     * are left as they are; nothing cascades. No names expires nothing.
     *
     * @param attributeNames mapped fields and relationships; a column that cannot be left unloaded (a key, version,
     *        foreign-key, join or {@code @Composite} column, or any column of a class in an inheritance hierarchy) is
     *        refused, as it cannot be deferred: {@link #expire(Object)} expires the whole object
     * @throws io.retort.exception.InvalidRequestException if the object is not persistent in this session
     * @throws io.retort.exception.InvalidArgumentException if a name is not a mapped attribute of its class (the
     *         message lists them), or names a column that cannot be expired alone
     */
    void expire(Object instance, String... attributeNames);

    /**
     * Loads some attributes of the object from its row now, as SQLAlchemy's {@code session.refresh(obj,
     * ["name", ...])}: the columns with one SELECT, each relationship by its own load; unflushed changes to them are
     * discarded, the other attributes are left as they are. An expired object loads whole.
     *
     * @throws io.retort.exception.InvalidRequestException if the object is not persistent in this session, or its
     *         row is gone
     * @throws io.retort.exception.InvalidArgumentException if a name is not a mapped attribute of its class, or
     *         names a column that cannot be expired alone (see {@link #expire(Object, String...)})
     */
    void refresh(Object instance, String... attributeNames);

    /** {@link #expire} for every object in the session. */
    void expireAll();

    /**
     * Copies the state of a detached or transient object onto the instance this session holds for its primary key
     * (loading it first if needed), or onto a new pending instance when there is no such row; returns that instance.
     * The given object is left as it was.
     */
    <E> E merge(E instance);

    /**
     * Removes an object from the session without touching the database: it becomes detached (transient if pending),
     * with the related objects loaded with it where the relationship cascades {@link Cascade#EXPUNGE} (part of
     * {@link Cascade#ALL}).
     */
    void expunge(Object instance);

    /** {@link #expunge} for every object. */
    void expungeAll();

    /** Whether the object is in this session (pending, persistent or deleted). */
    boolean contains(Object instance);

    /**
     * Whether a persistent object has mapped fields changed since it was loaded or flushed: a column, a collection
     * that gained or lost elements, or a reference set to another object (as SQLAlchemy's {@code is_modified()}).
     */
    boolean isModified(Object instance);

    /** The pending objects ({@code session.new} in SQLAlchemy). */
    Set<Object> newObjects();

    /** The persistent objects with changed fields, relationships included (see {@link #isModified}). */
    Set<Object> dirtyObjects();

    /**
     * The objects marked for deletion and not yet flushed: those {@link #delete} was called on and those their delete
     * cascades reached.
     */
    Set<Object> deletedObjects();

    /**
     * Runs an ORM SELECT and returns its objects: each row becomes the instance the identity map holds for its key
     * (its fields are not overwritten unless it was expired), or a new persistent instance.
     */
    <E> TypedResult<E> scalars(EntitySelect<E> select);

    /** As {@link #scalars(EntitySelect)}, with values for {@code bindParam} placeholders. */
    <E> TypedResult<E> scalars(EntitySelect<E> select, Map<String, ? extends @Nullable Object> parameters);

    /**
     * Runs an ORM SELECT of entities, aliases and columns in any mix, after an autoflush: each row holds the
     * identity-mapped instance of each entity element (as {@link #scalars} loads them) and the value of each other
     * element.
     */
    OrmResult execute(OrmSelect select);

    /**
     * Runs an entity select as rows of one element, as SQLAlchemy's {@code session.execute(select(User))}:
     * {@code row.get(0, User.class)}; {@link #scalars(EntitySelect)} returns the objects themselves.
     */
    OrmResult execute(EntitySelect<?> select);

    /** As {@link #execute(EntitySelect)}, with parameters. */
    OrmResult execute(EntitySelect<?> select, Map<String, ? extends @Nullable Object> parameters);

    /** As {@link #execute(OrmSelect)}, with values for {@code bindParam} placeholders or {@code text()} parameters. */
    OrmResult execute(OrmSelect select, Map<String, ? extends @Nullable Object> parameters);

    /**
     * Runs an ORM-enabled UPDATE after an autoflush, then brings the objects the session holds in line as its
     * {@link Synchronize} says: matching objects show the new values without a reload. The result's
     * {@link Result#rowCount()} is the number of rows updated.
     *
     * @throws io.retort.exception.InvalidRequestException if {@link Synchronize#EVALUATE} was asked for criteria it
     *         cannot evaluate in Java
     */
    Result execute(OrmUpdate<?> update);

    /**
     * A bulk UPDATE by primary key, as SQLAlchemy's {@code session.execute(update(User), [{"id": 1, ...}, ...])}: each
     * map names the primary-key fields and the fields to set; maps of the same fields run as one executemany batch.
     * Held objects with those keys get the new values. The update's own WHERE and values are not allowed here.
     *
     * @throws io.retort.exception.InvalidArgumentException if a map lacks a primary-key field or names an unmapped
     *         one
     */
    Result execute(OrmUpdate<?> update, List<? extends Map<String, ? extends @Nullable Object>> rows);

    /**
     * Runs an ORM-enabled DELETE after an autoflush; matching objects the session holds become deleted (and
     * detached when the transaction commits) as its {@link Synchronize} says. {@link Result#rowCount()} is the
     * number of rows deleted.
     */
    Result execute(OrmDelete<?> delete);

    /**
     * A bulk INSERT of maps keyed by field name, after an autoflush: Core's batched multi-row
     * {@code INSERT ... RETURNING} (a JDBC batch where the database has no RETURNING). The rows of the insert's
     * {@code returning} columns come back in the order of the maps. No objects are built or held.
     *
     * @throws io.retort.exception.InvalidArgumentException if a map names a field the class does not map, or the maps
     *         do not all name the same fields
     */
    Result execute(OrmInsert<?> insert, List<? extends Map<String, ? extends @Nullable Object>> rows);

    /**
     * A bulk INSERT of maps that returns the inserted objects in the order of the maps, as SQLAlchemy's
     * {@code session.scalars(insert(User).returning(User), [...])}: each row comes back whole (database defaults and
     * generated keys included) and becomes a persistent object in the identity map.
     */
    <E> TypedResult<E> scalars(OrmInsert<E> insert, List<? extends Map<String, ? extends @Nullable Object>> rows);

    /** Runs a Core statement or {@code text()} in the session's transaction, after an autoflush. */
    Result execute(Executable statement);

    /** As {@link #execute(Executable)}, with parameters. */
    Result execute(Executable statement, Map<String, ? extends @Nullable Object> parameters);

    /** An executemany in the session's transaction. */
    Result execute(Executable statement, List<? extends Map<String, ? extends @Nullable Object>> parameterSets);

    /**
     * The connection of the session's transaction, beginning it if needed. Use it for Core work that must be part of
     * the transaction; do not commit or close it.
     */
    Connection connection();

    /** Whether a transaction has begun and not yet ended. */
    boolean isInTransaction();

    /** Whether the session is usable: false after a failed flush until {@link #rollback()}, and after close. */
    boolean isActive();

    /** The engine the session takes its connection from. */
    Engine engine();

    /** Rolls back what was not committed, returns the connection and detaches every object. Idempotent. */
    @Override
    void close();

    /** Whether {@link #close()} has been called. */
    boolean isClosed();
}
