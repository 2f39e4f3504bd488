package io.retort.impl.orm;

import io.retort.engine.Row;
import io.retort.engine.TypedResult;
import io.retort.exception.InvalidArgumentException;
import io.retort.orm.EntitySelect;
import io.retort.orm.LoadOption;
import io.retort.orm.OrmResult;
import io.retort.orm.Registry;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link DefaultSession} runs its ORM queries once it has flushed: which mapper a class has in the session, an
 * entity query into objects, a multi-element query into rows, either read at once or in {@code yieldPer} batches.
 * Stateless.
 */
final class SessionQueries {
    private SessionQueries() {
    }

    /**
     * The mapper of a class: from the factory's {@link Registry} when it has one (a class outside it is refused), else
     * the class's own mapping, built on first use.
     */
    @SuppressWarnings("unchecked")
    static <E> EntityMapper<E> mapper(@Nullable Registry registry, Class<E> type) {
        if (registry == null) {
            return Mappers.of(type);
        }
        if (!registry.mappedClasses().contains(type)) {
            throw new InvalidArgumentException("Class " + type.getName() + " is not mapped by this session: the"
                    + " registry of its SessionFactory maps " + registry.mappedClasses().stream()
                            .map(Class::getSimpleName).toList() + ". Add the class to the Registry given to"
                    + " SessionFactory.builder(engine).registry(...) (in CDI: to a package of the database's"
                    + " retort.packages, or to a scanned bean archive)");
        }
        return (EntityMapper<E>) registry.mapping(type);
    }

    /** No loader options: the mapper's own statement and plan. */
    static final LoadOption[] NO_OPTIONS = new LoadOption[0];

    /** {@code session.get}: the object the identity map holds, or the row loaded (after an autoflush if needed). */
    static <E> @Nullable E get(DefaultSession session, Class<E> type, Object primaryKey, LoadOption... options) {
        EntityMapper<E> mapper = session.mapper(type);
        Object identity = mapper.identityFromArgument(primaryKey);
        SessionObjects objects = session.objects();
        InstanceState state = objects.identityMap().get(mapper.identityClass(), identity);
        if (state != null && !type.isInstance(state.object())) {
            return null; // in a hierarchy: the key is another class's (SQLAlchemy's get() answers None too)
        }
        if (state != null && !state.expired) {
            return state.markedForDeletion ? null : type.cast(state.object());
        }
        // A primary-key lookup sees only its own row, which the session holds no change to (it is not in the identity
        // map, or expired): only a new object of the class, which may have that key, needs flushing first.
        if (state != null || objects.hasPending(mapper)) {
            session.autoflush();
        }
        state = objects.identityMap().get(mapper.identityClass(), identity);
        if (state != null && (state.markedForDeletion || state.status() == InstanceState.Status.DELETED)) {
            return null;
        }
        E loaded = loadByIdentity(session, mapper, identity, options);
        if (loaded == null && state != null && state.expired && state.session() == session
                && state.status() == InstanceState.Status.PERSISTENT) {
            // Its row is gone (deleted by another transaction, or by SQL): as SQLAlchemy, the expired object leaves
            // the session, rather than stay there to fail at its next read or write.
            session.expungeState(state);
        }
        return loaded;
    }

    /**
     * SELECT ... WHERE key = ?: the loaded object (refreshing an expired one), or null; no autoflush. Without loader
     * options the statement and plan are the mapper's own, built once; with them, the query takes the options.
     */
    static <E> @Nullable E loadByIdentity(DefaultSession session, EntityMapper<E> mapper, Object identity,
            LoadOption... options) {
        Map<String, @Nullable Object> parameters = KeyArguments.identityParameters(mapper, identity);
        try (TypedResult<E> result = options.length == 0 ? scalars(session, mapper.byIdentityPlan(), parameters)
                : scalars(session, mapper.byIdentity().options(options), parameters)) {
            return result.oneOrNull();
        }
    }

    /** The objects of an entity query, without an autoflush. */
    static <E> TypedResult<E> scalars(DefaultSession session, EntitySelect<E> select,
            Map<String, ? extends @Nullable Object> parameters) {
        EntityMapper<E> mapper = session.mapper(select.entityClass());
        return scalars(session, QueryPlan.forEntity(mapper, select.statement(),
                LoadPlan.of(mapper, select.loadOptions()), select.source(), select.queryOptions()), parameters);
    }

    /** The objects of an entity query's plan, without an autoflush. */
    @SuppressWarnings("unchecked")
    static <E> TypedResult<E> scalars(DefaultSession session, QueryPlan plan,
            Map<String, ? extends @Nullable Object> parameters) {
        if (plan.yieldPer > 0) {
            return new BatchedResult<>(OrmQuery.start(session, plan, parameters), true, object -> (E) object);
        }
        // Every object is of the mapped class (a mapper builds only its own class), so the list needs no copy.
        return new ListResult<>((List<E>) OrmQuery.objects(session, plan, parameters));
    }

    /** The rows of a query plan: entities identity-mapped, read at once or in {@code yieldPer} batches. */
    @SuppressWarnings("unchecked")
    static OrmResult rows(DefaultSession session, QueryPlan plan, Map<String, ? extends @Nullable Object> parameters) {
        List<String> keys = plan.keys();
        OrmQuery query = OrmQuery.start(session, plan, parameters);
        if (plan.yieldPer > 0) {
            return new OrmRows(keys, new BatchedResult<>(query, false, row -> (Row) row));
        }
        List<Object> rows = query.readAll(false);
        return new OrmRows(keys, new ListResult<>((List<Row>) (List<?>) rows));
    }
}
