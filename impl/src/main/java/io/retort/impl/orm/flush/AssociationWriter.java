package io.retort.impl.orm.flush;

import io.retort.engine.Connection;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.Attribute;
import io.retort.impl.orm.CollectionTracking;
import io.retort.impl.orm.EntityMapper;
import io.retort.impl.orm.InstanceState;
import io.retort.impl.orm.RelationshipMapper;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.Predicate;
import io.retort.sql.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rows of many-to-many association tables, as SQLAlchemy's {@code ManyToManyDP}: removed pairs and the rows of
 * deleted objects go first, then the added pairs, each table's as one batch. Both sides of a {@code backPopulates}
 * pair describe the same rows; each row is written once.
 */
final class AssociationWriter {
    private final UnitOfWork work;
    private final FlushPlan plan;

    AssociationWriter(UnitOfWork work, FlushPlan plan) {
        this.work = work;
        this.plan = plan;
    }

    /** Writes the association rows the flush's collections added and removed. */
    void write(Connection connection) {
        Map<Table, Set<List<Object>>> added = new LinkedHashMap<>();
        Map<Table, Set<List<Object>>> removed = new LinkedHashMap<>();
        Map<Table, Map<List<Column<?>>, List<List<Object>>>> ownersDeleted = new LinkedHashMap<>();
        for (Map<EntityMapper<?>, List<InstanceState>> group : List.of(plan.inserts, plan.persistent, plan.deletes)) {
            for (List<InstanceState> states : group.values()) {
                for (InstanceState state : states) {
                    if (!state.mapper.hasRelationships()) {
                        continue;
                    }
                    for (RelationshipMapper relationship : state.mapper.relationships()) {
                        if (relationship.kind != RelationshipMapper.Kind.MANY_TO_MANY) {
                            continue;
                        }
                        Table secondary = relationship.secondaryTable();
                        Object owner = state.object();
                        List<Object> ownerKey = List.of(Attribute.writtenValues(relationship.owner.key(), owner,
                                relationship.owner));
                        if (state.markedForDeletion) {
                            ownersDeleted.computeIfAbsent(secondary, t -> new LinkedHashMap<>())
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
                                added.computeIfAbsent(secondary, t -> new LinkedHashSet<>())
                                        .add(associationRow(relationship, ownerKey, target));
                            }
                        }
                        for (Object target : tracking.committed()) {
                            if (!CollectionTracking.containsIdentical(current, target)) {
                                removed.computeIfAbsent(secondary, t -> new LinkedHashSet<>())
                                        .add(associationRow(relationship, ownerKey, target));
                            }
                        }
                    }
                }
            }
        }
        for (Map.Entry<Table, Set<List<Object>>> entry : removed.entrySet()) {
            deleteRows(connection, entry.getKey(), entry.getKey().columns(), new ArrayList<>(entry.getValue()));
        }
        for (Map.Entry<Table, Map<List<Column<?>>, List<List<Object>>>> entry : ownersDeleted.entrySet()) {
            for (Map.Entry<List<Column<?>>, List<List<Object>>> byColumns : entry.getValue().entrySet()) {
                deleteRows(connection, entry.getKey(), byColumns.getKey(), byColumns.getValue());
            }
        }
        for (Map.Entry<Table, Set<List<Object>>> entry : added.entrySet()) {
            Table table = entry.getKey();
            List<Map<String, @Nullable Object>> rows = new ArrayList<>();
            for (List<Object> values : entry.getValue()) {
                Map<String, @Nullable Object> row = new LinkedHashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    row.put(table.columns().get(i).name(), values.get(i));
                }
                rows.add(row);
            }
            work.culprit(rows.size() + " new row(s) of association table " + table.name());
            connection.execute(Sql.insert(table), rows);
        }
    }

    /** A row of an association table, its values in the table's column order. */
    private static List<Object> associationRow(RelationshipMapper relationship, List<Object> ownerKey,
            Object target) {
        Table table = relationship.secondaryTable();
        Object[] values = new Object[table.columns().size()];
        Object[] targetKey = Attribute.values(relationship.target.key(), target);
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
    private void deleteRows(Connection connection, Table table, List<Column<?>> columns, List<List<Object>> values) {
        Predicate criteria = FlushStatements.keyParameters(columns);
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (List<Object> row : values) {
            Map<String, @Nullable Object> parameters = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                parameters.put("key_" + columns.get(i).name(), row.get(i));
            }
            rows.add(parameters);
        }
        work.culprit(rows.size() + " row(s) of association table " + table.name());
        connection.execute(Sql.delete(table).where(criteria), rows);
    }
}
