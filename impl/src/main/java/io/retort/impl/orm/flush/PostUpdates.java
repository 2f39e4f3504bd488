package io.retort.impl.orm.flush;

import static io.retort.sql.Sql.bindParam;

import io.retort.engine.Connection;
import io.retort.impl.orm.Attribute;
import io.retort.impl.orm.EntityMapper;
import io.retort.impl.orm.InstanceState;
import io.retort.impl.orm.RelationshipMapper;
import io.retort.impl.orm.Values;
import io.retort.schema.Column;
import io.retort.sql.Predicate;
import io.retort.sql.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The foreign keys of {@code postUpdate} relationships, as SQLAlchemy's post-update actions: written by an UPDATE
 * once every row of the flush exists (two rows that refer to each other), and cleared before rows of such a cycle are
 * deleted. The post-update of a versioned row that existed before the flush checks and bumps its version, as any
 * UPDATE of it does (SQLAlchemy's {@code VersionOnPostUpdateTest}); one of a row the flush inserted leaves the first
 * version.
 */
final class PostUpdates {
    private final UnitOfWork work;
    private final FlushPlan plan;
    private final ForeignKeySync foreignKeys;
    private final Persister persister;
    private final UndoJournal journal;

    /** Which post-updates go in one statement: of one relationship, of versioned rows or of the others. */
    private record Shape(RelationshipMapper relationship, @Nullable Attribute version) {
    }

    /** The rows of one statement's post-updates, and the objects they write. */
    private record Batch(Shape shape, List<Map<String, @Nullable Object>> rows, List<InstanceState> owners) {
    }

    PostUpdates(UnitOfWork work, FlushPlan plan, ForeignKeySync foreignKeys, Persister persister,
            UndoJournal journal) {
        this.work = work;
        this.plan = plan;
        this.foreignKeys = foreignKeys;
        this.persister = persister;
        this.journal = journal;
    }

    /** The version a post-update of this relationship checks and bumps: the owner's, where it is in its table. */
    private static @Nullable Attribute versionOf(RelationshipMapper relationship) {
        Attribute version = relationship.owner.version();
        return version != null && version.column().tableReference() == relationship.owner.table() ? version : null;
    }

    /** Writes the foreign keys of post-update relationships, now that every row of the flush exists. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void write(Connection connection) {
        Map<Shape, Batch> batches = new LinkedHashMap<>();
        for (Map<EntityMapper<?>, List<InstanceState>> group : List.of(plan.inserts, plan.persistent)) {
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
                        if (!relationship.isCollection() && state.status() == InstanceState.Status.PERSISTENT
                                && target == state.committedReference(relationship.index) && !isNew(target)) {
                            continue; // the reference did not move: a foreign-key field set directly stands
                        }
                        @Nullable Object[] key = target == null ? new Object[relationship.foreignKey.length]
                                : Attribute.writtenValues(relationship.referenced, target, relationship.target);
                        boolean differs = false;
                        for (int i = 0; i < key.length; i++) {
                            differs |= !Values.same(relationship.foreignKey[i].get(instance), key[i]);
                        }
                        if (!differs) {
                            continue;
                        }
                        foreignKeys.writeKey(instance, relationship.foreignKey, key);
                        Map<String, @Nullable Object> row = new HashMap<>();
                        for (int i = 0; i < key.length; i++) {
                            row.put("set_" + relationship.foreignKey[i].column().name(), key[i]);
                        }
                        Object[] ownKey = Attribute.writtenValues(state.mapper.key(), instance, state.mapper);
                        for (int i = 0; i < state.mapper.key().length; i++) {
                            row.put("key_" + state.mapper.key()[i].column().name(), ownKey[i]);
                        }
                        // A row inserted by this flush keeps its first version; one that existed is checked at the
                        // version it has now (bumped already where this flush updated it) and bumped again.
                        Attribute version = group == plan.persistent ? versionOf(relationship) : null;
                        if (version != null) {
                            Object current = version.get(instance);
                            Object next = Values.nextVersion(version, current);
                            row.put("key_" + version.column().name(), current);
                            row.put("set_" + version.column().name(), next);
                            journal.write(instance, version, next);
                        }
                        Batch batch = batches.computeIfAbsent(new Shape(relationship, version),
                                shape -> new Batch(shape, new ArrayList<>(), new ArrayList<>()));
                        batch.rows().add(row);
                        batch.owners().add(state);
                    }
                }
            }
        }
        // In the order of the relationships: an object with two versioned post-updates had its first one's row built
        // at the version it has, the second's at the version the first sets, and that is the order they must run in.
        List<Batch> ordered = new ArrayList<>(batches.values());
        ordered.sort(java.util.Comparator.comparingInt(batch -> batch.shape().relationship().index));
        for (Batch batch : ordered) {
            RelationshipMapper relationship = batch.shape().relationship();
            Attribute version = batch.shape().version();
            Map<String, Object> assignments = new LinkedHashMap<>();
            List<Attribute> set = new ArrayList<>(List.of(relationship.foreignKey));
            List<Attribute> where = new ArrayList<>(List.of(relationship.owner.key()));
            if (version != null) {
                set.add(version);
                where.add(version);
            }
            for (Attribute attribute : set) {
                Column<?> column = attribute.column();
                assignments.put(column.name(), bindParam("set_" + column.name(), column.type()));
            }
            Predicate criteria = FlushStatements.keyParameters(FlushStatements.columnsOf(where));
            work.culprit("the post-update of " + relationship);
            var statement = Sql.update(relationship.owner.table()).values(assignments).where(criteria);
            if (version == null) {
                connection.execute(statement, batch.rows());
            } else {
                persister.checkCounts("UPDATE", relationship.owner,
                        persister.rowCounts(connection, statement, batch.rows(), relationship.owner), batch.owners(),
                        true);
            }
        }
    }

    /** Whether a reference's target is new in this flush (its key, maybe generated, is written only now). */
    private static boolean isNew(@Nullable Object target) {
        InstanceState state = target == null ? null : InstanceState.of(target);
        return target != null && (state == null || state.status() == InstanceState.Status.PENDING);
    }

    /** Before deleting rows in a post-update cycle: clears their post-update foreign keys, so either row can go. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void clearReferencesOfDeleted(Connection connection) {
        for (List<InstanceState> states : plan.deletes.values()) {
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
                    Object identity = Objects.requireNonNull(state.identity, "identity");
                    Predicate criteria = keyCriteria(state.mapper, identity);
                    work.culprit("the post-update of " + relationship + " before deleting "
                            + state.mapper.describe(state.object()));
                    connection.execute(Sql.update(state.mapper.table()).values(assignments).where(criteria));
                }
            }
        }
    }

    /** {@code key = <value> [AND ...]} for one identity (a value, or a list of values for a composite key). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate keyCriteria(EntityMapper<?> mapper, Object identity) {
        Attribute[] key = mapper.key();
        if (key.length == 1) {
            return ((Column) key[0].column()).eq(identity);
        }
        List<?> values = (List<?>) identity;
        Predicate criteria = ((Column) key[0].column()).eq(values.get(0));
        for (int i = 1; i < key.length; i++) {
            criteria = criteria.and(((Column) key[i].column()).eq(values.get(i)));
        }
        return criteria;
    }
}
