package io.retort.impl.orm;

import io.retort.engine.Result;
import io.retort.orm.Loading;
import io.retort.schema.Column;
import io.retort.sql.Expression;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs ORM queries and the loaders of their relationships: rows become objects through the session's identity map,
 * JOINED relationships come from LEFT OUTER JOINs of the same query (under a subquery when it has a LIMIT), SELECTIN
 * ones from {@code SELECT ... WHERE key IN (...)} statements of up to {@value #IN_BATCH} keys, LAZY collections get
 * a placeholder that loads with the others of its query on first access. One per session; confined to its thread.
 */
public final class Loader {
    /** Keys per {@code IN (...)} statement of a SELECTIN or lazy load. */
    static final int IN_BATCH = 500;

    private final DefaultSession session;
    /**
     * While a populateExisting query loads (its rows and the relationships loaded with them): the objects it has
     * refilled already, so that each is refilled once, however many rows repeat it.
     */
    private java.util.@Nullable Set<InstanceState> populating;

    Loader(DefaultSession session) {
        this.session = session;
    }

    /** Runs the loading of a populateExisting query: objects it meets that the session holds are refilled. */
    <T> T populatingExisting(java.util.function.Supplier<T> load) {
        if (populating != null) {
            return load.get();
        }
        populating = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            return load.get();
        } finally {
            populating = null;
        }
    }

    /**
     * Whether a row met an object the session holds that a populateExisting query has not refilled yet: it is to be
     * expired (its collections too) and refilled from the row. An object new to the session is noted as filled.
     */
    boolean refillsExisting(InstanceState state, boolean held) {
        java.util.Set<InstanceState> refilled = populating;
        return refilled != null && refilled.add(state) && held;
    }

    /**
     * The objects a query loaded, in order, with their states and whether the query filled their fields (new, or
     * refreshed): lists side by side rather than an object per loaded object. A distinct list keeps each object
     * once (the rows of a joined collection repeat their parent). The states are kept only for a class with
     * relationships, the one use of them being to load those ({@link #apply}).
     */
    static final class LoadedObjects {
        private final @Nullable List<InstanceState> states;
        /** Which of the kept states this load filled; null when no state is kept. */
        private final @Nullable BitSet filled;
        /** The states added so far, when distinct (one state per object, so the set keeps each object once). */
        private final @Nullable Map<InstanceState, Boolean> seen;
        /** How many were added (each once when distinct): kept for every class, the states only with relationships. */
        private int count;

        LoadedObjects(EntityMapper<?> mapper, boolean distinct) {
            // Only the relationship loaders read these objects back, so without relationships nothing but the count is
            // kept: no list, and no set (an identity set over a large result was most of its load time).
            boolean kept = relationshipsBelow(mapper);
            this.states = kept ? new ArrayList<>() : null;
            this.filled = kept ? new BitSet() : null;
            this.seen = distinct && kept ? new IdentityHashMap<>() : null;
        }

        /** Adds an attached object's state; {@code fresh} when this load filled its fields. */
        void add(InstanceState state, boolean fresh) {
            List<InstanceState> kept = states;
            if (kept == null) {
                count++;
                return;
            }
            if (seen != null && seen.put(state, Boolean.TRUE) != null) {
                return;
            }
            if (fresh) {
                Objects.requireNonNull(filled, "kept with the states").set(kept.size());
            }
            kept.add(state);
            count++;
        }

        int size() {
            return count;
        }

        boolean isEmpty() {
            return count == 0;
        }

        /** The object of {@link #state(int)}. */
        Object instance(int index) {
            return state(index).object();
        }

        InstanceState state(int index) {
            if (states == null) {
                throw new IllegalStateException("States are kept only for classes with relationships");
            }
            return states.get(index);
        }

        /** Whether this load filled the object's fields; kept, like the states, only for classes with relationships. */
        boolean fresh(int index) {
            BitSet kept = filled;
            if (kept == null) {
                throw new IllegalStateException("States are kept only for classes with relationships");
            }
            return kept.get(index);
        }
    }

    /**
     * Runs an entity query: its rows as objects (each once when a joined collection repeats them), with the
     * relationships loaded as the plan and their defaults say.
     */
    List<Object> query(EntityMapper<?> mapper, Select statement, Map<String, ? extends @Nullable Object> parameters,
            LoadPlan plan) {
        return OrmQuery.objects(session, QueryPlan.forEntity(mapper, statement, plan, null, List.of()), parameters);
    }

    /** Puts loaded related objects into an object's field, unless the field is loaded already. */
    void fill(RelationshipMapper relationship, Object owner, InstanceState ownerState, List<Object> related) {
        if (relationship.isCollection()) {
            CollectionTracking tracking = trackingOf(relationship, owner, ownerState, CollectionTracking.Mode.LAZY,
                    null);
            if (!tracking.isLoaded()) {
                tracking.loaded(related);
            }
        } else if (!ownerState.referenceLoaded(relationship.index)) {
            Object value = related.isEmpty() ? null : related.get(0);
            relationship.set(owner, value);
            ownerState.referenceLoaded(relationship.index, value);
        }
    }

    /** The ORM collection in a field, installed (unloaded, in the given mode) if the field holds none of its own. */
    CollectionTracking trackingOf(RelationshipMapper relationship, Object owner, InstanceState ownerState,
            CollectionTracking.Mode mode, @Nullable LoadGroup group) {
        Object value = relationship.get(owner);
        if (value instanceof TrackedCollection
                && ((TrackedCollection) value).tracking().ownerState == ownerState) {
            return ((TrackedCollection) value).tracking();
        }
        return install(relationship, owner, ownerState, mode, group);
    }

    /** Puts a new ORM collection in a relationship field. */
    static CollectionTracking install(RelationshipMapper relationship, Object owner, InstanceState ownerState,
            CollectionTracking.Mode mode, @Nullable LoadGroup group) {
        TrackedCollection collection = relationship.collectionType == java.util.Set.class
                ? new TrackedSet<>(owner, ownerState, relationship, mode, group)
                : new TrackedList<>(owner, ownerState, relationship, mode, group);
        relationship.set(owner, collection);
        ownerState.install(relationship.index, collection.tracking());
        if (group != null) {
            group.members.add(collection.tracking());
        }
        return collection.tracking();
    }

    /** Whether objects a query of {@code mapper} loads can have relationships: its own, or a subclass's. */
    static boolean relationshipsBelow(EntityMapper<?> mapper) {
        if (mapper.hasRelationships()) {
            return true;
        }
        Hierarchy hierarchy = mapper.hierarchy();
        if (hierarchy != null) {
            for (EntityMapper<?> subclass : hierarchy.layout(mapper).below) {
                if (subclass.hasRelationships()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Loads or prepares the relationships of freshly loaded objects as the plan and defaults say: those of the queried
     * class for all of them, then each subclass's own for the objects of that subclass (a query of a base class
     * loads subclass objects, whose own relationships would otherwise stay as their fields' initializers left them).
     */
    void apply(EntityMapper<?> mapper, LoadedObjects objects, LoadPlan plan) {
        if (objects.isEmpty() || !relationshipsBelow(mapper)) {
            return;
        }
        List<RelationshipMapper> inherited = mapper.relationships();
        apply(inherited, objects, plan);
        if (mapper.hierarchy() == null) {
            return;
        }
        Map<EntityMapper<?>, LoadedObjects> bySubclass = new java.util.LinkedHashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            InstanceState state = objects.state(i);
            if (state.mapper != mapper && state.mapper.relationships().size() > inherited.size()) {
                bySubclass.computeIfAbsent(state.mapper, m -> new LoadedObjects(m, false)).add(state, objects.fresh(i));
            }
        }
        for (Map.Entry<EntityMapper<?>, LoadedObjects> entry : bySubclass.entrySet()) {
            List<RelationshipMapper> all = entry.getKey().relationships();
            // a subclass's relationships list its superclasses' first (the same objects), then its own
            apply(all.subList(inherited.size(), all.size()), entry.getValue(), plan);
        }
    }

    private void apply(List<RelationshipMapper> relationships, LoadedObjects objects, LoadPlan plan) {
        for (RelationshipMapper relationship : relationships) {
            Loading loading = plan.loadingOf(relationship);
            LoadPlan next = plan.next(relationship);
            if (relationship.isCollection()) {
                applyCollection(relationship, objects, loading, next);
            } else {
                applyReference(relationship, objects, loading, next);
            }
        }
    }

    private void applyCollection(RelationshipMapper relationship, LoadedObjects objects, Loading loading,
            LoadPlan next) {
        List<CollectionTracking> unloaded = new ArrayList<>();
        LoadGroup group = loading == Loading.LAZY ? new LoadGroup(relationship, next) : null;
        for (int i = 0; i < objects.size(); i++) {
            Object instance = objects.instance(i);
            InstanceState state = objects.state(i);
            Object current = relationship.get(instance);
            TrackedCollection own = current instanceof TrackedCollection
                    && ((TrackedCollection) current).tracking().ownerState == state ? (TrackedCollection) current : null;
            boolean ours = own != null;
            if (own != null && (own.tracking().isLoaded() || !objects.fresh(i))) {
                continue;
            }
            CollectionTracking.Mode mode = loading == Loading.RAISE || loading == Loading.RAISE_ON_SQL
                    ? CollectionTracking.Mode.RAISE
                    : CollectionTracking.Mode.LAZY;
            if (ours) {
                relationship.set(instance, null); // an expired, refreshed object: a new placeholder
            }
            CollectionTracking tracking = trackingOf(relationship, instance, state, mode, group);
            if (loading == Loading.NOLOAD) {
                tracking.loaded(List.of());
            } else if (loading == Loading.SELECTIN || loading == Loading.JOINED) {
                unloaded.add(tracking);
            }
        }
        if (!unloaded.isEmpty()) {
            loadCollections(relationship, unloaded, next);
        }
    }

    private void applyReference(RelationshipMapper relationship, LoadedObjects objects, Loading loading,
            LoadPlan next) {
        List<InstanceState> pending = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (!objects.state(i).referenceLoaded(relationship.index)) {
                pending.add(objects.state(i));
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        if (loading == Loading.LAZY || loading == Loading.RAISE || loading == Loading.RAISE_ON_SQL) {
            InstanceState.Unloaded marker = loading == Loading.RAISE ? InstanceState.RAISE
                    : loading == Loading.RAISE_ON_SQL ? InstanceState.RAISE_ON_SQL
                    : new InstanceState.Unloaded(new ReferenceGroup(relationship, next, pending), false);
            for (InstanceState state : pending) {
                state.referenceUnloaded(relationship.index, marker);
                relationship.set(state.object(), null); // no stale target left in the field
            }
            return;
        }
        loadReferences(relationship, pending, loading, next);
    }

    /**
     * Loads the references of relationship {@code relationship} of {@code pending} now (a lazy load): a many-to-one
     * by its foreign-key field as the application left it (a key set directly and not flushed yet names the row to
     * load, as SQLAlchemy's lazy loader reads the current value).
     */
    void loadReferences(RelationshipMapper relationship, List<InstanceState> pending, LoadPlan next) {
        loadReferences(relationship, pending, Loading.SELECTIN, next, false);
    }

    /**
     * As {@link #loadReferences(RelationshipMapper, List, LoadPlan)}, a many-to-one by the foreign key its row had
     * when loaded or last flushed: what the row refers to, for the flush (a replaced target, a delete cascade).
     */
    void loadReferencesAsLoaded(RelationshipMapper relationship, List<InstanceState> pending, LoadPlan next) {
        loadReferences(relationship, pending, Loading.SELECTIN, next, true);
    }

    private void loadReferences(RelationshipMapper relationship, List<InstanceState> pending, Loading loading,
            LoadPlan next) {
        loadReferences(relationship, pending, loading, next, false);
    }

    private void loadReferences(RelationshipMapper relationship, List<InstanceState> pending, Loading loading,
            LoadPlan next, boolean asLoaded) {
        if (loading == Loading.NOLOAD) {
            for (InstanceState state : pending) {
                relationship.set(state.object(), null);
                state.referenceLoaded(relationship.index, null);
            }
            return;
        }
        if (relationship.kind == RelationshipMapper.Kind.ONE_TO_ONE) {
            List<CollectionTracking> none = List.of();
            loadByForeignKey(relationship, pending, next, none);
            return;
        }
        // Many-to-one: the identity map first, then one SELECT ... IN for the keys it lacks.
        EntityMapper<?> target = relationship.target;
        Map<Object, List<InstanceState>> missing = new LinkedHashMap<>();
        LoadedObjects found = new LoadedObjects(target, false);
        for (InstanceState state : pending) {
            Object identity = asLoaded ? foreignKeyValue(relationship.foreignKey, state)
                    : currentForeignKeyValue(relationship.foreignKey, state);
            if (identity == null) {
                relationship.set(state.object(), null);
                state.referenceLoaded(relationship.index, null);
                continue;
            }
            InstanceState held = session.objects().held(target, identity);
            if (held != null) {
                relationship.set(state.object(), held.object());
                state.referenceLoaded(relationship.index, held.object());
                found.add(held, false);
            } else {
                missing.computeIfAbsent(identity, k -> new ArrayList<>()).add(state);
            }
        }
        List<Object> keys = new ArrayList<>(missing.keySet());
        for (int from = 0; from < keys.size(); from += IN_BATCH) {
            List<Object> page = keys.subList(from, Math.min(keys.size(), from + IN_BATCH));
            Select select = target.select().where(inKeys(target.key(), page));
            query(target, select, Map.of(), next);
        }
        for (Map.Entry<Object, List<InstanceState>> entry : missing.entrySet()) {
            InstanceState held = session.objects().held(target, entry.getKey());
            Object value = held == null ? null : held.object();
            for (InstanceState state : entry.getValue()) {
                relationship.set(state.object(), value);
                state.referenceLoaded(relationship.index, value);
            }
        }
        if (!found.isEmpty()) {
            apply(target, found, next);
        }
    }

    /** Loads the collections (or one-to-one references) of several objects, {@value #IN_BATCH} owners a statement. */
    void loadCollections(RelationshipMapper relationship, List<CollectionTracking> collections, LoadPlan next) {
        List<InstanceState> owners = new ArrayList<>();
        for (CollectionTracking tracking : collections) {
            owners.add(tracking.ownerState);
        }
        loadByForeignKey(relationship, owners, next, collections);
    }

    private void loadByForeignKey(RelationshipMapper relationship, List<InstanceState> owners, LoadPlan next,
            List<CollectionTracking> collections) {
        EntityMapper<?> target = relationship.target;
        Map<Object, List<Object>> children = new HashMap<>();
        List<Object> keys = new ArrayList<>();
        for (InstanceState owner : owners) {
            Object key = foreignKeyValue(relationship.kind == RelationshipMapper.Kind.MANY_TO_MANY
                    ? relationship.owner.key() : relationship.referenced, owner);
            if (key != null && !children.containsKey(key)) {
                children.put(key, new ArrayList<>());
                keys.add(key);
            }
        }
        Deferral deferral = Deferral.of(target, next);
        for (int from = 0; from < keys.size(); from += IN_BATCH) {
            List<Object> page = keys.subList(from, Math.min(keys.size(), from + IN_BATCH));
            Select select = deferral.isEmpty() ? target.select() : Sql.select(QueryPlan.kept(Joins.columns(target,
                    target.table()), deferral).toArray(new Expression<?>[0]));
            Attribute[] ownerKey = relationship.owner.key();
            if (relationship.kind == RelationshipMapper.Kind.MANY_TO_MANY) {
                List<Column<?>> ownerColumns = relationship.secondaryOwnerColumns;
                select = select.addColumns(ownerColumns.toArray(new Expression<?>[0]))
                        .join(relationship.secondaryTable(), Joins.secondaryToTarget(relationship,
                                relationship.secondaryTable(), target.table()))
                        .where(inColumns(ownerColumns, page));
            } else {
                List<Column<?>> fkColumns = new ArrayList<>();
                for (Attribute attribute : relationship.foreignKey) {
                    fkColumns.add(attribute.column());
                }
                select = select.where(inColumns(fkColumns, page));
            }
            for (RelationshipMapper.OrderTerm term : relationship.orderBy) {
                select = select.orderBy(term.on(term.attribute().column()));
            }
            int width = target.rowWidth();
            Result result = session.currentConnection().execute(select);
            LoadedObjects loaded = new LoadedObjects(target, true);
            for (@Nullable Object[] selected : result.arrays()) {
                @Nullable Object[] row = deferral.isEmpty() ? selected : expand(selected, deferral, width);
                InstanceState child = session.objects().loadRow(target, row, 0, loaded, deferral);
                Object ownerIdentity;
                if (relationship.kind == RelationshipMapper.Kind.MANY_TO_MANY) {
                    ownerIdentity = identityAt(row, width, ownerKey.length);
                } else {
                    ownerIdentity = foreignKeyValue(relationship.foreignKey, child);
                }
                List<Object> list = children.get(ownerIdentity);
                if (list != null && !CollectionTracking.containsIdentical(list, child.object())) {
                    list.add(child.object());
                }
            }
            apply(target, loaded, next);
        }
        for (int i = 0; i < owners.size(); i++) {
            InstanceState owner = owners.get(i);
            Object key = foreignKeyValue(relationship.kind == RelationshipMapper.Kind.MANY_TO_MANY
                    ? relationship.owner.key() : relationship.referenced, owner);
            List<Object> related = key == null ? List.of() : children.getOrDefault(key, List.of());
            if (relationship.isCollection()) {
                // The collections asked for are filled, even if the application has since put another collection in
                // the field (the flush compares that one with this baseline).
                CollectionTracking tracking = i < collections.size() ? collections.get(i)
                        : trackingOf(relationship, owner.object(), owner, CollectionTracking.Mode.LAZY, null);
                if (!tracking.isLoaded()) {
                    tracking.loaded(related);
                }
            } else {
                Object value = related.isEmpty() ? null : related.get(0);
                relationship.set(owner.object(), value);
                owner.referenceLoaded(relationship.index, value);
            }
        }
    }

    /** A row that left out deferred columns, spread to the class's full width (null where not selected). */
    private static @Nullable Object[] expand(@Nullable Object[] selected, Deferral deferral, int width) {
        int omitted = deferral.deferred.cardinality();
        @Nullable Object[] row = new Object[selected.length + omitted];
        int column = 0;
        for (int i = 0; i < row.length; i++) {
            row[i] = i < width && deferral.deferred.get(i) ? null : selected[column++];
        }
        return row;
    }

    /**
     * The foreign key in the fields as the application left them, or as loaded where the object is expired (its
     * fields are not current then): a value, or a list for several; null if any is null.
     */
    static @Nullable Object currentForeignKeyValue(Attribute[] attributes, InstanceState state) {
        Object instance = state.instance();
        if (instance == null || state.expired || state.committed == null) {
            return foreignKeyValue(attributes, state);
        }
        Object[] values = Attribute.values(attributes, instance);
        return values == null ? null : values.length == 1 ? values[0] : List.of(values);
    }

    /** The values of key attributes as last loaded or flushed: a value, or a list for several; null if any is null. */
    static @Nullable Object foreignKeyValue(Attribute[] attributes, InstanceState state) {
        @Nullable Object[] committed = state.committed;
        Object instance = state.instance();
        if (attributes.length == 1) {
            return committed != null ? committed[attributes[0].index()]
                    : instance == null ? null : attributes[0].get(instance);
        }
        Object[] values = new Object[attributes.length];
        for (int i = 0; i < values.length; i++) {
            Object value = committed != null ? committed[attributes[i].index()]
                    : instance == null ? null : attributes[i].get(instance);
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return List.of(values);
    }

    /** Whether a row has a non-null key for {@code mapper} at {@code offset} (a LEFT OUTER JOIN may give none). */
    static boolean rowHasKey(EntityMapper<?> mapper, @Nullable Object[] row, int offset) {
        for (Attribute key : mapper.key()) {
            if (row[offset + key.index()] == null) {
                return false;
            }
        }
        return true;
    }


    /**
     * The identity in {@code length} columns of a row from {@code offset}: a value, or a list of values; null when a
     * column is NULL (no object there).
     */
    public static @Nullable Object identityAt(@Nullable Object[] row, int offset, int length) {
        if (length == 1) {
            return row[offset];
        }
        Object[] values = new Object[length];
        for (int i = 0; i < length; i++) {
            Object value = row[offset + i];
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return List.of(values);
    }

    /** {@code key IN (...)} for key attributes of a table. */
    public static Predicate inKeys(Attribute[] key, List<Object> identities) {
        List<Column<?>> columns = new ArrayList<>();
        for (Attribute attribute : key) {
            columns.add(attribute.column());
        }
        return inColumns(columns, identities);
    }

    /** {@code column IN (...)}, or {@code (a, b) IN ((?, ?), ...)} for several columns. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Predicate inColumns(List<Column<?>> columns, List<Object> identities) {
        if (columns.size() == 1) {
            return ((Column) columns.get(0)).in(identities);
        }
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("No identities to select by " + columns);
        }
        Predicate any = null;
        for (Object identity : identities) {
            List<?> values = (List<?>) identity;
            Predicate one = ((Column) columns.get(0)).eq(values.get(0));
            for (int i = 1; i < columns.size(); i++) {
                one = one.and(((Column) columns.get(i)).eq(values.get(i)));
            }
            any = any == null ? one : any.or(one);
        }
        return java.util.Objects.requireNonNull(any);
    }
}
