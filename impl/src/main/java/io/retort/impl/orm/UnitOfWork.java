package io.retort.impl.orm;

import static io.retort.sql.Sql.bindParam;

import io.retort.engine.Capability;
import io.retort.engine.Connection;
import io.retort.engine.Result;
import io.retort.engine.Row;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.StaleDataException;
import io.retort.orm.Generation;
import io.retort.schema.Column;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Delete;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.sql.Predicate;
import io.retort.sql.Sql;
import io.retort.sql.Update;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One flush: the INSERTs, UPDATEs and DELETEs that bring the database in line with the session's objects, as
 * SQLAlchemy's unit of work. Tables are written in foreign-key dependency order (inserts and updates parents first,
 * deletes children first; rows of a self-referencing table ordered by their references), and rows of one table with
 * the same shape go in one batch: inserts through an insert executemany that returns database-generated keys in
 * input order, updates and deletes as JDBC batches whose per-row counts reveal stale rows.
 *
 * <p>Field values the flush writes into objects (generated keys, versions, server defaults) are journaled, so a
 * failed flush can {@link #undo()} them.
 */
final class UnitOfWork {
    /** Rows per {@code SELECT ... WHERE key IN (...)} that reads server defaults back where RETURNING is missing. */
    private static final int FETCH_PAGE = 500;

    private final DefaultSession session;
    private final Map<EntityMapper<?>, List<InstanceState>> inserts = new LinkedHashMap<>();
    private final Map<EntityMapper<?>, List<InstanceState>> persistent = new LinkedHashMap<>();
    private final Map<EntityMapper<?>, List<InstanceState>> deletes = new LinkedHashMap<>();
    /** Per child object: the one-to-many (or one-to-one) parents whose loaded collection holds it now. */
    private final Map<InstanceState, List<Parent>> parentsOf = new IdentityHashMap<>();
    /** Per child object: the parents whose collection held it when loaded or last flushed, and no longer does. */
    private final Map<InstanceState, List<Parent>> removedFrom = new IdentityHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    /** Deletions written before the INSERTs of the same table (a new object took their key). */
    private final List<InstanceState> earlyDeletes = new ArrayList<>();
    /** Field values overwritten by this flush, newest last. */
    private final Deque<Runnable> journal = new ArrayDeque<>();
    private @Nullable String culprit;

    /** A persistent object's changed columns. */
    private record Change(InstanceState state, @Nullable Object[] current, BitSet changed) {
    }

    /** A parent side of a one-to-many or one-to-one relationship. */
    private record Parent(RelationshipMapper relationship, InstanceState state) {
    }

    UnitOfWork(DefaultSession session, Collection<InstanceState> heldStates, List<InstanceState> pending,
            List<InstanceState> deletedInTransaction) {
        this.session = session;
        Grouper toInsert = new Grouper(inserts);
        for (InstanceState state : pending) {
            toInsert.add(state);
        }
        Grouper toDelete = new Grouper(deletes);
        Grouper held = new Grouper(persistent);
        for (InstanceState state : heldStates) {
            if (state.status != InstanceState.Status.PERSISTENT) {
                continue;
            }
            if (state.markedForDeletion) {
                toDelete.add(state);
            } else if (state.committed != null) {
                held.add(state);
            }
        }
        for (Map<EntityMapper<?>, List<InstanceState>> group : List.of(inserts, persistent, deletes)) {
            for (List<InstanceState> states : group.values()) {
                for (InstanceState state : states) {
                    recordChildren(state);
                }
            }
        }
    }

    /** Puts states in per-mapper lists, with no map lookup while consecutive states share a mapper. */
    private static final class Grouper {
        private final Map<EntityMapper<?>, List<InstanceState>> groups;
        private @Nullable EntityMapper<?> last;
        private @Nullable List<InstanceState> lastGroup;

        Grouper(Map<EntityMapper<?>, List<InstanceState>> groups) {
            this.groups = groups;
        }

        void add(InstanceState state) {
            if (state.mapper != last || lastGroup == null) {
                last = state.mapper;
                lastGroup = groups.computeIfAbsent(state.mapper, m -> new ArrayList<>());
            }
            lastGroup.add(state);
        }
    }

    /** Notes which children a parent's one-to-many collections (or one-to-one references) hold and dropped. */
    private void recordChildren(InstanceState parent) {
        if (!parent.mapper.hasRelationships()) {
            return;
        }
        Object owner = parent.object();
        for (RelationshipMapper relationship : parent.mapper.relationships()) {
            List<Object> current;
            List<Object> committed;
            if (relationship.kind == RelationshipMapper.Kind.ONE_TO_MANY) {
                CollectionTracking tracking = parent.installed(relationship.index);
                if (tracking == null || !tracking.isLoaded()) {
                    continue;
                }
                current = tracking.snapshot();
                committed = tracking.committed();
            } else if (relationship.kind == RelationshipMapper.Kind.ONE_TO_ONE) {
                Object target = relationship.get(owner);
                Object before = parent.committedReference(relationship.index);
                current = target == null ? List.of() : List.of(target);
                committed = before == null || before == InstanceState.UNLOADED ? List.of() : List.of(before);
            } else {
                continue;
            }
            for (Object child : current) {
                // A child that was there already keeps the foreign key it has (it may have been set directly); a
                // new one gets the parent's key; a deleted parent's children lose it.
                if (!parent.markedForDeletion && CollectionTracking.containsIdentical(committed, child)) {
                    continue;
                }
                InstanceState state = InstanceState.of(child);
                if (state != null) {
                    parentsOf.computeIfAbsent(state, s -> new ArrayList<>()).add(new Parent(relationship, parent));
                }
            }
            for (Object child : committed) {
                if (!CollectionTracking.containsIdentical(current, child)) {
                    InstanceState state = InstanceState.of(child);
                    if (state != null) {
                        removedFrom.computeIfAbsent(state, s -> new ArrayList<>())
                                .add(new Parent(relationship, parent));
                    }
                }
            }
        }
    }

    /** Whether there is nothing to write. */
    boolean isEmpty() {
        return inserts.isEmpty() && deletes.isEmpty() && persistent.isEmpty();
    }

    /** The objects inserted, updated (those with changes) and deleted: after {@link #execute}, what it wrote. */
    int objectsWritten() {
        int count = changes.size();
        for (List<InstanceState> states : inserts.values()) {
            count += states.size();
        }
        for (List<InstanceState> states : deletes.values()) {
            count += states.size();
        }
        return count;
    }

    /** The object (or batch) being written when the flush failed, for the error message. */
    @Nullable String culprit() {
        return culprit;
    }

    /** Runs the statements. */
    void execute(Connection connection) {
        List<EntityMapper<?>> order = dependencyOrder();
        for (EntityMapper<?> mapper : order) {
            List<InstanceState> toInsert = inserts.get(mapper);
            if (toInsert != null) {
                List<InstanceState> replaced = replacedRows(mapper, toInsert);
                if (!replaced.isEmpty()) {
                    delete(connection, mapper, replaced); // a deleted row whose key a new object takes: first
                }
                for (List<InstanceState> batch : insertBatches(mapper, toInsert)) {
                    syncForeignKeys(batch);
                    insert(connection, mapper, batch);
                }
            }
            List<InstanceState> held = persistent.get(mapper);
            if (held != null) {
                syncForeignKeys(held);
                List<Change> found = new ArrayList<>();
                Map<BitSet, BitSet> shapes = new HashMap<>();
                for (InstanceState state : held) {
                    Change change = diff(state, shapes);
                    if (change != null) {
                        found.add(change);
                    }
                }
                if (!found.isEmpty()) {
                    update(connection, mapper, found);
                    changes.addAll(found);
                }
            }
        }
        postUpdate(connection);
        associations(connection);
        clearPostUpdateReferencesOfDeleted(connection);
        for (int i = order.size() - 1; i >= 0; i--) {
            List<InstanceState> toDelete = deletes.get(order.get(i));
            if (toDelete != null && !toDelete.isEmpty()) {
                delete(connection, order.get(i), deleteOrder(order.get(i), toDelete));
            }
        }
        culprit = null;
    }

    /**
     * The changed columns of a persistent object, or null. Objects changed in the same columns share one
     * {@code BitSet} from {@code shapes}: a flush of 100,000 changes keeps a handful of them alive, not 100,000.
     */
    private static @Nullable Change diff(InstanceState state, Map<BitSet, BitSet> shapes) {
        @Nullable Object[] current = state.mapper.values(state.object());
        BitSet changed = null;
        boolean[] written = state.expired ? state.writtenWhileExpired : null;
        List<Attribute> attributes = state.mapper.attributes();
        for (int i = 0; i < current.length; i++) {
            // A field written while the object was expired is written even if equal to the stale snapshot.
            if (!Values.same(current[i], state.committedValues()[i])
                    || written != null && written[attributes.get(i).enhancedIndex()]) {
                if (changed == null) {
                    changed = new BitSet(current.length);
                }
                changed.set(i);
            }
        }
        if (changed == null) {
            return null;
        }
        BitSet shared = shapes.putIfAbsent(changed, changed);
        return new Change(state, current, shared != null ? shared : changed);
    }

    /**
     * The mappers of this flush, parents before the tables that refer to them. Foreign keys of post-update
     * relationships do not count (they are written after the rows); a remaining cycle is broken where
     * {@link MetaData#dependencyOrder()} breaks it.
     */
    private List<EntityMapper<?>> dependencyOrder() {
        // By table name (then class name), so that tables with no order between them are written in the same order
        // every time; two classes mapped to one table are two mappers, each written.
        Map<String, EntityMapper<?>> byTable = new java.util.TreeMap<>();
        Map<String, List<EntityMapper<?>>> ofTable = new java.util.HashMap<>();
        for (Map<EntityMapper<?>, List<InstanceState>> work : List.of(inserts, persistent, deletes)) {
            for (EntityMapper<?> mapper : work.keySet()) {
                if (byTable.putIfAbsent(mapper.table().name() + '\u0000' + mapper.entityClass().getName(),
                        mapper) == null) {
                    ofTable.computeIfAbsent(mapper.table().name(), name -> new ArrayList<>()).add(mapper);
                }
            }
        }
        if (byTable.size() == 1) {
            return List.copyOf(byTable.values());
        }
        Map<EntityMapper<?>, java.util.Set<EntityMapper<?>>> parents = new LinkedHashMap<>();
        for (EntityMapper<?> mapper : byTable.values()) {
            java.util.Set<EntityMapper<?>> refers = new java.util.LinkedHashSet<>();
            for (ForeignKeyConstraint fk : mapper.table().foreignKeys()) {
                for (EntityMapper<?> parent : ofTable.getOrDefault(fk.referredTable(), List.of())) {
                    if (!parent.table().name().equals(mapper.table().name()) && !postUpdateKey(mapper, fk)) {
                        refers.add(parent);
                    }
                }
            }
            parents.put(mapper, refers);
        }
        List<EntityMapper<?>> order = new ArrayList<>();
        boolean progress = true;
        while (order.size() < parents.size() && progress) {
            progress = false;
            for (Map.Entry<EntityMapper<?>, java.util.Set<EntityMapper<?>>> entry : parents.entrySet()) {
                if (!order.contains(entry.getKey()) && order.containsAll(entry.getValue())) {
                    order.add(entry.getKey());
                    progress = true;
                }
            }
        }
        if (order.size() < parents.size()) {
            MetaData tables = new MetaData();
            for (List<EntityMapper<?>> mappers : ofTable.values()) {
                tables.add(mappers.get(0).table());
            }
            for (Table table : tables.dependencyOrder().tables()) {
                for (EntityMapper<?> mapper : ofTable.getOrDefault(table.name(), List.of())) {
                    if (!order.contains(mapper)) {
                        order.add(mapper);
                    }
                }
            }
        }
        return order;
    }

    private static boolean postUpdateKey(EntityMapper<?> mapper, ForeignKeyConstraint fk) {
        if (!mapper.hasRelationships()) {
            return false;
        }
        for (RelationshipMapper relationship : mapper.relationships()) {
            if (relationship.postUpdate && relationship.foreignKey.length == fk.columns().size()
                    && relationship.foreignKey[0].column().name().equals(fk.columns().get(0))) {
                return true;
            }
        }
        return false;
    }

    // ---- foreign keys from relationships ----

    /**
     * Fills foreign-key fields from relationships before rows are written: a many-to-one's from its target's key, a
     * child's from the parent whose collection holds it; a reference cleared or a child removed (and not deleted)
     * gets NULL. The states are of one mapper; one without relationships, in a flush where no collection gained or
     * lost a child, has nothing to fill (and its 100,000 states are not visited).
     */
    private void syncForeignKeys(List<InstanceState> states) {
        if (states.isEmpty() || (parentsOf.isEmpty() && removedFrom.isEmpty()
                && !states.get(0).mapper.hasRelationships())) {
            return;
        }
        for (InstanceState state : states) {
            Object instance = state.object();
            if (state.mapper.hasRelationships()) {
                for (RelationshipMapper relationship : state.mapper.relationships()) {
                    if (relationship.kind != RelationshipMapper.Kind.MANY_TO_ONE
                            || state.isReferenceUnloaded(relationship.index)) {
                        continue; // a reference never loaded nor set: the foreign-key field stands
                    }
                    Object target = relationship.get(instance);
                    Object committed = state.committedReference(relationship.index);
                    if (state.status == InstanceState.Status.PERSISTENT && committed != InstanceState.UNLOADED
                            && target == committed && !referencedKeyChanged(relationship, target)) {
                        continue; // the reference did not move: a foreign-key field set directly stands
                    }
                    if (target != null) {
                        @Nullable Object[] key = keyValues(relationship.referenced, target);
                        if (key == null) {
                            if (relationship.postUpdate) {
                                continue; // written by the post-update
                            }
                            throw new InvalidRequestException("Cannot flush " + state.mapper.describe(instance)
                                    + ": " + relationship + " refers to " + relationship.target.describe(target)
                                    + ", which has no primary key yet because it is written later in the same flush"
                                    + " (the rows refer to each other); mark one side of the cycle"
                                    + " @Relationship(postUpdate = true)");
                        }
                        writeKey(instance, relationship.foreignKey, key);
                    } else {
                        if (committed != null && committed != InstanceState.UNLOADED) {
                            writeKey(instance, relationship.foreignKey, new Object[relationship.foreignKey.length]);
                        }
                    }
                }
            }
            List<Parent> parents = parentsOf.getOrDefault(state, List.of());
            for (Parent parent : parents) {
                Attribute[] foreignKey = parent.relationship().foreignKey;
                if (parent.state().markedForDeletion) {
                    if (!state.markedForDeletion && matches(instance, foreignKey, parent)) {
                        writeKey(instance, foreignKey, new Object[foreignKey.length]);
                    }
                    continue;
                }
                @Nullable Object[] key = keyValues(parent.relationship().referenced, parent.state().object());
                if (key == null) {
                    throw new InvalidRequestException("Cannot flush " + state.mapper.describe(instance) + ": its"
                            + " parent through " + parent.relationship() + " has no primary key yet");
                }
                writeKey(instance, foreignKey, key);
            }
            for (Parent parent : removedFrom.getOrDefault(state, List.of())) {
                boolean reparented = parents.stream().anyMatch(p -> p.relationship() == parent.relationship());
                Attribute[] foreignKey = parent.relationship().foreignKey;
                if (!reparented && !state.markedForDeletion && matches(instance, foreignKey, parent)) {
                    writeKey(instance, foreignKey, new Object[foreignKey.length]);
                }
            }
        }
    }

    /** Whether the object a reference points to got a new key in this flush (its key is database-generated). */
    private static boolean referencedKeyChanged(RelationshipMapper relationship, @Nullable Object target) {
        if (target == null) {
            return false;
        }
        InstanceState state = InstanceState.of(target);
        return state == null || state.status == InstanceState.Status.PENDING;
    }

    /** Whether all the given key attributes of an object hold values. */
    static boolean hasKeyValues(Attribute[] attributes, Object instance) {
        return keyValues(attributes, instance) != null;
    }

    /** Whether a child's foreign key still names this parent. */
    private static boolean matches(Object child, Attribute[] foreignKey, Parent parent) {
        @Nullable Object[] key = keyValues(parent.relationship().referenced, parent.state().object());
        if (key == null) {
            return false;
        }
        for (int i = 0; i < foreignKey.length; i++) {
            if (!Values.same(foreignKey[i].get(child), key[i])) {
                return false;
            }
        }
        return true;
    }

    /** The key values of an object whose row is written (or is being deleted): it has them all. */
    private static Object[] writtenKey(Attribute[] attributes, Object instance, EntityMapper<?> mapper) {
        Object[] key = keyValues(attributes, instance);
        if (key == null) {
            throw new IllegalStateException(mapper.describe(instance) + " has a written row but a key attribute"
                    + " that is null");
        }
        return key;
    }

    /** The values of key attributes of an object, or null while one is null. */
    private static Object @Nullable [] keyValues(Attribute[] attributes, Object instance) {
        Object[] values = new Object[attributes.length];
        for (int i = 0; i < values.length; i++) {
            Object value = attributes[i].get(instance);
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return values;
    }

    private void writeKey(Object instance, Attribute[] foreignKey, @Nullable Object[] values) {
        for (int i = 0; i < foreignKey.length; i++) {
            if (!Values.same(foreignKey[i].get(instance), values[i])) {
                write(instance, foreignKey[i], values[i]);
            }
        }
    }

    // ---- order of rows within a table ----

    /**
     * The new rows of a table in an order their references allow (a row after the row it refers to), split into
     * batches where a row refers to a row of the same batch whose key the database has not generated yet: a tree is
     * inserted one level at a time.
     */
    private List<List<InstanceState>> insertBatches(EntityMapper<?> mapper, List<InstanceState> states) {
        List<InstanceState> ordered = referenceOrder(mapper, states);
        if (ordered == states || !mapper.databaseGeneratedKey()) {
            return List.of(ordered);
        }
        // Level 0: rows whose parent (in this table) is not new; level n: rows whose parent is at level n - 1.
        Map<InstanceState, Integer> levels = new IdentityHashMap<>();
        java.util.Set<InstanceState> members = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        members.addAll(states);
        List<List<InstanceState>> batches = new ArrayList<>();
        for (InstanceState state : ordered) {
            int level = 0;
            for (InstanceState parent : sameTableParents(mapper, state, null)) {
                if (members.contains(parent) && parent != state) {
                    level = Math.max(level, levels.getOrDefault(parent, 0) + 1);
                }
            }
            levels.put(state, level);
            while (batches.size() <= level) {
                batches.add(new ArrayList<>());
            }
            batches.get(level).add(state);
        }
        return batches;
    }

    /** Rows deleted in this flush whose primary key a new object of the same table takes. */
    private List<InstanceState> replacedRows(EntityMapper<?> mapper, List<InstanceState> toInsert) {
        List<InstanceState> toDelete = deletes.get(mapper);
        if (toDelete == null) {
            return List.of();
        }
        java.util.Set<Object> keys = new java.util.HashSet<>();
        for (InstanceState state : toInsert) {
            Object identity = mapper.identity(state.object());
            if (identity != null) {
                keys.add(identity);
            }
        }
        List<InstanceState> replaced = new ArrayList<>();
        for (java.util.Iterator<InstanceState> it = toDelete.iterator(); it.hasNext();) {
            InstanceState state = it.next();
            if (keys.contains(state.identity)) {
                replaced.add(state);
                it.remove();
                earlyDeletes.add(state);
            }
        }
        return replaced;
    }

    /** Deleted rows of a table, children before the rows they refer to. */
    private List<InstanceState> deleteOrder(EntityMapper<?> mapper, List<InstanceState> states) {
        List<InstanceState> ordered = referenceOrder(mapper, states);
        if (ordered == states) {
            return states;
        }
        List<InstanceState> reversed = new ArrayList<>(ordered);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** The rows of one table, each after the rows of the same table (among them) it refers to. */
    private List<InstanceState> referenceOrder(EntityMapper<?> mapper, List<InstanceState> states) {
        if (states.size() < 2 || !selfReferencing(mapper)) {
            return states;
        }
        Map<Object, InstanceState> byIdentity = new HashMap<>();
        java.util.Set<InstanceState> members = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (InstanceState state : states) {
            members.add(state);
            Object identity = state.identity != null ? state.identity : mapper.identity(state.object());
            if (identity != null) {
                byIdentity.put(identity, state);
            }
        }
        List<InstanceState> ordered = new ArrayList<>(states.size());
        Map<InstanceState, Boolean> visited = new IdentityHashMap<>();
        for (InstanceState state : states) {
            visit(mapper, state, byIdentity, members, visited, ordered);
        }
        return ordered;
    }

    private void visit(EntityMapper<?> mapper, InstanceState state, Map<Object, InstanceState> byIdentity,
            java.util.Set<InstanceState> members, Map<InstanceState, Boolean> visited, List<InstanceState> out) {
        if (visited.putIfAbsent(state, Boolean.TRUE) != null) {
            return; // done, or a cycle among rows: left to the database
        }
        for (InstanceState parent : sameTableParents(mapper, state, byIdentity)) {
            if (members.contains(parent) && parent != state) {
                visit(mapper, parent, byIdentity, members, visited, out);
            }
        }
        out.add(state);
    }

    /** The rows of the same table a row refers to: by relationship, and by foreign-key value when given. */
    private List<InstanceState> sameTableParents(EntityMapper<?> mapper, InstanceState state,
            @Nullable Map<Object, InstanceState> byIdentity) {
        List<InstanceState> parents = new ArrayList<>();
        Object instance = state.object();
        if (mapper.hasRelationships()) {
            for (RelationshipMapper relationship : mapper.relationships()) {
                if (relationship.kind == RelationshipMapper.Kind.MANY_TO_ONE && relationship.target == mapper
                        && !relationship.postUpdate) {
                    Object target = relationship.get(instance);
                    InstanceState parent = target == null ? null : InstanceState.of(target);
                    if (parent != null) {
                        parents.add(parent);
                    }
                }
            }
        }
        for (Parent parent : parentsOf.getOrDefault(state, List.of())) {
            if (parent.relationship().owner == mapper) {
                parents.add(parent.state());
            }
        }
        if (byIdentity != null) {
            for (ForeignKeyConstraint fk : mapper.table().foreignKeys()) {
                if (!fk.referredTable().equals(mapper.table().name())) {
                    continue;
                }
                @Nullable Object[] values = new Object[fk.columns().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = mapper.attributeOfColumn(fk.columns().get(i)).get(instance);
                }
                Object target = values.length == 1 ? values[0]
                        : java.util.Arrays.asList(values).contains(null) ? null : List.of(values);
                InstanceState parent = target == null ? null : byIdentity.get(target);
                if (parent != null) {
                    parents.add(parent);
                }
            }
        }
        return parents;
    }

    private static boolean selfReferencing(EntityMapper<?> mapper) {
        for (ForeignKeyConstraint fk : mapper.table().foreignKeys()) {
            if (fk.referredTable().equals(mapper.table().name())) {
                return true;
            }
        }
        return false;
    }

    // ---- post-update and association rows ----

    /** Writes the foreign keys of post-update relationships, now that every row of the flush exists. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void postUpdate(Connection connection) {
        Map<RelationshipMapper, List<Map<String, @Nullable Object>>> rows = new LinkedHashMap<>();
        for (Map<EntityMapper<?>, List<InstanceState>> group : List.of(inserts, persistent)) {
            for (List<InstanceState> states : group.values()) {
                for (InstanceState state : states) {
                    if (!state.mapper.hasRelationships()) {
                        continue;
                    }
                    Object instance = state.object();
                    for (RelationshipMapper relationship : state.mapper.relationships()) {
                        if (!relationship.postUpdate || !relationship.isCollection()
                                && state.isReferenceUnloaded(relationship.index)) {
                            continue;
                        }
                        // The rows are written: a field that differs from its target's key was not written yet.
                        Object target = relationship.get(instance);
                        @Nullable Object[] key = target == null ? new Object[relationship.foreignKey.length]
                                : writtenKey(relationship.referenced, target, relationship.target);
                        boolean differs = false;
                        for (int i = 0; i < key.length; i++) {
                            differs |= !Values.same(relationship.foreignKey[i].get(instance), key[i]);
                        }
                        if (!differs) {
                            continue;
                        }
                        writeKey(instance, relationship.foreignKey, key);
                        Map<String, @Nullable Object> row = new HashMap<>();
                        for (int i = 0; i < key.length; i++) {
                            row.put("set_" + relationship.foreignKey[i].column().name(), key[i]);
                        }
                        Object[] ownKey = writtenKey(state.mapper.key(), instance, state.mapper);
                        for (int i = 0; i < state.mapper.key().length; i++) {
                            row.put("key_" + state.mapper.key()[i].column().name(), ownKey[i]);
                        }
                        rows.computeIfAbsent(relationship, r -> new ArrayList<>()).add(row);
                    }
                }
            }
        }
        for (Map.Entry<RelationshipMapper, List<Map<String, @Nullable Object>>> entry : rows.entrySet()) {
            RelationshipMapper relationship = entry.getKey();
            Map<String, Object> assignments = new LinkedHashMap<>();
            for (Attribute attribute : relationship.foreignKey) {
                Column<?> column = attribute.column();
                assignments.put(column.name(), bindParam("set_" + column.name(), column.type()));
            }
            Predicate criteria = keyParameters(columnsOf(List.of(relationship.owner.key())));
            culprit = "the post-update of " + relationship;
            connection.execute(Sql.update(relationship.owner.table()).values(assignments).where(criteria),
                    entry.getValue());
        }
    }

    /** Before deleting rows in a post-update cycle: clears their post-update foreign keys, so either row can go. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void clearPostUpdateReferencesOfDeleted(Connection connection) {
        for (List<InstanceState> states : deletes.values()) {
            for (InstanceState state : states) {
                if (!state.mapper.hasRelationships()) {
                    continue;
                }
                for (RelationshipMapper relationship : state.mapper.relationships()) {
                    if (!relationship.postUpdate
                            || state.committedValues()[relationship.foreignKey[0].index()] == null) {
                        continue;
                    }
                    Map<String, Object> assignments = new LinkedHashMap<>();
                    for (Attribute attribute : relationship.foreignKey) {
                        assignments.put(attribute.column().name(), null);
                    }
                    Predicate criteria = DefaultSession.keyCriteria(state.mapper, state.knownIdentity());
                    culprit = "the post-update of " + relationship + " before deleting "
                            + state.mapper.describe(state.object());
                    connection.execute(Sql.update(state.mapper.table()).values(assignments).where(criteria));
                }
            }
        }
    }

    /**
     * The rows of many-to-many association tables: removed pairs and the rows of deleted objects go first, then the
     * added pairs, each table's as one batch. Both sides of a {@code backPopulates} pair describe the same rows; each
     * row is written once.
     */
    private void associations(Connection connection) {
        Map<Table, java.util.Set<List<Object>>> added = new LinkedHashMap<>();
        Map<Table, java.util.Set<List<Object>>> removed = new LinkedHashMap<>();
        Map<Table, Map<List<Column<?>>, List<List<Object>>>> ownersDeleted = new LinkedHashMap<>();
        for (Map<EntityMapper<?>, List<InstanceState>> group : List.of(inserts, persistent, deletes)) {
            for (List<InstanceState> states : group.values()) {
                for (InstanceState state : states) {
                    if (!state.mapper.hasRelationships()) {
                        continue;
                    }
                    for (RelationshipMapper relationship : state.mapper.relationships()) {
                        if (relationship.kind != RelationshipMapper.Kind.MANY_TO_MANY) {
                            continue;
                        }
                        Object owner = state.object();
                        List<Object> ownerKey =
                                List.of(writtenKey(relationship.owner.key(), owner, relationship.owner));
                        if (state.markedForDeletion) {
                            ownersDeleted.computeIfAbsent(relationship.secondary, t -> new LinkedHashMap<>())
                                    .computeIfAbsent(relationship.secondaryOwnerColumns, c -> new ArrayList<>())
                                    .add(ownerKey);
                            continue;
                        }
                        CollectionTracking tracking = state.installed(relationship.index);
                        if (tracking == null || !tracking.isLoaded()) {
                            continue;
                        }
                        List<Object> current = tracking.snapshot();
                        for (Object target : current) {
                            InstanceState targetState = InstanceState.of(target);
                            if (!CollectionTracking.containsIdentical(tracking.committed(), target)
                                    && targetState != null && !targetState.markedForDeletion) {
                                added.computeIfAbsent(relationship.secondary, t -> new java.util.LinkedHashSet<>())
                                        .add(associationRow(relationship, ownerKey, target));
                            }
                        }
                        for (Object target : tracking.committed()) {
                            if (!CollectionTracking.containsIdentical(current, target)) {
                                removed.computeIfAbsent(relationship.secondary, t -> new java.util.LinkedHashSet<>())
                                        .add(associationRow(relationship, ownerKey, target));
                            }
                        }
                    }
                }
            }
        }
        for (Map.Entry<Table, java.util.Set<List<Object>>> entry : removed.entrySet()) {
            deleteRows(connection, entry.getKey(), entry.getKey().columns(), new ArrayList<>(entry.getValue()));
        }
        for (Map.Entry<Table, Map<List<Column<?>>, List<List<Object>>>> entry : ownersDeleted.entrySet()) {
            for (Map.Entry<List<Column<?>>, List<List<Object>>> byColumns : entry.getValue().entrySet()) {
                deleteRows(connection, entry.getKey(), byColumns.getKey(), byColumns.getValue());
            }
        }
        for (Map.Entry<Table, java.util.Set<List<Object>>> entry : added.entrySet()) {
            Table table = entry.getKey();
            List<Map<String, @Nullable Object>> rows = new ArrayList<>();
            for (List<Object> values : entry.getValue()) {
                Map<String, @Nullable Object> row = new LinkedHashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    row.put(table.columns().get(i).name(), values.get(i));
                }
                rows.add(row);
            }
            culprit = rows.size() + " new row(s) of association table " + table.name();
            connection.execute(Sql.insert(table), rows);
        }
    }

    /** A row of an association table, its values in the table's column order. */
    private static List<Object> associationRow(RelationshipMapper relationship, List<Object> ownerKey,
            Object target) {
        Table table = relationship.secondaryTable();
        Object[] values = new Object[table.columns().size()];
        Object[] targetKey = keyValues(relationship.target.key(), target);
        if (targetKey == null) {
            throw new InvalidRequestException("Cannot write the association of " + relationship + " with "
                    + relationship.target.describe(target) + ": it has no primary key");
        }
        for (int i = 0; i < ownerKey.size(); i++) {
            values[table.columns().indexOf(relationship.secondaryOwnerColumns.get(i))] = ownerKey.get(i);
        }
        for (int i = 0; i < targetKey.length; i++) {
            values[table.columns().indexOf(relationship.secondaryTargetColumns.get(i))] = targetKey[i];
        }
        return List.of(values);
    }

    /** {@code DELETE FROM table WHERE columns = ...} as one batch. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void deleteRows(Connection connection, Table table, List<Column<?>> columns, List<List<Object>> values) {
        Predicate criteria = keyParameters(columns);
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (List<Object> row : values) {
            Map<String, @Nullable Object> parameters = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                parameters.put("key_" + columns.get(i).name(), row.get(i));
            }
            rows.add(parameters);
        }
        culprit = rows.size() + " row(s) of association table " + table.name();
        connection.execute(Sql.delete(table).where(criteria), rows);
    }

    // ---- INSERT ----

    private void insert(Connection connection, EntityMapper<?> mapper, List<InstanceState> states) {
        List<Attribute> attributes = mapper.attributes();
        List<Attribute> omissible = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if ((mapper.databaseGeneratedKey() && mapper.key()[0] == attribute) || attribute.serverDefault()) {
                omissible.add(attribute);
            }
        }
        BitSet previousOmitted = null;
        BitSet omitted = new BitSet(attributes.size());
        List<InstanceState> group = new ArrayList<>();
        for (InstanceState state : states) {
            Object instance = state.object();
            state.beforeInsert = Values.owned(mapper.values(instance)); // a fresh array: copied only for byte[]
            prepareInsert(mapper, state, instance);
            omitted.clear();
            for (Attribute attribute : omissible) {
                if (attribute.get(instance) == null) {
                    omitted.set(attribute.index());
                }
            }
            if (previousOmitted == null || !previousOmitted.equals(omitted)) {
                if (previousOmitted != null) {
                    insertGroup(connection, mapper, group, previousOmitted);
                    group = new ArrayList<>();
                }
                previousOmitted = (BitSet) omitted.clone();
            }
            group.add(state);
        }
        if (!group.isEmpty() && previousOmitted != null) { // a group is never empty once previousOmitted is set
            insertGroup(connection, mapper, group, previousOmitted);
        }
    }

    /** Java-side values before an INSERT: a UUID key, the first version; an assigned key must be there. */
    private void prepareInsert(EntityMapper<?> mapper, InstanceState state, Object instance) {
        Attribute[] key = mapper.key();
        if (mapper.keyGeneration() == Generation.UUID && key[0].get(instance) == null) {
            write(instance, key[0], UUID.randomUUID());
        }
        if (!mapper.databaseGeneratedKey()) {
            for (Attribute attribute : key) {
                if (attribute.get(instance) == null) {
                    culprit = mapper.describe(instance);
                    throw new InvalidRequestException("Cannot flush " + mapper.describe(instance) + ": its primary"
                            + " key field " + attribute + " is null, and the application assigns it (the key is not"
                            + " generated by the database); set it before the object is flushed");
                }
            }
        }
        Attribute version = mapper.version();
        if (version != null) {
            Object current = version.get(instance);
            if (current == null || ((Number) current).longValue() == 0) {
                write(instance, version, version.type() == Long.class ? (Object) 1L : (Object) 1);
            }
        }
    }

    private void insertGroup(Connection connection, EntityMapper<?> mapper, List<InstanceState> group,
            BitSet omitted) {
        Table table = mapper.table();
        List<Attribute> attributes = mapper.attributes();
        List<Attribute> given = new ArrayList<>(attributes.size());
        List<String> names = new ArrayList<>(attributes.size());
        for (Attribute attribute : attributes) {
            if (!omitted.get(attribute.index())) {
                given.add(attribute);
                names.add(attribute.column().name());
            }
        }
        ColumnValues.Keys keys = new ColumnValues.Keys(names);
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(group.size());
        for (InstanceState state : group) {
            Object instance = state.object();
            @Nullable Object[] values = new Object[given.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = given.get(i).get(instance);
            }
            rows.add(new ColumnValues(keys, values));
        }
        List<Attribute> generated = new ArrayList<>();
        for (int i = omitted.nextSetBit(0); i >= 0; i = omitted.nextSetBit(i + 1)) {
            generated.add(attributes.get(i));
        }
        boolean returning = session.engine().supports(Capability.INSERT_RETURNING);
        List<Attribute> viaReturning = new ArrayList<>();
        List<Attribute> viaSelect = new ArrayList<>();
        for (Attribute attribute : generated) {
            boolean key = mapper.databaseGeneratedKey() && mapper.key()[0] == attribute;
            (returning || key ? viaReturning : viaSelect).add(attribute);
        }
        culprit = group.size() == 1 ? mapper.describe(group.get(0).object())
                : group.size() + " new " + mapper.entityClass().getSimpleName() + " objects (the first: "
                        + mapper.describe(group.get(0).object()) + ")";
        Insert insert = Sql.insert(table);
        if (viaReturning.isEmpty()) {
            connection.execute(insert, rows);
        } else {
            Expression<?>[] columns = new Expression<?>[viaReturning.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = viaReturning.get(i).column();
            }
            int index = 0;
            for (Row row : connection.execute(insert.returning(columns), rows)) {
                Object instance = group.get(index++).object();
                for (int i = 0; i < columns.length; i++) {
                    // Not journaled: undo() puts back what an INSERT assigned from the state's beforeInsert.
                    viaReturning.get(i).set(instance, row.get(i));
                }
            }
        }
        if (!viaSelect.isEmpty()) {
            fetchGenerated(connection, mapper, group, viaSelect);
        }
    }

    /** Reads server-generated columns back by primary key, where the database has no INSERT ... RETURNING. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void fetchGenerated(Connection connection, EntityMapper<?> mapper, List<InstanceState> group,
            List<Attribute> columns) {
        Attribute[] key = mapper.key();
        List<Expression<?>> selected = new ArrayList<>(columnsOf(List.of(key)));
        selected.addAll(columnsOf(columns));
        for (int from = 0; from < group.size(); from += FETCH_PAGE) {
            List<InstanceState> page = group.subList(from, Math.min(group.size(), from + FETCH_PAGE));
            Map<Object, Object> byIdentity = new HashMap<>();
            for (InstanceState state : page) {
                byIdentity.put(mapper.identity(state.object()), state.object());
            }
            Predicate criteria = Loader.inKeys(key, new ArrayList<>(byIdentity.keySet()));
            for (@Nullable Object[] row : connection.execute(Sql.select(selected.toArray(new Expression<?>[0]))
                    .where(criteria)).arrays()) {
                Object instance = byIdentity.get(Loader.identityAt(row, 0, key.length));
                if (instance != null) {
                    for (int i = 0; i < columns.size(); i++) {
                        write(instance, columns.get(i), row[key.length + i]);
                    }
                }
            }
        }
    }

    // ---- UPDATE ----

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void update(Connection connection, EntityMapper<?> mapper, List<Change> changes) {
        Attribute version = mapper.version();
        Map<BitSet, List<Change>> groups = new LinkedHashMap<>();
        for (Change change : changes) {
            groups.computeIfAbsent(change.changed(), c -> new ArrayList<>()).add(change);
        }
        List<Attribute> attributes = mapper.attributes();
        for (Map.Entry<BitSet, List<Change>> group : groups.entrySet()) {
            BitSet changed = (BitSet) group.getKey().clone();
            if (version != null) {
                changed.set(version.index());
            }
            Map<String, Object> assignments = new LinkedHashMap<>();
            for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
                Column<?> column = attributes.get(i).column();
                assignments.put(column.name(), bindParam("set_" + column.name(), column.type()));
            }
            Update update = Sql.update(mapper.table()).values(assignments).where(identityCriteria(mapper));
            List<String> names = new ArrayList<>(assignments.keySet().size() + 2);
            for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
                names.add("set_" + attributes.get(i).column().name());
            }
            int setCount = names.size();
            names.addAll(identityNames(mapper));
            ColumnValues.Keys keys = new ColumnValues.Keys(names);
            List<Change> members = group.getValue();
            if (version != null) {
                for (Change change : members) {
                    Object old = change.state().committedValues()[version.index()];
                    Object next = old == null ? 1 : version.type() == Long.class ? (Object) (((Long) old) + 1)
                            : (Object) (((Number) old).intValue() + 1);
                    write(change.state().object(), version, next);
                    change.current()[version.index()] = next;
                }
            }
            // Each row's parameter map is made as the batch binds it, from the change: the batch keeps no map
            // per row alive while it runs.
            List<Map<String, @Nullable Object>> rows = new java.util.AbstractList<>() {
                @Override
                public Map<String, @Nullable Object> get(int index) {
                    Change change = members.get(index);
                    @Nullable Object[] values = new Object[names.size()];
                    int n = 0;
                    for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
                        values[n++] = change.current()[i];
                    }
                    putIdentity(mapper, change.state(), values, setCount);
                    return new ColumnValues(keys, values);
                }

                @Override
                public int size() {
                    return members.size();
                }
            };
            culprit = describeBatch(mapper, members.size(), members.get(0).state());
            checkCounts("UPDATE", mapper, rowCounts(connection, update, rows, mapper),
                    members.stream().map(Change::state).toList(), true);
        }
    }

    /** {@code key = :key_<column> [AND version = :key_<version>]}. */
    private static Predicate identityCriteria(EntityMapper<?> mapper) {
        List<Attribute> identity = new ArrayList<>(List.of(mapper.key()));
        if (mapper.version() != null) {
            identity.add(mapper.version());
        }
        return keyParameters(columnsOf(identity));
    }

    /** {@code a = :key_a AND b = :key_b ...}: the WHERE clause of a batch whose rows give the key values by name. */
    private static Predicate keyParameters(List<Column<?>> columns) {
        return EntityMapper.parameterCriteria(columns, "key_");
    }

    private static List<Column<?>> columnsOf(List<Attribute> attributes) {
        List<Column<?>> columns = new ArrayList<>(attributes.size());
        for (Attribute attribute : attributes) {
            columns.add(attribute.column());
        }
        return columns;
    }

    /** The committed key (and version) values of a row, as the WHERE clause of its UPDATE or DELETE reads them. */
    private static void putIdentity(EntityMapper<?> mapper, InstanceState state, @Nullable Object[] values,
            int from) {
        int n = from;
        for (Attribute attribute : mapper.key()) {
            values[n++] = state.committedValues()[attribute.index()];
        }
        Attribute version = mapper.version();
        if (version != null) {
            values[n] = state.committedValues()[version.index()];
        }
    }

    /** The parameter names {@link #putIdentity} fills: {@code key_<column>} of the key, then of the version. */
    private static List<String> identityNames(EntityMapper<?> mapper) {
        List<String> names = new ArrayList<>();
        for (Attribute attribute : mapper.key()) {
            names.add("key_" + attribute.column().name());
        }
        if (mapper.version() != null) {
            names.add("key_" + mapper.version().column().name());
        }
        return names;
    }

    private static String describeBatch(EntityMapper<?> mapper, int size, InstanceState first) {
        return size == 1 ? mapper.describe(first.object())
                : size + " " + mapper.entityClass().getSimpleName() + " objects (the first: "
                        + mapper.describe(first.object()) + ")";
    }

    /**
     * The rows each parameter set matched: one batch, or, for versioned rows where the driver's batch counts cannot
     * be trusted ({@link Capability#BATCH_ROW_COUNTS}), one statement per row, as SQLAlchemy does where the dialect
     * lacks {@code supports_sane_multi_rowcount}.
     */
    private long[] rowCounts(Connection connection, io.retort.sql.Executable statement,
            List<Map<String, @Nullable Object>> rows, EntityMapper<?> mapper) {
        if (mapper.version() == null || session.engine().supports(Capability.BATCH_ROW_COUNTS)) {
            return connection.execute(statement, rows).rowCounts();
        }
        long[] counts = new long[rows.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = connection.execute(statement, rows.get(i)).rowCount();
        }
        return counts;
    }

    /** Each row of an UPDATE or DELETE must have matched exactly one row; a miss means another transaction won. */
    private void checkCounts(String verb, EntityMapper<?> mapper, long[] counts, List<InstanceState> states,
            boolean always) {
        if (!always && mapper.version() == null) {
            return;
        }
        for (int i = 0; i < counts.length && i < states.size(); i++) {
            if (counts[i] < 0 && mapper.version() != null) {
                culprit = mapper.describe(states.get(i).object());
                throw new io.retort.exception.InvalidRequestException("The driver reported no row count"
                        + " (SUCCESS_NO_INFO) for the " + verb + " of " + culprit + ", so its version could not be"
                        + " checked and a concurrent change would be lost; the flush is rolled back. Turn off the"
                        + " driver's batch rewriting (useBulkStmts, rewriteBatchedStatements) or name it in the URL"
                        + " or connect-args, where Retort sees it and writes versioned rows one by one");
            }
            if (counts[i] >= 0 && counts[i] != 1) {
                Object instance = states.get(i).object();
                culprit = mapper.describe(instance);
                Attribute version = mapper.version();
                throw new StaleDataException(verb + " statement on table '" + mapper.table().name()
                        + "' expected to match 1 row, but matched " + counts[i] + ": "
                        + mapper.describe(instance) + (version != null ? " at version "
                                + states.get(i).committedValues()[version.index()] + " was changed or deleted by"
                                + " another transaction" : " was deleted by another transaction")
                        + " since it was loaded. Roll back, reload it and apply the change again");
            }
        }
    }

    // ---- DELETE ----

    private void delete(Connection connection, EntityMapper<?> mapper, List<InstanceState> states) {
        Delete delete = Sql.delete(mapper.table()).where(identityCriteria(mapper));
        ColumnValues.Keys keys = new ColumnValues.Keys(identityNames(mapper));
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(states.size());
        for (InstanceState state : states) {
            @Nullable Object[] values = new Object[keys.size()];
            putIdentity(mapper, state, values, 0);
            rows.add(new ColumnValues(keys, values));
        }
        culprit = describeBatch(mapper, states.size(), states.get(0));
        checkCounts("DELETE", mapper, rowCounts(connection, delete, rows, mapper), states, false);
    }

    // ---- journal ----

    /** Sets a field, remembering its old value for {@link #undo()}. */
    private void write(Object instance, Attribute attribute, @Nullable Object value) {
        Object old = attribute.get(instance);
        journal.addLast(() -> attribute.set(instance, old));
        attribute.set(instance, value);
    }

    /** Puts back every field this flush wrote, newest first, and the values its INSERTs had assigned. */
    void undo() {
        while (!journal.isEmpty()) {
            journal.removeLast().run();
        }
        for (List<InstanceState> states : inserts.values()) {
            for (InstanceState state : states) {
                restoreBeforeInsert(state); // the generated values read back, which are not journaled
                state.beforeInsert = null;
            }
        }
    }

    /** Files a persistent object under its key again if the flush changed its primary key. */
    private static void rekey(IdentityMap identityMap, InstanceState state) {
        Object identity = state.mapper.identity(state.object());
        if (identity == null) {
            throw new IllegalStateException(state.mapper.describe(state.object()) + " has no complete primary key"
                    + " after its flush");
        }
        if (!identity.equals(state.identity)) {
            identityMap.remove(state);
            state.identity = identity;
            identityMap.put(state);
        }
    }

    /**
     * After the statements succeeded: new objects are persistent, the current values, collections and references are
     * the new baseline, deleted objects are gone from the identity map.
     */
    void complete(IdentityMap identityMap, List<InstanceState> pending,
            List<InstanceState> deletedInTransaction, List<InstanceState> insertedInTransaction) {
        if (!earlyDeletes.isEmpty()) {
            for (InstanceState state : earlyDeletes) {
                deletes.computeIfAbsent(state.mapper, m -> new ArrayList<>()).add(state);
            }
        }
        for (List<InstanceState> states : deletes.values()) {
            for (InstanceState state : states) {
                identityMap.remove(state);
            }
        }
        for (List<InstanceState> states : inserts.values()) {
            for (InstanceState state : states) {
                Object instance = state.object();
                state.identity = state.mapper.identity(instance);
                state.committed = Values.owned(state.mapper.values(instance));
                state.status = InstanceState.Status.PERSISTENT;
                state.insertedInTransaction = true;
                insertedInTransaction.add(state);
                identityMap.put(state);
                baseline(state);
            }
        }
        pending.clear();
        for (Map.Entry<EntityMapper<?>, List<InstanceState>> held : persistent.entrySet()) {
            if (!held.getKey().hasRelationships()) {
                continue; // its changed objects are all in changes, below
            }
            for (InstanceState state : held.getValue()) {
                rekey(identityMap, state);
                // A flush may have set foreign-key fields after diff() read them: read them again.
                state.committed = Values.owned(state.mapper.values(state.object()));
                baseline(state);
            }
        }
        for (Change change : changes) {
            // Without relationships the fields are as diff() read them (and the UPDATE wrote them, new version
            // included); an unchanged object's committed values, key included, are its fields already.
            InstanceState state = change.state();
            state.writtenWhileExpired = null; // written now; the rest of an expired object still loads on read
            if (!state.mapper.hasRelationships()) {
                rekey(identityMap, state);
                state.committed = Values.owned(change.current());
            }
        }
        for (List<InstanceState> states : deletes.values()) {
            for (InstanceState state : states) {
                identityMap.remove(state);
                state.status = InstanceState.Status.DELETED;
                state.markedForDeletion = false;
                deletedInTransaction.add(state);
            }
        }
        journal.clear();
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
                state.referenceLoaded(relationship.index, relationship.get(instance));
            }
        }
    }

    /** Puts back the fields a rolled-back INSERT assigned: generated keys, the version, server defaults. */
    static void restoreBeforeInsert(InstanceState state) {
        @Nullable Object[] before = state.beforeInsert;
        Object instance = state.instance;
        if (before == null || instance == null) {
            return;
        }
        EntityMapper<?> mapper = state.mapper;
        for (Attribute attribute : mapper.attributes()) {
            boolean assigned = attribute.serverDefault() || attribute == mapper.version()
                    || (attribute.column().isPrimaryKey() && mapper.keyGeneration() != Generation.ASSIGNED);
            if (assigned) {
                attribute.set(instance, before[attribute.index()]);
            }
        }
    }
}
