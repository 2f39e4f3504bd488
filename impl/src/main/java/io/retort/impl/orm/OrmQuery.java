package io.retort.impl.orm;

import io.retort.engine.Result;
import io.retort.engine.Row;
import io.retort.exception.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link QueryPlan}: turns each database row into the values of the select list's elements (entities through
 * the session's identity map, with their JOINED relationships from the same row), then loads the other relationships
 * of what it loaded, for the whole result or, with yieldPer, per batch. One per execution; confined to the session's
 * thread.
 */
final class OrmQuery {
    private final DefaultSession session;
    private final QueryPlan plan;
    /** For a statement given to fromStatement: per column of the plan's layout, its column in the result. */
    private final int @Nullable [] layout;
    private final Result result;
    private final boolean rowsNeeded;
    private final List<String> keys;
    /**
     * yieldPer: the objects the current batch made, let go (when unchanged) as the next batch is read; empty and
     * never added to without yieldPer.
     */
    private final List<InstanceState> created;
    private final int[] coreIndex;
    private @Nullable Iterator<Row> rowIterator;
    private @Nullable Iterator<@Nullable Object[]> arrayIterator;
    private Loader.@Nullable LoadedObjects[] loaded;
    /**
     * Per selectinPolymorphic() element, the objects the current batch filled; null elsewhere, and an empty array
     * when the plan has no such element.
     */
    private SelectinPolymorphic.@Nullable Fill[] fills = NO_FILLS;
    private static final SelectinPolymorphic.@Nullable Fill[] NO_FILLS = new SelectinPolymorphic.Fill[0];
    private Map<QueryPlan.JoinNode, Map<Object, List<Object>>> joinedChildren = Map.of();
    private Map<QueryPlan.JoinNode, Loader.LoadedObjects> joinedLoaded = Map.of();

    private OrmQuery(DefaultSession session, QueryPlan plan, Map<String, ? extends @Nullable Object> parameters) {
        this.session = session;
        this.plan = plan;
        this.rowsNeeded = plan.hasColumnSlots;
        if (plan.yieldPer > 0 && plan.collectionJoined) {
            throw new InvalidRequestException("yieldPer(" + plan.yieldPer + ") cannot load a collection with"
                    + " joined(...): a batch could end inside one object's rows; load it with selectIn(...)");
        }
        // yieldPer streams: the driver fetches that many rows at a time (a cursor on PostgreSQL) instead of all of them.
        this.result = plan.yieldPer > 0
                ? session.currentConnection().stream(plan.statement(), parameters, plan.yieldPer)
                : session.currentConnection().execute(plan.statement(), parameters);
        this.layout = plan.source != null ? layoutOf(plan, result.keys())
                : plan.omitted.isEmpty() ? null : skipping(plan);
        this.keys = plan.keys();
        this.created = plan.yieldPer > 0 ? new ArrayList<>() : List.of();
        int[] offsets = plan.offsets();
        if (layout == null) {
            this.coreIndex = offsets; // read only, as the plan's
        } else {
            this.coreIndex = new int[offsets.length];
            for (int i = 0; i < offsets.length; i++) {
                coreIndex[i] = layout[offsets[i]];
            }
        }
        this.loaded = startBatch();
    }

    /** Runs a query of one mapped class and returns its objects (each once when a joined collection repeats it). */
    static List<Object> objects(DefaultSession session, QueryPlan plan,
            Map<String, ? extends @Nullable Object> parameters) {
        OrmQuery query = new OrmQuery(session, plan, parameters);
        return query.readAll(true);
    }

    /** Runs a query, its result read in batches of the plan's yieldPer size (or all at once without it). */
    static OrmQuery start(DefaultSession session, QueryPlan plan, Map<String, ? extends @Nullable Object> parameters) {
        return new OrmQuery(session, plan, parameters);
    }

    /** Reads every row: the first elements (objects) when {@code firsts}, else the rows' element arrays. */
    @SuppressWarnings("unchecked")
    List<Object> readAll(boolean firsts) {
        return plan.populateExisting ? session.loader().populatingExisting(() -> readEvery(firsts))
                : readEvery(firsts);
    }

    private List<Object> readEvery(boolean firsts) {
        if (firsts && simpleEntityQuery()) {
            return readEveryObject();
        }
        List<Object> out = new ArrayList<>();
        Map<Object, Boolean> seen = plan.collectionJoined ? new IdentityHashMap<>() : null;
        Map<List<@Nullable Object>, Boolean> seenRows = plan.collectionJoined && !firsts ? new HashMap<>() : null;
        Iterator<Row> rows = rowsNeeded ? result.iterator() : Collections.emptyIterator();
        Iterator<@Nullable Object[]> arrays = rowsNeeded ? Collections.emptyIterator() : result.arrays().iterator();
        try {
            while (rowsNeeded ? rows.hasNext() : arrays.hasNext()) {
                Row row = rowsNeeded ? rows.next() : null;
                @Nullable Object[] elements = load(row != null ? valuesOf(row) : arrays.next());
                if (firsts) {
                    Object first = elements[0];
                    if (seen == null || seen.put(first, Boolean.TRUE) == null) {
                        out.add(first);
                    }
                } else if (seenRows == null || seenRows.put(RowKey.of(elements), Boolean.TRUE) == null) {
                    out.add(new OrmRow(keys, elements, row, coreIndex));
                }
            }
        } finally {
            result.close();
        }
        finishBatch();
        return out;
    }

    /**
     * Whether the query is of one plain entity element, every column of it in the result in order: each row is one
     * object, loaded straight from the row's values (what {@link #load} does for such a row, without its per-row
     * element array and dispatch).
     */
    private boolean simpleEntityQuery() {
        if (plan.slots.size() != 1 || !plan.joins.isEmpty() || layout != null || rowsNeeded || plan.yieldPer > 0
                || plan.collectionJoined) {
            return false;
        }
        QueryPlan.Slot slot = plan.slots.get(0);
        return slot.mapper != null && !slot.selectinPolymorphic && loaded[0] != null;
    }

    private List<Object> readEveryObject() {
        QueryPlan.Slot slot = plan.slots.get(0);
        EntityMapper<?> mapper = Objects.requireNonNull(slot.mapper, "an entity slot");
        Loader.LoadedObjects into = Objects.requireNonNull(loaded[0], "the slot's loaded objects");
        SessionObjects objects = session.objects();
        List<Object> out = new ArrayList<>();
        try {
            for (@Nullable Object[] row : result.arrays()) {
                out.add(objects.loadRow(mapper, row, slot.offset, into, slot.deferral).object());
            }
        } finally {
            result.close();
        }
        finishBatch();
        return out;
    }

    /**
     * The next batch of at most yieldPer rows as {@link OrmRow}s (or first elements), their relationships loaded;
     * empty at the end, when the result is closed.
     */
    List<Object> nextBatch(boolean firsts) {
        return plan.populateExisting ? session.loader().populatingExisting(() -> readBatch(firsts))
                : readBatch(firsts);
    }

    private List<Object> readBatch(boolean firsts) {
        for (InstanceState state : created) {
            session.objects().release(state);
        }
        created.clear();
        List<Object> out = new ArrayList<>(plan.yieldPer);
        if (rowsNeeded) {
            Iterator<Row> rows = rowIterator != null ? rowIterator : (rowIterator = result.iterator());
            while (out.size() < plan.yieldPer && rows.hasNext()) {
                Row row = rows.next();
                @Nullable Object[] elements = load(valuesOf(row));
                out.add(firsts ? elements[0] : new OrmRow(keys, elements, row, coreIndex));
            }
        } else {
            Iterator<@Nullable Object[]> arrays = arrayIterator != null ? arrayIterator
                    : (arrayIterator = result.arrays().iterator());
            while (out.size() < plan.yieldPer && arrays.hasNext()) {
                @Nullable Object[] elements = load(arrays.next());
                out.add(firsts ? elements[0] : new OrmRow(keys, elements, null, coreIndex));
            }
        }
        finishBatch();
        loaded = startBatch();
        if (out.isEmpty()) {
            result.close();
        }
        return out;
    }

    /** Closes the database result (a yieldPer result not read to its end). */
    void close() {
        result.close();
    }

    QueryPlan plan() {
        return plan;
    }

    private static @Nullable Object[] valuesOf(Row row) {
        @Nullable Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }

    /** Starts a batch (the whole result without yieldPer): the objects it loads per entity element, none yet. */
    private Loader.@Nullable LoadedObjects[] startBatch() {
        Loader.@Nullable LoadedObjects[] batch = new Loader.LoadedObjects[plan.slots.size()];
        for (int i = 0; i < plan.slots.size(); i++) {
            EntityMapper<?> mapper = plan.slots.get(i).mapper;
            if (mapper != null) {
                batch[i] = new Loader.LoadedObjects(mapper, true);
            }
            if (plan.slots.get(i).selectinPolymorphic) {
                if (fills == NO_FILLS) {
                    fills = new SelectinPolymorphic.Fill[plan.slots.size()];
                }
                fills[i] = new SelectinPolymorphic.Fill();
            }
        }
        if (!plan.joins.isEmpty()) {
            joinedChildren = new LinkedHashMap<>();
            joinedLoaded = new LinkedHashMap<>();
            for (QueryPlan.JoinNode node : plan.joins) {
                joinedChildren.put(node, new IdentityHashMap<>());
                joinedLoaded.put(node, new Loader.LoadedObjects(node.relationship.target, true));
            }
        }
        return batch;
    }

    /** One row's elements: entities loaded through the identity map (null where an outer join found none). */
    private @Nullable Object[] load(@Nullable Object[] raw) {
        @Nullable Object[] row = layout == null ? raw : arrange(raw, layout);
        List<QueryPlan.Slot> slots = plan.slots;
        @Nullable Object[] elements = new @Nullable Object[slots.size()];
        for (int i = 0; i < elements.length; i++) {
            QueryPlan.Slot slot = slots.get(i);
            EntityMapper<?> mapper = slot.mapper;
            Loader.LoadedObjects into = loaded[i]; // startBatch made one for each entity element
            if (mapper == null || into == null) {
                elements[i] = row[slot.offset];
            } else if (slots.size() == 1 || Loader.rowHasKey(mapper, row, slot.offset)) {
                int held = plan.yieldPer > 0 ? session.objects().heldCount() : 0;
                InstanceState state;
                if (slot.selectinPolymorphic) {
                    session.objects().fill = fills[i];
                    try {
                        state = loadEntity(mapper, SelectinPolymorphic.padded(mapper, row, slot.offset), 0, into,
                                slot.deferral);
                    } finally {
                        session.objects().fill = null;
                    }
                } else {
                    state = loadEntity(mapper, row, slot.offset, into, slot.deferral);
                }
                if (plan.yieldPer > 0 && session.objects().heldCount() > held) {
                    created.add(state); // new in this batch: let go when the next batch is read, if unchanged
                }
                elements[i] = state.object();
            }
        }
        if (!plan.joins.isEmpty()) {
            loadJoined(row, elements);
        }
        return elements;
    }

    private InstanceState loadEntity(EntityMapper<?> mapper, @Nullable Object[] row, int offset,
            Loader.LoadedObjects into, Deferral deferral) {
        return session.objects().loadRow(mapper, row, offset, into, deferral);
    }

    private void loadJoined(@Nullable Object[] row, @Nullable Object[] elements) {
        Map<QueryPlan.JoinNode, Object> rowObjects = new HashMap<>();
        for (QueryPlan.JoinNode node : plan.joins) {
            Object owner = node.parent == null ? elements[plan.slots.indexOf(node.slot)] : rowObjects.get(node.parent);
            if (owner == null) {
                continue;
            }
            List<Object> children = childrenOf(node).computeIfAbsent(owner, o -> new ArrayList<>());
            if (Loader.rowHasKey(node.relationship.target, row, node.offset)) {
                InstanceState child = session.objects().loadRow(node.relationship.target, row, node.offset,
                        loadedOf(node), node.deferral);
                rowObjects.put(node, child.object());
                if (!CollectionTracking.containsIdentical(children, child.object())) {
                    children.add(child.object());
                }
            }
        }
    }

    /** The objects a joined relationship collected per owner in this batch (startBatch makes one map per join). */
    private Map<Object, List<Object>> childrenOf(QueryPlan.JoinNode node) {
        return Objects.requireNonNull(joinedChildren.get(node), "join not started");
    }

    /** The objects a join loaded in this batch (startBatch makes one per join). */
    private Loader.LoadedObjects loadedOf(QueryPlan.JoinNode node) {
        return Objects.requireNonNull(joinedLoaded.get(node), "join not started");
    }

    /** Fills the joined relationships and loads the others of what this batch loaded. */
    private void finishBatch() {
        Loader loader = session.loader();
        for (QueryPlan.JoinNode node : plan.joins) {
            for (Map.Entry<Object, List<Object>> entry : childrenOf(node).entrySet()) {
                InstanceState ownerState = InstanceState.of(entry.getKey());
                if (ownerState != null) {
                    loader.fill(node.relationship, entry.getKey(), ownerState, entry.getValue());
                }
            }
        }
        for (int i = 0; i < plan.slots.size(); i++) {
            EntityMapper<?> mapper = plan.slots.get(i).mapper;
            SelectinPolymorphic.Fill fill = i < fills.length ? fills[i] : null;
            if (mapper != null && fill != null) {
                SelectinPolymorphic.load(session, mapper, fill);
            }
        }
        for (int i = 0; i < plan.slots.size(); i++) {
            EntityMapper<?> mapper = plan.slots.get(i).mapper;
            Loader.LoadedObjects objects = loaded[i]; // one for each entity element
            if (mapper != null && objects != null) {
                loader.apply(mapper, objects, plan.slots.get(i).plan);
            }
        }
        for (QueryPlan.JoinNode node : plan.joins) {
            loader.apply(node.relationship.target, loadedOf(node), node.plan);
        }
    }

    private static @Nullable Object[] arrange(@Nullable Object[] raw, int[] layout) {
        @Nullable Object[] row = new Object[layout.length];
        for (int i = 0; i < layout.length; i++) {
            row[i] = layout[i] < 0 ? null : raw[layout[i]]; // a deferred column: not selected
        }
        return row;
    }

    /** The layout of a statement that leaves out the plan's deferred columns: -1 where a column is not selected. */
    private static int[] skipping(QueryPlan plan) {
        int width = 0;
        for (QueryPlan.Slot slot : plan.slots) {
            width += slot.width;
        }
        for (QueryPlan.JoinNode node : plan.joins) {
            width = Math.max(width, node.offset + node.relationship.target.attributes().size());
        }
        int[] layout = new int[width];
        int column = 0;
        for (int i = 0; i < width; i++) {
            layout[i] = plan.omitted.get(i) ? -1 : column++;
        }
        return layout;
    }

    /**
     * Where each column of the plan's layout is in the result of a statement given to fromStatement: by name
     * (ignoring case); when names repeat (two entities' {@code id}), by position, which then must match exactly.
     */
    private static int[] layoutOf(QueryPlan plan, List<String> keys) {
        List<@Nullable String> wanted = new ArrayList<>(); // null for a deferred column: not read from the result
        for (QueryPlan.Slot slot : plan.slots) {
            if (slot.mapper == null) {
                wanted.add(slot.key);
            } else {
                for (Attribute attribute : slot.mapper.attributes()) {
                    wanted.add(plan.omitted.get(wanted.size()) ? null : attribute.column().name());
                }
            }
        }
        List<String> needed = wanted.stream().filter(java.util.Objects::nonNull).toList();
        Map<String, Integer> positions = new HashMap<>();
        boolean repeated = false;
        for (int i = 0; i < keys.size(); i++) {
            repeated |= positions.putIfAbsent(keys.get(i).toLowerCase(Locale.ROOT), i) != null;
        }
        int[] layout = new int[wanted.size()];
        if (repeated) {
            if (keys.size() != needed.size()) {
                throw new InvalidRequestException("The statement given to fromStatement returns columns " + keys
                        + ", whose names repeat, so they are matched by position; the query needs exactly " + needed
                        + " in that order");
            }
            int column = 0;
            for (int i = 0; i < layout.length; i++) {
                layout[i] = wanted.get(i) == null ? -1 : column++;
            }
            return layout;
        }
        for (int i = 0; i < layout.length; i++) {
            String name = wanted.get(i);
            if (name == null) {
                layout[i] = -1;
                continue;
            }
            Integer position = positions.get(name.toLowerCase(Locale.ROOT));
            if (position == null) {
                throw new InvalidRequestException("The statement given to fromStatement returns no column "
                        + name + " (it returns " + keys + "); the query needs " + needed);
            }
            layout[i] = position;
        }
        return layout;
    }

    /** A row's elements compared by the identity of its objects and the equality of its values. */
    private static final class RowKey {
        private RowKey() {
        }

        static List<@Nullable Object> of(@Nullable Object[] elements) {
            List<@Nullable Object> parts = new ArrayList<>();
            for (Object element : elements) {
                parts.add(element != null && InstanceState.of(element) != null ? new Same(element) : element);
            }
            return parts;
        }
    }

    /** An object compared by identity. */
    private record Same(Object object) {
        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Same && ((Same) other).object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }
}
