package io.retort.impl.orm.flush;


import io.retort.engine.Capability;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Row;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.StaleDataException;
import io.retort.impl.orm.Attribute;
import io.retort.impl.orm.EntityMapper;
import io.retort.impl.orm.InstanceState;
import io.retort.impl.orm.Loader;
import io.retort.impl.orm.Values;
import io.retort.orm.Generation;
import io.retort.sql.Executable;
import io.retort.sql.Expression;
import io.retort.sql.Predicate;
import io.retort.sql.Sql;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes the rows of one mapper, as SQLAlchemy's {@code persistence.py}: INSERTs grouped by the columns they give
 * (an insert executemany that returns database-generated keys in input order), UPDATEs grouped by the columns they
 * change, DELETEs as one batch; the per-row counts of UPDATE and DELETE batches reveal stale rows. The statement of
 * each shape is built once per mapper ({@link FlushStatements}).
 */
final class Persister {
    /** Rows per {@code SELECT ... WHERE key IN (...)} that reads server defaults back where RETURNING is missing. */
    private static final int FETCH_PAGE = 500;

    private final UnitOfWork work;
    private final Engine engine;
    private final UndoJournal journal;

    /** A persistent object's changed columns. */
    record Change(InstanceState state, @Nullable Object[] current, BitSet changed) {
    }

    Persister(UnitOfWork work, Engine engine, UndoJournal journal) {
        this.work = work;
        this.engine = engine;
        this.journal = journal;
    }

    /**
     * The changed columns of a persistent object, or null. Objects changed in the same columns share one
     * {@code BitSet} from {@code shapes}: a flush of 100,000 changes keeps a handful of them alive, not 100,000.
     */
    static @Nullable Change diff(InstanceState state, Map<BitSet, BitSet> shapes) {
        @Nullable Object[] current = state.mapper.values(state.object());
        @Nullable Object[] committed = state.committedValues();
        BitSet changed = null;
        boolean[] written = state.expired ? state.writtenWhileExpired : null;
        List<Attribute> attributes = state.mapper.attributes();
        java.util.BitSet unloaded = state.unloadedColumns;
        java.util.BitSet writtenUnloaded = state.writtenUnloaded;
        for (int i = 0; i < current.length; i++) {
            if (unloaded != null && unloaded.get(i)) {
                continue; // a deferred column never loaded: its field holds nothing to write
            }
            // A field written while the object was expired (or while deferred and unloaded) is written even if equal
            // to the stale (or absent) snapshot.
            if (!Values.same(current[i], committed[i])
                    || written != null && written[attributes.get(i).enhancedIndex()]
                    || writtenUnloaded != null && writtenUnloaded.get(i)) {
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

    // ---- INSERT ----

    void insert(Connection connection, EntityMapper<?> mapper, List<InstanceState> states) {
        List<Attribute> attributes = mapper.attributes();
        List<Attribute> omissible = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if ((mapper.databaseGeneratedKey() && mapper.key()[0] == attribute) || attribute.serverDefault()) {
                omissible.add(attribute);
            }
        }
        BitSet previousOmitted = null;
        BitSet omitted = new BitSet(attributes.size());
        List<InstanceState> group = new ArrayList<>(states.size());
        for (InstanceState state : states) {
            Object instance = state.object();
            if (!mapper.isSubclassPart()) { // once per object, all of its values: a subclass table comes later
                state.beforeInsert = state.valuesBeforeInsert(instance);
                if (state.mapper.inHierarchy()) {
                    String identity = state.mapper.discriminatorToWrite(instance);
                    if (identity != null) {
                        journal.write(instance, state.mapper.discriminator(), identity);
                    }
                }
            }
            prepareInsert(mapper, instance);
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
        if (previousOmitted != null && !group.isEmpty()) {
            insertGroup(connection, mapper, group, previousOmitted);
        }
    }

    /** Java-side values before an INSERT: a UUID key, the first version; an assigned key must be there. */
    private void prepareInsert(EntityMapper<?> mapper, Object instance) {
        Attribute[] key = mapper.key();
        if (mapper.keyGeneration() == Generation.UUID && key[0].get(instance) == null) {
            journal.write(instance, key[0], UUID.randomUUID());
        }
        if (!mapper.databaseGeneratedKey()) {
            for (Attribute attribute : key) {
                if (attribute.get(instance) == null) {
                    work.culprit(mapper.describe(instance));
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
                journal.write(instance, version, Values.firstVersion(version));
            }
        }
    }

    private void insertGroup(Connection connection, EntityMapper<?> mapper, List<InstanceState> group,
            BitSet omitted) {
        FlushStatements.InsertShape shape = FlushStatements.insert(mapper, omitted,
                engine.supports(Capability.INSERT_RETURNING));
        List<Attribute> given = shape.given();
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(group.size());
        for (InstanceState state : group) {
            Object instance = state.object();
            @Nullable Object[] values = new Object[given.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = given.get(i).get(instance);
            }
            rows.add(new ColumnValues(shape.keys(), values));
        }
        work.culprit(group.size() == 1 ? mapper.describe(group.get(0).object())
                : group.size() + " new " + mapper.entityClass().getSimpleName() + " objects (the first: "
                        + mapper.describe(group.get(0).object()) + ")");
        List<Attribute> viaReturning = shape.viaReturning();
        if (viaReturning.isEmpty()) {
            connection.execute(shape.statement(), rows);
        } else {
            int index = 0;
            for (Row row : connection.execute(shape.statement(), rows)) {
                Object instance = group.get(index++).object();
                for (int i = 0; i < viaReturning.size(); i++) {
                    // Not journaled: undo() puts back what an INSERT assigned from the state's beforeInsert.
                    viaReturning.get(i).set(instance, row.get(i));
                }
            }
        }
        if (!shape.viaSelect().isEmpty()) {
            fetchGenerated(connection, mapper, group, shape.viaSelect());
        }
    }

    /** Reads server-generated columns back by primary key, where the database has no INSERT ... RETURNING. */
    private void fetchGenerated(Connection connection, EntityMapper<?> mapper, List<InstanceState> group,
            List<Attribute> columns) {
        Attribute[] key = mapper.key();
        List<Expression<?>> selected = new ArrayList<>(FlushStatements.columnsOf(List.of(key)));
        selected.addAll(FlushStatements.columnsOf(columns));
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
                        journal.write(instance, columns.get(i), row[key.length + i]);
                    }
                }
            }
        }
    }

    // ---- UPDATE ----

    void update(Connection connection, EntityMapper<?> mapper, List<Change> changes) {
        Attribute version = mapper.version();
        Map<BitSet, List<Change>> groups = new LinkedHashMap<>();
        for (Change change : changes) {
            groups.computeIfAbsent(change.changed(), c -> new ArrayList<>()).add(change);
        }
        for (Map.Entry<BitSet, List<Change>> group : groups.entrySet()) {
            FlushStatements.UpdateShape shape = FlushStatements.update(mapper, group.getKey());
            BitSet changed = shape.columns();
            List<Change> members = group.getValue();
            if (version != null) {
                for (Change change : members) {
                    Object old = change.state().committedValues()[version.index()];
                    Object assigned = change.current()[version.index()];
                    // A version the application set itself is written as given (SQLAlchemy's test_bump_version);
                    // the UPDATE still names the version the row was loaded at.
                    Object next = assigned != null && !Values.same(assigned, old) ? assigned
                            : Values.nextVersion(version, old);
                    journal.write(change.state().object(), version, next);
                    change.current()[version.index()] = next;
                }
            }
            // Each row's parameter map is made as the batch binds it, from the change: the batch keeps no map
            // per row alive while it runs.
            List<Map<String, @Nullable Object>> rows = new AbstractList<>() {
                @Override
                public Map<String, @Nullable Object> get(int index) {
                    Change change = members.get(index);
                    @Nullable Object[] values = new Object[shape.keys().size()];
                    int n = 0;
                    for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
                        values[n++] = change.current()[i];
                    }
                    putIdentity(mapper, change.state(), values, shape.setCount());
                    return new ColumnValues(shape.keys(), values);
                }

                @Override
                public int size() {
                    return members.size();
                }
            };
            work.culprit(describeBatch(mapper, members.size(), members.get(0).state()));
            checkCounts("UPDATE", mapper, rowCounts(connection, shape.statement(), rows, mapper),
                    members.stream().map(Change::state).toList(), true);
        }
    }

    /** The committed key (and version) values of a row, as the WHERE clause of its UPDATE or DELETE reads them. */
    private static void putIdentity(EntityMapper<?> mapper, InstanceState state, @Nullable Object[] values,
            int from) {
        @Nullable Object[] committed = state.committedValues();
        int n = from;
        for (Attribute attribute : mapper.key()) {
            values[n++] = committed[attribute.index()];
        }
        Attribute version = mapper.version();
        if (version != null) {
            values[n] = committed[version.index()];
        }
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
    long[] rowCounts(Connection connection, Executable statement, List<Map<String, @Nullable Object>> rows,
            EntityMapper<?> mapper) {
        if (mapper.version() == null || engine.supports(Capability.BATCH_ROW_COUNTS)) {
            return connection.execute(statement, rows).rowCounts();
        }
        long[] counts = new long[rows.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = connection.execute(statement, rows.get(i)).rowCount();
        }
        return counts;
    }

    /** Each row of an UPDATE or DELETE must have matched exactly one row; a miss means another transaction won. */
    void checkCounts(String verb, EntityMapper<?> mapper, long[] counts, List<InstanceState> states,
            boolean always) {
        if (!always && mapper.version() == null) {
            return;
        }
        for (int i = 0; i < counts.length && i < states.size(); i++) {
            if (counts[i] < 0 && mapper.version() != null) {
                String culprit = mapper.describe(states.get(i).object());
                work.culprit(culprit);
                throw new InvalidRequestException("The driver reported no row count"
                        + " (SUCCESS_NO_INFO) for the " + verb + " of " + culprit + ", so its version could not be"
                        + " checked and a concurrent change would be lost; the flush is rolled back. Turn off the"
                        + " driver's batch rewriting (useBulkStmts, rewriteBatchedStatements) or name it in the URL"
                        + " or connect-args, where Retort sees it and writes versioned rows one by one");
            }
            if (counts[i] >= 0 && counts[i] != 1) {
                Object instance = states.get(i).object();
                work.culprit(mapper.describe(instance));
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

    void delete(Connection connection, EntityMapper<?> mapper, List<InstanceState> states) {
        FlushStatements.DeleteShape shape = FlushStatements.delete(mapper);
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(states.size());
        for (InstanceState state : states) {
            @Nullable Object[] values = new Object[shape.keys().size()];
            putIdentity(mapper, state, values, 0);
            rows.add(new ColumnValues(shape.keys(), values));
        }
        work.culprit(describeBatch(mapper, states.size(), states.get(0)));
        checkCounts("DELETE", mapper, rowCounts(connection, shape.statement(), rows, mapper), states, false);
    }
}
