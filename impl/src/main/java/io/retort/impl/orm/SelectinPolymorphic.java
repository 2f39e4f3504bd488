package io.retort.impl.orm;

import io.retort.engine.Result;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.QueryOption;
import io.retort.schema.Column;
import io.retort.sql.Expression;
import io.retort.sql.FromClause;
import io.retort.sql.Select;
import io.retort.sql.TableReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@link QueryOption#selectinPolymorphic()}: SQLAlchemy's {@code selectin_polymorphic} for a JOINED hierarchy. The
 * query reads the queried class's own tables and columns only; after its rows, one {@code SELECT ... WHERE key IN}
 * per subclass whose objects it filled reads the subclass tables' columns into them, and then their after_load
 * events run. Stateless but for {@link Fill}, which one query's batch owns.
 */
final class SelectinPolymorphic {
    private SelectinPolymorphic() {
    }

    /** The objects a batch of the query filled, whose subclass columns are still to be read. */
    static final class Fill {
        final List<InstanceState> filled = new ArrayList<>();
        /** Per filled object, the fields the application set while it was expired (kept), or null. */
        final List<boolean @Nullable []> written = new ArrayList<>();
        /** The new objects, whose after_load waits for their subclass columns. */
        final List<Object> loadEvents = new ArrayList<>();
    }

    /** Whether the options ask for it. */
    static boolean requested(List<QueryOption> options) {
        for (QueryOption option : options) { // a loop: most queries have none, and a stream costs more than it
            if (option.kind() == QueryOption.Kind.SELECTIN_POLYMORPHIC) {
                return true;
            }
        }
        return false;
    }

    /**
     * The statement of a query of {@code mapper} that reads its own tables only: the subclass tables and columns of
     * its polymorphic row left out.
     *
     * @throws InvalidRequestException if the class is no JOINED hierarchy's, or the criteria need a subclass table
     */
    static Select baseStatement(EntityMapper<?> mapper, Select statement, boolean fromStatement) {
        Hierarchy hierarchy = mapper.hierarchy();
        String name = mapper.entityClass().getSimpleName();
        if (hierarchy == null || hierarchy.strategy != InheritanceStrategy.JOINED) {
            throw new InvalidRequestException("selectinPolymorphic() loads the subclass tables of a JOINED hierarchy,"
                    + " but " + name + (hierarchy == null ? " is in none" : " is in a SINGLE_TABLE hierarchy, whose"
                    + " one table the query reads whole") + "; leave the option out");
        }
        if (fromStatement) {
            throw new InvalidRequestException("selectinPolymorphic() cannot change a statement given to"
                    + " fromStatement(...); leave the option out, or query " + name + " with Orm.select(" + name
                    + ".class)");
        }
        Hierarchy.Layout layout = hierarchy.layout(mapper);
        FromClause full = layout.select.explicitFroms().get(0);
        FromClause own = Hierarchy.innerFrom(mapper, t -> t);
        List<FromClause> froms = new ArrayList<>();
        for (FromClause from : statement.explicitFroms()) {
            FromClause replaced = PolymorphicElements.replace(from, full, own);
            froms.add(replaced != null ? replaced : from);
        }
        Select base = statement.withOnlyColumns(statement.columns().subList(0, mapper.attributes().size())
                .toArray(new Expression<?>[0])).withFroms(froms.toArray(new FromClause[0]));
        List<TableReference> subclassTables = new ArrayList<>();
        for (EntityMapper<?> sub : layout.below) {
            subclassTables.add(sub.parts().get(sub.parts().size() - 1).table());
        }
        for (FromClause from : base.froms()) {
            if (from instanceof TableReference table && subclassTables.contains(table)) {
                throw new InvalidRequestException("This query of " + name + " with selectinPolymorphic() has"
                        + " criteria on table " + table.name() + ", a subclass table that the option leaves out of"
                        + " the query (it would be read as a cross join, returning wrong rows); leave the option"
                        + " out, or query the subclass itself");
            }
        }
        return base;
    }

    /** The row a query of the class reads with the option, padded to its polymorphic layout (subclass columns null). */
    static @Nullable Object[] padded(EntityMapper<?> mapper, @Nullable Object[] row, int offset) {
        int own = mapper.attributes().size();
        @Nullable Object[] padded = new Object[java.util.Objects.requireNonNull(mapper.hierarchy()).layout(mapper)
                .width];
        System.arraycopy(row, offset, padded, 0, own);
        return padded;
    }

    /**
     * Reads the subclass columns of the objects a batch filled, one {@code SELECT ... IN} per subclass (in batches
     * of keys), then runs the after_load events of the new ones.
     */
    static void load(DefaultSession session, EntityMapper<?> queried, Fill fill) {
        int own = queried.attributes().size();
        Map<EntityMapper<?>, List<InstanceState>> bySubclass = new LinkedHashMap<>();
        for (InstanceState state : fill.filled) {
            if (state.mapper.attributes().size() > own) {
                bySubclass.computeIfAbsent(state.mapper, m -> new ArrayList<>()).add(state);
            }
        }
        for (Map.Entry<EntityMapper<?>, List<InstanceState>> entry : bySubclass.entrySet()) {
            EntityMapper<?> subclass = entry.getKey();
            List<Attribute> missing = subclass.attributes().subList(own, subclass.attributes().size());
            Attribute[] key = subclass.key();
            List<Column<?>> keyColumns = new ArrayList<>();
            List<Expression<?>> columns = new ArrayList<>();
            for (Attribute attribute : key) {
                keyColumns.add(attribute.column());
                columns.add(attribute.column());
            }
            for (Attribute attribute : missing) {
                columns.add(attribute.column());
            }
            Map<Object, InstanceState> byIdentity = new HashMap<>();
            Map<InstanceState, boolean @Nullable []> writtenOf = new java.util.IdentityHashMap<>();
            for (InstanceState state : entry.getValue()) {
                byIdentity.put(java.util.Objects.requireNonNull(state.identity), state);
            }
            for (int i = 0; i < fill.filled.size(); i++) {
                writtenOf.put(fill.filled.get(i), fill.written.get(i));
            }
            List<Object> identities = new ArrayList<>(byIdentity.keySet());
            for (int from = 0; from < identities.size(); from += Loader.IN_BATCH) {
                List<Object> page = identities.subList(from, Math.min(identities.size(), from + Loader.IN_BATCH));
                Select select = io.retort.sql.Sql.select(columns.toArray(new Expression<?>[0]))
                        .from(Hierarchy.innerFrom(subclass, t -> t)).where(Loader.inColumns(keyColumns, page))
                        .orderBy(keyColumns.get(0).asc());
                try (Result result = session.currentConnection().execute(select)) {
                    for (@Nullable Object[] row : result.arrays()) {
                        Object identity = key.length == 1 ? row[0] : List.of(java.util.Arrays.copyOf(row, key.length));
                        InstanceState state = byIdentity.get(identity);
                        if (state == null || state.committed == null) {
                            continue;
                        }
                        @Nullable Object[] values = state.committed.clone();
                        for (int i = 0; i < missing.size(); i++) {
                            values[missing.get(i).index()] = row[key.length + i];
                        }
                        // only the subclass fields, and not those the application set while the object was expired
                        boolean[] written = writtenOf.get(state);
                        boolean[] keep = new boolean[subclass.fieldCount()];
                        for (Attribute attribute : subclass.attributes()) {
                            int field = attribute.enhancedIndex();
                            keep[field] = attribute.index() < own
                                    || written != null && field < written.length && written[field];
                        }
                        Populate.populateExcept(subclass, state.object(), values, keep);
                        state.committed = Values.owned(values);
                    }
                }
            }
        }
        for (Object instance : fill.loadEvents) {
            session.events.fire(Events.Kind.AFTER_LOAD, instance);
        }
    }
}
