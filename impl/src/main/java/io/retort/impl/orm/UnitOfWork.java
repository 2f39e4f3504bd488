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
import io.retort.types.SqlType;
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
    private final Map<EntityMapper<?>, List<Change>> updates = new LinkedHashMap<>();
    private final Map<EntityMapper<?>, List<InstanceState>> deletes = new LinkedHashMap<>();
    /** Field values overwritten by this flush, newest last. */
    private final Deque<Runnable> journal = new ArrayDeque<>();
    private @Nullable String culprit;

    /** A persistent object's changed columns. */
    private record Change(InstanceState state, @Nullable Object[] current, BitSet changed) {
    }

    UnitOfWork(DefaultSession session, Collection<InstanceState> persistent, List<InstanceState> pending) {
        this.session = session;
        for (InstanceState state : pending) {
            inserts.computeIfAbsent(state.mapper, m -> new ArrayList<>()).add(state);
        }
        for (InstanceState state : persistent) {
            if (state.status != InstanceState.Status.PERSISTENT) {
                continue;
            }
            if (state.markedForDeletion) {
                deletes.computeIfAbsent(state.mapper, m -> new ArrayList<>()).add(state);
                continue;
            }
            if (state.expired || state.committed == null) {
                continue;
            }
            @Nullable Object[] current = state.mapper.values(state.object());
            BitSet changed = new BitSet(current.length);
            for (int i = 0; i < current.length; i++) {
                if (!Values.same(current[i], state.committed[i])) {
                    changed.set(i);
                }
            }
            if (!changed.isEmpty()) {
                updates.computeIfAbsent(state.mapper, m -> new ArrayList<>()).add(new Change(state, current,
                        changed));
            }
        }
    }

    boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
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
                insert(connection, mapper, selfReferenceOrder(mapper, toInsert, false));
            }
            List<Change> toUpdate = updates.get(mapper);
            if (toUpdate != null) {
                update(connection, mapper, toUpdate);
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            List<InstanceState> toDelete = deletes.get(order.get(i));
            if (toDelete != null) {
                delete(connection, order.get(i), selfReferenceOrder(order.get(i), toDelete, true));
            }
        }
        culprit = null;
    }

    /** The mappers of this flush, parents before the tables that refer to them (a cycle is broken somewhere). */
    private List<EntityMapper<?>> dependencyOrder() {
        Map<Table, EntityMapper<?>> byTable = new IdentityHashMap<>();
        for (Map<EntityMapper<?>, ?> work : List.of(inserts, updates, deletes)) {
            for (EntityMapper<?> mapper : work.keySet()) {
                byTable.put(mapper.table(), mapper);
            }
        }
        if (byTable.size() == 1) {
            return List.copyOf(byTable.values());
        }
        MetaData tables = new MetaData();
        for (Table table : byTable.keySet()) {
            tables.add(table);
        }
        List<EntityMapper<?>> order = new ArrayList<>();
        for (Table table : tables.dependencyOrder().tables()) {
            order.add(byTable.get(table));
        }
        return order;
    }

    /**
     * Rows of a self-referencing table in an order the foreign key allows: a row after the row it refers to (for
     * inserts), or before it (for deletes). Other tables' rows keep the order they were added in.
     */
    private static List<InstanceState> selfReferenceOrder(EntityMapper<?> mapper, List<InstanceState> states,
            boolean childrenFirst) {
        List<Attribute[]> references = new ArrayList<>();
        for (ForeignKeyConstraint fk : mapper.table().foreignKeys()) {
            if (fk.referredTable().equals(mapper.table().name())
                    && fk.referredColumns().equals(mapper.table().primaryKey().orElseThrow().columns())) {
                Attribute[] columns = new Attribute[fk.columns().size()];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = attributeOfColumn(mapper, fk.columns().get(i));
                }
                references.add(columns);
            }
        }
        if (references.isEmpty() || states.size() < 2) {
            return states;
        }
        Map<Object, InstanceState> byIdentity = new HashMap<>();
        for (InstanceState state : states) {
            Object identity = state.identity != null ? state.identity : mapper.identity(state.object());
            if (identity != null) {
                byIdentity.put(identity, state);
            }
        }
        // Depth-first: emit what a row refers to before the row.
        List<InstanceState> ordered = new ArrayList<>(states.size());
        Map<InstanceState, Boolean> visited = new IdentityHashMap<>();
        for (InstanceState state : states) {
            visit(state, mapper, references, byIdentity, visited, ordered);
        }
        if (childrenFirst) {
            java.util.Collections.reverse(ordered);
        }
        return ordered;
    }

    private static void visit(InstanceState state, EntityMapper<?> mapper, List<Attribute[]> references,
            Map<Object, InstanceState> byIdentity, Map<InstanceState, Boolean> visited, List<InstanceState> out) {
        if (visited.putIfAbsent(state, Boolean.TRUE) != null) {
            return; // done, or a cycle among rows: leave it to the database
        }
        Object instance = state.object();
        for (Attribute[] reference : references) {
            Object target;
            if (reference.length == 1) {
                target = reference[0].get(instance);
            } else {
                Object[] values = new Object[reference.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = reference[i].get(instance);
                }
                target = java.util.Arrays.asList(values).contains(null) ? null : List.of(values);
            }
            InstanceState parent = target == null ? null : byIdentity.get(target);
            if (parent != null && parent != state) {
                visit(parent, mapper, references, byIdentity, visited, out);
            }
        }
        out.add(state);
    }

    private static Attribute attributeOfColumn(EntityMapper<?> mapper, String column) {
        for (Attribute attribute : mapper.attributes()) {
            if (attribute.column().name().equals(column)) {
                return attribute;
            }
        }
        throw new IllegalStateException("No attribute for column " + column + " of " + mapper);
    }

    // ---- INSERT ----

    private void insert(Connection connection, EntityMapper<?> mapper, List<InstanceState> states) {
        List<Attribute> attributes = mapper.attributes();
        BitSet previousOmitted = null;
        List<InstanceState> group = new ArrayList<>();
        for (InstanceState state : states) {
            Object instance = state.object();
            state.beforeInsert = Values.snapshot(mapper.values(instance));
            prepareInsert(mapper, state, instance);
            BitSet omitted = new BitSet(attributes.size());
            for (Attribute attribute : attributes) {
                boolean generatedKey = mapper.databaseGeneratedKey() && mapper.key()[0] == attribute;
                if ((generatedKey || attribute.serverDefault()) && attribute.get(instance) == null) {
                    omitted.set(attribute.index());
                }
            }
            if (previousOmitted != null && !previousOmitted.equals(omitted)) {
                insertGroup(connection, mapper, group, previousOmitted);
                group = new ArrayList<>();
            }
            group.add(state);
            previousOmitted = omitted;
        }
        if (!group.isEmpty()) {
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
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(group.size());
        for (InstanceState state : group) {
            Object instance = state.object();
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            for (Attribute attribute : attributes) {
                if (!omitted.get(attribute.index())) {
                    row.put(attribute.column().name(), attribute.get(instance));
                }
            }
            rows.add(row);
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
                    write(instance, viaReturning.get(i), row.get(i));
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
        List<Expression<?>> selected = new ArrayList<>();
        for (Attribute attribute : key) {
            selected.add(attribute.column());
        }
        for (Attribute attribute : columns) {
            selected.add(attribute.column());
        }
        for (int from = 0; from < group.size(); from += FETCH_PAGE) {
            List<InstanceState> page = group.subList(from, Math.min(group.size(), from + FETCH_PAGE));
            Map<Object, Object> byIdentity = new HashMap<>();
            Predicate criteria = null;
            List<Object> singleKeys = new ArrayList<>();
            for (InstanceState state : page) {
                Object identity = mapper.identity(state.object());
                byIdentity.put(identity, state.object());
                if (key.length == 1) {
                    singleKeys.add(identity);
                } else {
                    Predicate one = DefaultSession.keyCriteria(mapper, identity);
                    criteria = criteria == null ? one : criteria.or(one);
                }
            }
            if (key.length == 1) {
                criteria = ((Column) key[0].column()).in(singleKeys);
            }
            for (Row row : connection.execute(Sql.select(selected.toArray(new Expression<?>[0])).where(criteria))) {
                Object identity;
                if (key.length == 1) {
                    identity = row.get(0);
                } else {
                    Object[] values = new Object[key.length];
                    for (int i = 0; i < key.length; i++) {
                        values[i] = row.get(i);
                    }
                    identity = List.of(values);
                }
                Object instance = byIdentity.get(identity);
                if (instance != null) {
                    for (int i = 0; i < columns.size(); i++) {
                        write(instance, columns.get(i), row.get(key.length + i));
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
            List<Map<String, @Nullable Object>> rows = new ArrayList<>();
            for (Change change : group.getValue()) {
                Object instance = change.state().object();
                if (version != null) {
                    Object old = change.state().committed[version.index()];
                    Object next = old == null ? 1 : version.type() == Long.class ? (Object) (((Long) old) + 1)
                            : (Object) (((Number) old).intValue() + 1);
                    write(instance, version, next);
                    change.current()[version.index()] = next;
                }
                Map<String, @Nullable Object> row = new HashMap<>();
                for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
                    row.put("set_" + attributes.get(i).column().name(), change.current()[i]);
                }
                putIdentity(mapper, change.state(), row);
                rows.add(row);
            }
            culprit = describeBatch(mapper, group.getValue().size(), group.getValue().get(0).state());
            Result result = connection.execute(update, rows);
            checkCounts("UPDATE", mapper, result.rowCounts(), group.getValue().stream().map(Change::state).toList(),
                    true);
        }
    }

    /** {@code key = :key_<column> [AND version = :key_<version>]}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate identityCriteria(EntityMapper<?> mapper) {
        Predicate criteria = null;
        List<Attribute> identity = new ArrayList<>(List.of(mapper.key()));
        if (mapper.version() != null) {
            identity.add(mapper.version());
        }
        for (Attribute attribute : identity) {
            Column column = attribute.column();
            Predicate one = column.eq((Expression<?>) bindParam("key_" + column.name(), (SqlType) column.type()));
            criteria = criteria == null ? one : criteria.and(one);
        }
        return criteria;
    }

    /** The committed key (and version) values of a row, as the WHERE clause of its UPDATE or DELETE reads them. */
    private static void putIdentity(EntityMapper<?> mapper, InstanceState state, Map<String, @Nullable Object> row) {
        for (Attribute attribute : mapper.key()) {
            row.put("key_" + attribute.column().name(), state.committed[attribute.index()]);
        }
        Attribute version = mapper.version();
        if (version != null) {
            row.put("key_" + version.column().name(), state.committed[version.index()]);
        }
    }

    private static String describeBatch(EntityMapper<?> mapper, int size, InstanceState first) {
        return size == 1 ? mapper.describe(first.object())
                : size + " " + mapper.entityClass().getSimpleName() + " objects (the first: "
                        + mapper.describe(first.object()) + ")";
    }

    /** Each row of an UPDATE or DELETE must have matched exactly one row; a miss means another transaction won. */
    private void checkCounts(String verb, EntityMapper<?> mapper, long[] counts, List<InstanceState> states,
            boolean always) {
        if (!always && mapper.version() == null) {
            return;
        }
        for (int i = 0; i < counts.length && i < states.size(); i++) {
            if (counts[i] >= 0 && counts[i] != 1) {
                Object instance = states.get(i).object();
                culprit = mapper.describe(instance);
                Attribute version = mapper.version();
                throw new StaleDataException(verb + " statement on table '" + mapper.table().name()
                        + "' expected to match 1 row, but matched " + counts[i] + ": "
                        + mapper.describe(instance) + (version != null ? " at version "
                                + states.get(i).committed[version.index()] + " was changed or deleted by another"
                                + " transaction" : " was deleted by another transaction")
                        + " since it was loaded. Roll back, reload it and apply the change again");
            }
        }
    }

    // ---- DELETE ----

    private void delete(Connection connection, EntityMapper<?> mapper, List<InstanceState> states) {
        Delete delete = Sql.delete(mapper.table()).where(identityCriteria(mapper));
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(states.size());
        for (InstanceState state : states) {
            Map<String, @Nullable Object> row = new HashMap<>();
            putIdentity(mapper, state, row);
            rows.add(row);
        }
        culprit = describeBatch(mapper, states.size(), states.get(0));
        Result result = connection.execute(delete, rows);
        checkCounts("DELETE", mapper, result.rowCounts(), states, false);
    }

    // ---- journal ----

    /** Sets a field, remembering its old value for {@link #undo()}. */
    private void write(Object instance, Attribute attribute, @Nullable Object value) {
        Object old = attribute.get(instance);
        journal.addLast(() -> attribute.set(instance, old));
        attribute.set(instance, value);
    }

    /** Puts back every field this flush wrote, newest first. */
    void undo() {
        while (!journal.isEmpty()) {
            journal.removeLast().run();
        }
        for (List<InstanceState> states : inserts.values()) {
            for (InstanceState state : states) {
                state.beforeInsert = null;
            }
        }
    }

    /** After the statements succeeded: new objects are persistent, changes are the new baseline, deletions done. */
    void complete(Map<EntityKey, InstanceState> identityMap, List<InstanceState> pending,
            List<InstanceState> deletedInTransaction) {
        for (List<InstanceState> states : inserts.values()) {
            for (InstanceState state : states) {
                Object instance = state.object();
                state.identity = state.mapper.identity(instance);
                state.committed = Values.snapshot(state.mapper.values(instance));
                state.status = InstanceState.Status.PERSISTENT;
                state.insertedInTransaction = true;
                identityMap.put(new EntityKey(state.mapper.entityClass(), state.identity), state);
            }
        }
        pending.clear();
        for (List<Change> changes : updates.values()) {
            for (Change change : changes) {
                InstanceState state = change.state();
                Object identity = state.mapper.identity(state.object());
                if (!identity.equals(state.identity)) {
                    identityMap.remove(new EntityKey(state.mapper.entityClass(), state.identity));
                    state.identity = identity;
                    identityMap.put(new EntityKey(state.mapper.entityClass(), identity), state);
                }
                state.committed = Values.snapshot(change.current());
            }
        }
        for (List<InstanceState> states : deletes.values()) {
            for (InstanceState state : states) {
                identityMap.remove(new EntityKey(state.mapper.entityClass(), state.identity));
                state.status = InstanceState.Status.DELETED;
                state.markedForDeletion = false;
                deletedInTransaction.add(state);
            }
        }
        journal.clear();
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
