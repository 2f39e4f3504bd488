package io.retort.impl.orm.flush;

import io.retort.impl.orm.EntityMapper;
import io.retort.impl.orm.InstanceState;
import io.retort.impl.orm.RelationshipMapper;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The order of a flush's writes, as SQLAlchemy's unit of work sorts its actions: tables by their foreign keys
 * (parents before the tables that refer to them), and the rows of a self-referencing table by their references (a
 * row after the row it refers to; a tree inserted one level at a time where the database generates keys).
 */
final class FlushOrder {
    private final FlushPlan plan;

    FlushOrder(FlushPlan plan) {
        this.plan = plan;
    }

    /**
     * The mappers of this flush, parents before the tables that refer to them. Foreign keys of post-update
     * relationships do not count (they are written after the rows); a remaining cycle is broken where
     * {@link MetaData#dependencyOrder()} breaks it.
     */
    List<EntityMapper<?>> dependencyOrder(java.util.Collection<EntityMapper<?>> units) {
        // By table name (then class name), so that tables with no order between them are written in the same order
        // every time; two classes mapped to one table are two mappers, each written.
        Map<String, EntityMapper<?>> byTable = new TreeMap<>();
        Map<String, List<EntityMapper<?>>> ofTable = new HashMap<>();
        for (EntityMapper<?> mapper : units) {
            if (byTable.putIfAbsent(mapper.table().name() + '\u0000' + mapper.entityClass().getName(),
                    mapper) == null) {
                ofTable.computeIfAbsent(mapper.table().name(), name -> new ArrayList<>()).add(mapper);
            }
        }
        if (byTable.size() == 1) {
            return List.copyOf(byTable.values());
        }
        Map<EntityMapper<?>, Set<EntityMapper<?>>> parents = new LinkedHashMap<>();
        for (EntityMapper<?> mapper : byTable.values()) {
            Set<EntityMapper<?>> refers = new LinkedHashSet<>();
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
            for (Map.Entry<EntityMapper<?>, Set<EntityMapper<?>>> entry : parents.entrySet()) {
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

    /**
     * The new rows of a table in an order their references allow (a row after the row it refers to), split into
     * batches where a row refers to a row of the same batch whose key the database has not generated yet: a tree is
     * inserted one level at a time.
     */
    List<List<InstanceState>> insertBatches(EntityMapper<?> mapper, List<InstanceState> states) {
        List<InstanceState> ordered = referenceOrder(mapper, states);
        if (ordered == states || !mapper.databaseGeneratedKey()) {
            return List.of(ordered);
        }
        // Level 0: rows whose parent (in this table) is not new; level n: rows whose parent is at level n - 1.
        Map<InstanceState, Integer> levels = new IdentityHashMap<>();
        Set<InstanceState> members = Collections.newSetFromMap(new IdentityHashMap<>());
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

    /** Deleted rows of a table, children before the rows they refer to. */
    List<InstanceState> deleteOrder(EntityMapper<?> mapper, List<InstanceState> states) {
        List<InstanceState> ordered = referenceOrder(mapper, states);
        if (ordered == states) {
            return states;
        }
        List<InstanceState> reversed = new ArrayList<>(ordered);
        Collections.reverse(reversed);
        return reversed;
    }

    /** The rows of one table, each after the rows of the same table (among them) it refers to. */
    private List<InstanceState> referenceOrder(EntityMapper<?> mapper, List<InstanceState> states) {
        if (states.size() < 2 || !selfReferencing(mapper)) {
            return states;
        }
        Map<Object, InstanceState> byIdentity = new HashMap<>();
        Set<InstanceState> members = Collections.newSetFromMap(new IdentityHashMap<>());
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
            Set<InstanceState> members, Map<InstanceState, Boolean> visited, List<InstanceState> out) {
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
        for (FlushPlan.Parent parent : plan.parentsOf.getOrDefault(state, List.of())) {
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
                        : Arrays.asList(values).contains(null) ? null : List.of(values);
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
}
