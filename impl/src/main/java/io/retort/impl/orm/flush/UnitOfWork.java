package io.retort.impl.orm.flush;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.impl.orm.Attribute;
import io.retort.impl.orm.CollectionTracking;
import io.retort.impl.orm.EntityMapper;
import io.retort.impl.orm.Events;
import io.retort.impl.orm.FlushWork;
import io.retort.impl.orm.IdentityMap;
import io.retort.impl.orm.InstanceState;
import io.retort.impl.orm.RelationshipMapper;
import io.retort.impl.orm.Values;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One flush: the INSERTs, UPDATEs and DELETEs that bring the database in line with the session's objects, as
 * SQLAlchemy's unit of work. Tables are written in foreign-key dependency order ({@link FlushOrder}: inserts and
 * updates parents first, deletes children first; rows of a self-referencing table ordered by their references), and
 * rows of one table with the same shape go in one batch ({@link Persister}).
 *
 * <p>Field values the flush writes into objects (generated keys, versions, server defaults) are journaled
 * ({@link UndoJournal}), so a failed flush can {@link #undo()} them. Not thread-safe: one flush, on its session's
 * thread.
 */
public final class UnitOfWork implements FlushWork {
    private final FlushPlan plan;
    private final UndoJournal journal = new UndoJournal();
    private final ForeignKeySync foreignKeys;
    private final Persister persister;
    private final List<Persister.Change> changes = new ArrayList<>();
    private @Nullable String culprit;
    /** The new objects, in the order they were added (the order of their rows in a table several classes share). */
    private final List<InstanceState> pendingInOrder;
    private final Events events;

    /**
     * Plans the flush of a session's objects.
     *
     * @param engine the engine whose capabilities decide how rows are written (RETURNING, batch row counts)
     * @param heldStates the persistent objects to look at (changed since the last flush, or marked for deletion)
     * @param pending the new objects, in the order they were added
     * @param events the session's persistence events, called in flush order
     */
    public UnitOfWork(Engine engine, Collection<InstanceState> heldStates, List<InstanceState> pending,
            Events events) {
        this.plan = new FlushPlan(heldStates, pending);
        this.pendingInOrder = List.copyOf(pending);
        this.events = events;
        this.foreignKeys = new ForeignKeySync(plan, journal);
        this.persister = new Persister(this, engine, journal);
    }

    /** Whether there is nothing to write. */
    @Override
    public boolean isEmpty() {
        return plan.isEmpty();
    }

    /** The objects inserted, updated (those with changes) and deleted: after {@link #execute}, what it wrote. */
    @Override
    public int objectsWritten() {
        int count = changes.size();
        for (List<InstanceState> states : plan.inserts.values()) {
            count += states.size();
        }
        for (List<InstanceState> states : plan.deletes.values()) {
            count += states.size();
        }
        return count;
    }

    /** The object (or batch) being written when the flush failed, for the error message. */
    @Override
    public @Nullable String culprit() {
        return culprit;
    }

    /** Notes what is being written, for the message of a failure. */
    void culprit(String description) {
        culprit = description;
    }

    /** Runs the statements. */
    @Override
    public void execute(Connection connection) {
        // The units written are tables: a class's mapper, or in a JOINED hierarchy one mapper per table, each writing
        // the rows of every class of the flush that has that table (one batch for the base table of all classes).
        Map<EntityMapper<?>, List<EntityMapper<?>>> writers = new LinkedHashMap<>();
        for (Map<EntityMapper<?>, List<InstanceState>> work : List.of(plan.inserts, plan.persistent, plan.deletes)) {
            for (EntityMapper<?> mapper : work.keySet()) {
                for (EntityMapper<?> part : mapper.parts()) {
                    List<EntityMapper<?>> of = writers.computeIfAbsent(part, p -> new ArrayList<>());
                    if (!of.contains(mapper)) {
                        of.add(mapper);
                    }
                }
            }
        }
        FlushOrder ordering = new FlushOrder(plan);
        List<EntityMapper<?>> order = ordering.dependencyOrder(writers.keySet());
        for (EntityMapper<?> part : order) {
            List<EntityMapper<?>> mappers = writersOf(writers, part);
            boolean plain = mappers.size() == 1 && mappers.get(0) == part;
            List<InstanceState> toInsert = plain ? plan.inserts.get(part) : insertsThrough(mappers);
            if (toInsert != null && !toInsert.isEmpty()) {
                if (plain) {
                    List<InstanceState> replaced = plan.replacedRows(part, toInsert);
                    if (!replaced.isEmpty()) {
                        persister.delete(connection, part, replaced); // a deleted row whose key a new object takes
                    }
                }
                for (List<InstanceState> batch : ordering.insertBatches(part, toInsert)) {
                    foreignKeys.sync(batch);
                    if (!part.isSubclassPart()) {
                        events.fire(Events.Kind.BEFORE_INSERT, batch); // once per object, before its first row
                    }
                    persister.insert(connection, part, batch);
                    events.fire(Events.Kind.AFTER_INSERT, ofTable(part, batch, true)); // its last row written
                }
            }
            for (EntityMapper<?> mapper : mappers) {
                List<InstanceState> held = plan.persistent.get(mapper);
                if (held != null) {
                    updateThrough(connection, part, mapper, held);
                }
            }
        }
        PostUpdates postUpdates = new PostUpdates(this, plan, foreignKeys, persister, journal);
        postUpdates.write(connection);
        new AssociationWriter(this, plan).write(connection);
        postUpdates.clearReferencesOfDeleted(connection);
        for (int i = order.size() - 1; i >= 0; i--) {
            EntityMapper<?> part = order.get(i);
            List<InstanceState> toDelete = new ArrayList<>();
            for (EntityMapper<?> mapper : writersOf(writers, part)) {
                List<InstanceState> states = plan.deletes.get(mapper);
                if (states != null) {
                    toDelete.addAll(states);
                }
            }
            if (!toDelete.isEmpty()) {
                List<InstanceState> ordered = ordering.deleteOrder(part, toDelete);
                events.fire(Events.Kind.BEFORE_DELETE, ofTable(part, ordered, true)); // before its first DELETE
                persister.delete(connection, part, ordered);
                events.fire(Events.Kind.AFTER_DELETE, ofTable(part, ordered, false)); // after its last one
            }
        }
        culprit = null;
    }

    /** The new objects of several classes that share a table, in the order they were added. */
    private List<InstanceState> insertsThrough(List<EntityMapper<?>> mappers) {
        List<InstanceState> states = new ArrayList<>();
        for (InstanceState state : pendingInOrder) {
            if (mappers.contains(state.mapper)) {
                states.add(state);
            }
        }
        return states;
    }

    /** The objects whose last table (or first, for {@code last = false}) is {@code part}'s. */
    private static List<InstanceState> ofTable(EntityMapper<?> part, List<InstanceState> states, boolean last) {
        List<InstanceState> found = null;
        for (int i = 0; i < states.size(); i++) {
            List<EntityMapper<?>> parts = states.get(i).mapper.parts();
            if (parts.get(last ? parts.size() - 1 : 0) != part) {
                if (found == null) {
                    found = new ArrayList<>(states.subList(0, i));
                }
            } else if (found != null) {
                found.add(states.get(i));
            }
        }
        return found == null ? states : found;
    }

    /**
     * Writes the changes of one class's persistent objects to one of its tables: each table gets the columns that
     * changed in it (and the base table the new version whenever anything changed).
     */
    private void updateThrough(Connection connection, EntityMapper<?> part, EntityMapper<?> mapper,
            List<InstanceState> held) {
        foreignKeys.sync(held);
        List<Persister.Change> found = diffAll(held);
        if (found.isEmpty()) {
            return;
        }
        List<EntityMapper<?>> parts = mapper.parts();
        if (part == parts.get(0) && events.any(Events.Kind.BEFORE_UPDATE, mapper.entityClass())) {
            events.fire(Events.Kind.BEFORE_UPDATE, statesOf(found));
            found = diffAll(statesOf(found)); // what the listeners changed is written too
        }
        if (part == mapper) {
            persister.update(connection, mapper, found);
        } else {
            BitSet columns = part.writtenIndexes();
            boolean versioned = part.version() != null;
            Map<BitSet, BitSet> restricted = new HashMap<>();
            List<Persister.Change> mine = new ArrayList<>();
            for (Persister.Change change : found) {
                BitSet bits = (BitSet) change.changed().clone();
                bits.and(columns);
                if (!bits.isEmpty() || versioned) {
                    BitSet shared = restricted.putIfAbsent(bits, bits);
                    mine.add(new Persister.Change(change.state(), change.current(), shared != null ? shared : bits));
                }
            }
            if (!mine.isEmpty()) {
                persister.update(connection, part, mine);
            }
        }
        if (part == parts.get(parts.size() - 1)) {
            changes.addAll(found); // the last table's reading: the values every table now holds
            if (events.any(Events.Kind.AFTER_UPDATE, mapper.entityClass())) {
                events.fire(Events.Kind.AFTER_UPDATE, statesOf(found));
            }
        }
    }

    private static List<Persister.Change> diffAll(List<InstanceState> states) {
        List<Persister.Change> found = new ArrayList<>();
        Map<BitSet, BitSet> shapes = new HashMap<>();
        for (InstanceState state : states) {
            Persister.Change change = Persister.diff(state, shapes);
            if (change != null) {
                found.add(change);
            }
        }
        return found;
    }

    private static List<InstanceState> statesOf(List<Persister.Change> changes) {
        List<InstanceState> states = new ArrayList<>(changes.size());
        for (Persister.Change change : changes) {
            states.add(change.state());
        }
        return states;
    }

    /** Puts back every field this flush wrote, newest first, and the values its INSERTs had assigned. */
    @Override
    public void undo() {
        journal.undo(plan.inserts.values());
    }

    /**
     * After the statements succeeded: new objects are persistent, the current values, collections and references are
     * the new baseline, deleted objects are gone from the identity map.
     *
     * @param identityMap the session's identity map
     * @param pending the session's pending objects, cleared
     * @param deletedInTransaction the objects whose DELETE was flushed in this transaction, added to
     * @param insertedInTransaction the objects whose INSERT was flushed in this transaction, added to
     * @param rekeyedInTransaction the persistent objects whose primary key this flush changed, added to (with the key
     *     they had before the transaction, the first time)
     */
    @Override
    public void complete(IdentityMap identityMap, List<InstanceState> pending,
            List<InstanceState> deletedInTransaction, List<InstanceState> insertedInTransaction,
            List<InstanceState> rekeyedInTransaction) {
        if (!plan.earlyDeletes.isEmpty()) {
            for (InstanceState state : plan.earlyDeletes) {
                plan.deletes.computeIfAbsent(state.mapper, m -> new ArrayList<>()).add(state);
            }
        }
        for (List<InstanceState> states : plan.deletes.values()) {
            for (InstanceState state : states) {
                identityMap.remove(state);
            }
        }
        int inserted = 0;
        for (List<InstanceState> states : plan.inserts.values()) {
            inserted += states.size();
        }
        identityMap.ensureCapacity(inserted);
        for (List<InstanceState> states : plan.inserts.values()) {
            for (InstanceState state : states) {
                Object instance = state.object();
                state.identity = state.mapper.identity(instance);
                state.committed = Values.owned(state.mapper, state.mapper.values(instance));
                state.status(InstanceState.Status.PERSISTENT);
                state.insertedInTransaction = true;
                insertedInTransaction.add(state);
                identityMap.put(state);
                baseline(state);
            }
        }
        pending.clear();
        for (Map.Entry<EntityMapper<?>, List<InstanceState>> held : plan.persistent.entrySet()) {
            if (!held.getKey().hasRelationships()) {
                continue; // its changed objects are all in changes, below
            }
            for (InstanceState state : held.getValue()) {
                rekey(identityMap, state, rekeyedInTransaction);
                // A flush may have set foreign-key fields after diff() read them: read them again.
                state.committed = Values.owned(state.mapper.values(state.object()));
                baseline(state);
            }
        }
        for (Persister.Change change : changes) {
            // Without relationships the fields are as diff() read them (and the UPDATE wrote them, new version
            // included); an unchanged object's committed values, key included, are its fields already.
            InstanceState state = change.state();
            state.writtenWhileExpired = null; // written now; the rest of an expired object still loads on read
            state.writtenUnloaded = null;
            if (!state.mapper.hasRelationships()) {
                rekey(identityMap, state, rekeyedInTransaction);
                state.committed = Values.owned(change.current());
            }
        }
        for (List<InstanceState> states : plan.deletes.values()) {
            for (InstanceState state : states) {
                identityMap.remove(state);
                state.status(InstanceState.Status.DELETED);
                state.markedForDeletion = false;
                deletedInTransaction.add(state);
            }
        }
        journal.clear();
    }

    /** Files a persistent object under its key again if the flush changed its primary key. */
    private static void rekey(IdentityMap identityMap, InstanceState state, List<InstanceState> rekeyed) {
        Object identity = state.mapper.identity(state.object());
        if (identity == null) {
            throw new IllegalStateException(state.mapper.describe(state.object()) + " has no complete primary key"
                    + " after its flush");
        }
        if (!identity.equals(state.identity)) {
            if (state.identityBeforeRekey == null && !state.insertedInTransaction && state.identity != null) {
                // The row's key before this transaction, which a rollback gives the object back.
                @Nullable Object[] committed = state.committedValues();
                @Nullable Object[] key = new Object[state.mapper.key().length];
                for (int i = 0; i < key.length; i++) {
                    key[i] = committed[state.mapper.key()[i].index()];
                }
                state.identityBeforeRekey = state.identity;
                state.keyBeforeRekey = key;
                rekeyed.add(state);
            }
            identityMap.remove(state);
            state.identity = identity;
            identityMap.put(state);
        }
    }

    /** The relationships of a flushed object as they are now become the baseline of the next flush. */
    private static void baseline(InstanceState state) {
        if (!state.mapper.hasRelationships()) {
            return;
        }
        Object instance = state.object();
        for (RelationshipMapper relationship : state.mapper.relationships()) {
            if (relationship.isCollection()) {
                CollectionTracking tracking = state.installed(relationship.index);
                if (tracking != null) {
                    tracking.flushed();
                }
            } else if (!state.isReferenceUnloaded(relationship.index)) {
                Object target = relationship.get(instance);
                if (target == null && relationship.kind == RelationshipMapper.Kind.MANY_TO_ONE
                        && state.committedReference(relationship.index) == InstanceState.UNLOADED
                        && Attribute.values(relationship.foreignKey, instance) != null) {
                    // Never loaded nor set, but its foreign key was (test_load_on_fks.py's manual flush): the row it
                    // names loads on the reference's next read, rather than the reference reading null. One loaded
                    // as null (NOLOAD, or a row without the key then) stays as loaded.
                    state.referenceLeftUnloaded(relationship.index);
                } else {
                    state.referenceLoaded(relationship.index, target);
                }
            }
        }
    }

    /** The mappers that write a table: dependencyOrder orders the keys of {@code writers}, so each has its list. */
    private static List<EntityMapper<?>> writersOf(Map<EntityMapper<?>, List<EntityMapper<?>>> writers,
            EntityMapper<?> part) {
        return Objects.requireNonNull(writers.get(part), "table without writers");
    }
}
