package io.retort.impl.orm;

import io.retort.exception.InvalidRequestException;
import io.retort.orm.LoadOption;
import io.retort.orm.Loading;
import io.retort.orm.OrmSelect;
import io.retort.orm.QueryOption;
import io.retort.sql.ColumnReference;
import io.retort.sql.DerivedTable;
import io.retort.sql.Executable;
import io.retort.sql.Expression;
import io.retort.sql.OrderBy;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import io.retort.sql.TableReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ORM query as it runs: the elements of its select list with where their columns start in a row, the JOINED
 * relationships added to it (each with an alias of its own), and the final Core statement. One place builds it, for
 * running the query and for its {@code toString()}, so the SQL shown is the SQL sent. Immutable once built.
 */
final class QueryPlan {

    /** One element of the select list: an entity (with its mapper and loader plan) or an expression. */
    static final class Slot {
        final String key;
        final @Nullable EntityMapper<?> mapper;
        final LoadPlan plan;
        /** Where its columns start in a row of the final statement, and how many it has. */
        final int offset;
        final int width;
        /** The deferred columns its query leaves out. */
        final Deferral deferral;

        /** selectinPolymorphic(): the row has the class's own columns only; its subclasses' are read after. */
        final boolean selectinPolymorphic;

        Slot(String key, @Nullable EntityMapper<?> mapper, LoadPlan plan, int offset, int width) {
            this(key, mapper, plan, offset, width, false);
        }

        Slot(String key, @Nullable EntityMapper<?> mapper, LoadPlan plan, int offset, int width,
                boolean selectinPolymorphic) {
            this.key = key;
            this.mapper = mapper;
            this.plan = plan;
            this.offset = offset;
            this.width = width;
            this.deferral = mapper == null ? Deferral.NONE : Deferral.of(mapper, plan);
            this.selectinPolymorphic = selectinPolymorphic;
        }
    }

    /** A JOINED relationship: its alias, where its columns start, the element or join it hangs from. */
    static final class JoinNode {
        final RelationshipMapper relationship;
        /** The alias the join adds, or the table or alias the query joined already (contains eager). */
        final TableReference alias;
        final Slot slot;
        final @Nullable JoinNode parent;
        final LoadPlan plan;
        /** An inner JOIN rather than a LEFT OUTER JOIN. */
        final boolean inner;
        /** The query has the join (contains eager): only the columns are added. */
        final boolean existing;
        /** The deferred columns of the target the join leaves out. */
        final Deferral deferral;
        int offset;

        JoinNode(RelationshipMapper relationship, TableReference alias, Slot slot, @Nullable JoinNode parent,
                LoadPlan plan, boolean inner, boolean existing) {
            this.relationship = relationship;
            this.alias = alias;
            this.slot = slot;
            this.parent = parent;
            this.plan = plan;
            this.inner = inner;
            this.existing = existing;
            this.deferral = Deferral.of(relationship.target, plan);
        }
    }

    final List<Slot> slots;
    final List<JoinNode> joins;
    final Select select;
    final @Nullable Executable source;
    /** Whether a collection is loaded by a join, so that rows repeat their parent. */
    final boolean collectionJoined;
    final boolean populateExisting;
    /** The batch size of yieldPer, 0 for none. */
    final int yieldPer;
    /** Positions of the row layout (every column of each entity) that the statement does not select: deferred. */
    final java.util.BitSet omitted;
    /** Whether an element is a column rather than an entity, so that rows are read as Core rows. */
    final boolean hasColumnSlots;
    private final List<String> keys;
    /** Per element, where its columns start: read only. */
    private final int[] offsets;

    private QueryPlan(List<Slot> slots, List<JoinNode> joins, Select select, @Nullable Executable source,
            boolean collectionJoined, List<QueryOption> options, java.util.BitSet omitted) {
        this.omitted = omitted;
        this.slots = slots;
        this.joins = joins;
        this.select = select;
        this.source = source;
        this.collectionJoined = collectionJoined;
        boolean populate = false;
        int batch = 0;
        for (QueryOption option : options) {
            populate |= option.kind() == QueryOption.Kind.POPULATE_EXISTING;
            if (option.kind() == QueryOption.Kind.YIELD_PER) {
                batch = option.batchSize();
            }
        }
        // A locking read (FOR UPDATE, FOR SHARE) refreshes the objects the session holds from the rows it locks: what
        // the application then changes is what it locked, not values read before another transaction's commit.
        // (SQLAlchemy refreshes nothing: it raises for a versioned object whose version moved, and a held object
        // without a version keeps its old values, which an UPDATE then writes back over the other change.)
        this.populateExisting = populate || select.rowLockClause() != null;
        this.yieldPer = batch;
        boolean core = false;
        for (Slot slot : slots) {
            core |= slot.mapper == null;
        }
        this.hasColumnSlots = core;
        String[] names = new String[slots.size()];
        this.offsets = new int[slots.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = slots.get(i).key;
            offsets[i] = slots.get(i).offset;
        }
        this.keys = List.of(names);
    }

    /** The element names of the plan's rows, in order. */
    List<String> keys() {
        return keys;
    }

    /** Per element, where its columns start in a row of the statement; the array is shared: not to be written. */
    int[] offsets() {
        return offsets;
    }

    /** The plan of a query of one mapped class (a {@code scalars} query, or one the loaders run). */
    static QueryPlan forEntity(EntityMapper<?> mapper, Select statement, LoadPlan loadPlan,
            @Nullable Executable source, List<QueryOption> options) {
        if (SelectinPolymorphic.requested(options)) {
            Select own = SelectinPolymorphic.baseStatement(mapper, statement, source != null);
            List<Slot> slots = List.of(new Slot(mapper.entityClass().getSimpleName(), mapper, loadPlan, 0,
                    mapper.attributes().size(), true));
            return build(slots, List.of(mapper.table()), own, null, options);
        }
        List<Slot> slots = List.of(new Slot(mapper.entityClass().getSimpleName(), mapper, loadPlan, 0,
                mapper.rowWidth())); // in a hierarchy, its subclasses' columns follow its own
        return build(slots, List.of(mapper.table()), statement, source, options);
    }

    /** The plan of an {@link OrmSelect}. */
    static QueryPlan of(OrmSelect select, java.util.function.Function<Class<?>, EntityMapper<?>> mappers) {
        if (SelectinPolymorphic.requested(select.queryOptions())) {
            throw new InvalidRequestException("selectinPolymorphic() applies to a query of one class,"
                    + " session.scalars(Orm.select(Person.class).options(selectinPolymorphic())); in a select of"
                    + " several elements a hierarchy class outer-joins its subclass tables: leave the option out");
        }
        List<@Nullable EntityMapper<?>> elementMappers = new ArrayList<>();
        for (OrmSelect.Element element : select.elements()) {
            Class<?> type = element.entityClass();
            elementMappers.add(type == null ? null : mappers.apply(type));
        }
        // A class of a hierarchy reads its polymorphic row: its subclasses' columns and tables join the statement.
        Select statement = PolymorphicElements.any(elementMappers)
                ? PolymorphicElements.rewrite(select, elementMappers) : select.statement();
        List<Slot> slots = new ArrayList<>();
        List<@Nullable TableReference> tables = new ArrayList<>();
        int offset = 0;
        for (int e = 0; e < elementMappers.size(); e++) {
            OrmSelect.Element element = select.elements().get(e);
            EntityMapper<?> mapper = elementMappers.get(e);
            if (mapper == null) {
                slots.add(new Slot(element.key(), null, LoadPlan.NONE, offset, 1));
                tables.add(null);
                offset++;
                continue;
            }
            Class<?> type = mapper.entityClass();
            List<LoadOption> options = new ArrayList<>();
            for (LoadOption option : select.loadOptions()) {
                if (option.entityClass().isAssignableFrom(type)) {
                    options.add(option);
                }
            }
            int width = mapper.rowWidth();
            slots.add(new Slot(element.key(), mapper, LoadPlan.of(mapper, options), offset, width));
            tables.add(element.table());
            offset += width;
        }
        return build(slots, tables, statement, select.source(), select.queryOptions());
    }

    private static QueryPlan build(List<Slot> slots, List<@Nullable TableReference> tables, Select statement,
            @Nullable Executable source, List<QueryOption> options) {
        List<JoinNode> joins = new ArrayList<>();
        if (source == null) {
            int[] counter = {0};
            for (Slot slot : slots) {
                if (slot.mapper != null) {
                    collectJoins(slot.mapper, slot.plan, slot, null, joins, counter);
                }
            }
        }
        boolean collectionJoined = false;
        for (JoinNode node : joins) {
            collectionJoined |= node.relationship.isCollection() && !node.existing;
        }
        int width = 0;
        for (Slot slot : slots) {
            width += slot.width;
        }
        java.util.BitSet omitted = new java.util.BitSet();
        for (Slot slot : slots) {
            for (int i = slot.deferral.deferred.nextSetBit(0); i >= 0; i = slot.deferral.deferred.nextSetBit(i + 1)) {
                omitted.set(slot.offset + i);
            }
        }
        if (!omitted.isEmpty() && source == null) {
            List<Expression<?>> kept = new ArrayList<>();
            List<Expression<?>> all = statement.columns();
            for (int i = 0; i < all.size(); i++) {
                if (!omitted.get(i)) {
                    kept.add(all.get(i));
                }
            }
            statement = statement.withOnlyColumns(kept.toArray(new Expression<?>[0])); // SQLAlchemy leaves deferred columns out of the SELECT
        }
        Select select = statement;
        List<@Nullable TableReference> owners = new ArrayList<>(tables);
        if (collectionJoined && (statement.limitClause() != null || statement.offsetClause() != null)) {
            if (slots.size() != 1) {
                throw new InvalidRequestException("A query of several elements with LIMIT or OFFSET cannot load a"
                        + " collection with joined(...): the limit would count joined rows; load it with"
                        + " selectIn(...)");
            }
            // LIMIT counts objects, not joined rows: the query becomes a subquery and the joins go outside it.
            Select inner = statement;
            List<OrderBy> order = statement.orderByClause();
            for (int i = 0; i < order.size(); i++) {
                inner = inner.addColumns(order.get(i).expression().label("anon_order_" + i));
            }
            DerivedTable anon = inner.subquery("anon_1");
            owners.set(0, anon);
            // A collection is joined from an entity: the one element of this query is one.
            List<ColumnReference<?>> rootColumns = kept(Joins.columns(Objects.requireNonNull(slots.get(0).mapper,
                    "not an entity"), anon), slots.get(0).deferral);
            select = Sql.select(rootColumns.toArray(new Expression<?>[0]));
            for (int i = 0; i < order.size(); i++) {
                OrderBy original = order.get(i);
                select = select.orderBy(new OrderBy(anon.c("anon_order_" + i), original.descending(),
                        original.placeNullsFirst()));
            }
        }
        for (JoinNode node : joins) {
            TableReference owner = node.parent != null ? node.parent.alias : owners.get(slots.indexOf(node.slot));
            if (!node.existing) {
                select = Joins.join(select, node.relationship, owner, node.alias, !node.inner);
            }
            select = select.addColumns(kept(Joins.columns(node.relationship.target, node.alias), node.deferral)
                    .toArray(new Expression<?>[0]));
            node.offset = width;
            for (int i = node.deferral.deferred.nextSetBit(0); i >= 0; i = node.deferral.deferred.nextSetBit(i + 1)) {
                omitted.set(width + i);
            }
            width += node.relationship.target.attributes().size();
            if (node.relationship.isCollection() && !node.existing) {
                for (RelationshipMapper.OrderTerm term : node.relationship.orderBy) {
                    select = select.orderBy(term.on(Joins.column(node.alias, term.attribute().column())));
                }
            }
        }
        return new QueryPlan(List.copyOf(slots), List.copyOf(joins), select, source, collectionJoined, options,
                omitted);
    }

    /** The columns of an entity a query selects: all but the deferred ones. */
    static List<ColumnReference<?>> kept(List<ColumnReference<?>> columns, Deferral deferral) {
        if (deferral.isEmpty()) {
            return columns;
        }
        List<ColumnReference<?>> kept = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!deferral.deferred.get(i)) {
                kept.add(columns.get(i));
            }
        }
        return kept;
    }

    /** The JOINED relationships of a plan, depth first, each with an alias of its own. */
    private static void collectJoins(EntityMapper<?> mapper, LoadPlan plan, Slot slot, @Nullable JoinNode parent,
            List<JoinNode> out, int[] counter) {
        for (RelationshipMapper relationship : mapper.relationships()) {
            if (plan.loadingOf(relationship) != Loading.JOINED || relationship.target.hierarchy() != null) {
                // A hierarchy's rows span several tables or subclass columns: a JOINED relationship to one loads
                // with SELECT ... IN after the query instead.
                continue;
            }
            if (relationship.kind == RelationshipMapper.Kind.MANY_TO_MANY
                    && out.stream().anyMatch(n -> n.relationship.kind == RelationshipMapper.Kind.MANY_TO_MANY)) {
                continue; // an association table joins once per query; a second one loads with SELECT ... IN
            }
            io.retort.orm.LoadOption.Step step = plan.stepOf(relationship);
            boolean existing = step != null && step.containsEager();
            TableReference alias = !existing || step == null ? relationship.target.table().alias(relationship.name + "_"
                    + (++counter[0])) : step.eagerFrom() != null ? step.eagerFrom().table() : relationship.target.table();
            JoinNode node = new JoinNode(relationship, alias, slot, parent, plan.next(relationship),
                    step != null && step.innerJoin(), existing);
            out.add(node);
            collectJoins(relationship.target, node.plan, slot, node, out, counter);
        }
    }

    /** The statement sent: the one given to fromStatement, or the final SELECT. */
    Executable statement() {
        return source != null ? source : select;
    }

    /** The SQL sent, in the default dialect: the ORM statements' {@code toString()}. */
    @Override
    public String toString() {
        return statement().toString();
    }
}
