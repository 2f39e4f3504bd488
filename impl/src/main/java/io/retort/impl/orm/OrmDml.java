package io.retort.impl.orm;

import io.retort.engine.Capability;
import io.retort.engine.Connection;
import io.retort.engine.Result;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.StaleDataException;
import io.retort.orm.OrmDelete;
import io.retort.orm.OrmInsert;
import io.retort.orm.OrmUpdate;
import io.retort.orm.Synchronize;
import io.retort.schema.Column;
import io.retort.sql.Delete;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import io.retort.sql.Update;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * ORM-enabled UPDATE and DELETE: the statement, then the session's objects brought in line with it (evaluated in
 * Java, or by the keys fetched from the database), and the bulk UPDATE by primary key. One per execution.
 */
final class OrmDml {
    private final DefaultSession session;

    OrmDml(DefaultSession session) {
        this.session = session;
    }

    /** An object the session holds and the new values it gets, by attribute, or null to expire it. */
    private record Match(InstanceState state, @Nullable Map<Attribute, @Nullable Object> values) {
    }

    Result update(OrmUpdate<?> update) {
        EntityMapper<?> mapper = session.mapper(update.entityClass());
        Update statement = update.statement();
        Map<Attribute, @Nullable Object> set = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> entry : update.values().entrySet()) {
            set.put(mapper.attribute(entry.getKey()), entry.getValue());
        }
        for (Attribute attribute : set.keySet()) {
            if (List.of(mapper.key()).contains(attribute)) {
                throw new InvalidRequestException("Orm.update(" + mapper.entityClass().getSimpleName() + ") sets "
                        + attribute + ", a primary-key field; an ORM UPDATE cannot re-key the objects it matches."
                        + " Change the key on the object and flush, or use a Core update(table)");
            }
        }
        Synchronize how = update.synchronization();
        List<Match> matches = null;
        if (how == Synchronize.EVALUATE || how == Synchronize.AUTO) {
            try {
                matches = evaluate(mapper, update.whereClause(), set);
            } catch (InMemoryCriteria.Unevaluable e) {
                if (how == Synchronize.EVALUATE) {
                    throw new InvalidRequestException("Could not evaluate the criteria of " + statement + " in Java"
                            + " (" + e.getMessage() + " is beyond comparisons, IS NULL, IN, BETWEEN, AND, OR, NOT and"
                            + " + - * of this class's fields and values); use synchronize(Synchronize.FETCH)");
                }
                how = Synchronize.FETCH;
            }
        }
        Connection connection = session.currentConnection();
        if (how != Synchronize.FETCH) {
            Result result = connection.execute(statement);
            if (matches != null) {
                apply(matches);
            }
            return result;
        }
        Attribute[] key = mapper.key();
        List<Attribute> updated = new ArrayList<>(set.keySet());
        if (session.engine().supports(Capability.UPDATE_RETURNING)) {
            List<Expression<?>> returning = new ArrayList<>();
            for (Attribute attribute : key) {
                returning.add(attribute.column());
            }
            for (Attribute attribute : updated) {
                returning.add(attribute.column());
            }
            List<@Nullable Object[]> rows = connection.execute(statement.returning(returning
                    .toArray(new Expression<?>[0]))).arrays().all();
            List<Match> fetched = new ArrayList<>();
            for (@Nullable Object[] row : rows) {
                Object identity = Loader.identityAt(row, 0, key.length);
                InstanceState state = identity == null ? null : session.objects().held(mapper, identity);
                if (state != null && !state.expired) {
                    Map<Attribute, @Nullable Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < updated.size(); i++) {
                        values.put(updated.get(i), row[key.length + i]);
                    }
                    fetched.add(new Match(state, values));
                }
            }
            apply(fetched);
            return new RowCountResult(rows.size());
        }
        // No UPDATE ... RETURNING (MariaDB): the keys first, in the same transaction, then the new values of the held.
        Set<Object> keys = selectKeys(connection, mapper, update.whereClause());
        Result result = connection.execute(statement);
        List<Match> fetched = new ArrayList<>();
        for (InstanceState state : session.objects().heldOf(mapper)) {
            if (!state.expired && state.identity != null && keys.contains(state.identity)) {
                fetched.add(new Match(state, literalValues(set)));
            }
        }
        apply(fetched);
        return result;
    }

    Result delete(OrmDelete<?> delete) {
        EntityMapper<?> mapper = session.mapper(delete.entityClass());
        Delete statement = delete.statement();
        Synchronize how = delete.synchronization();
        List<InstanceState> matched = null;
        if (how == Synchronize.EVALUATE || how == Synchronize.AUTO) {
            try {
                matched = new ArrayList<>();
                for (Match match : evaluate(mapper, delete.whereClause(), Map.of())) {
                    matched.add(match.state());
                }
            } catch (InMemoryCriteria.Unevaluable e) {
                if (how == Synchronize.EVALUATE) {
                    throw new InvalidRequestException("Could not evaluate the criteria of " + statement + " in Java"
                            + " (" + e.getMessage() + " is beyond comparisons, IS NULL, IN, BETWEEN, AND, OR, NOT"
                            + " of this class's fields and values); use synchronize(Synchronize.FETCH)");
                }
                how = Synchronize.FETCH;
                matched = null;
            }
        }
        Connection connection = session.currentConnection();
        Result result;
        if (how == Synchronize.FETCH) {
            Set<Object> keys;
            Attribute[] key = mapper.key();
            if (session.engine().supports(Capability.DELETE_RETURNING)) {
                List<Expression<?>> returning = new ArrayList<>();
                for (Attribute attribute : key) {
                    returning.add(attribute.column());
                }
                List<@Nullable Object[]> rows = connection.execute(statement.returning(returning
                        .toArray(new Expression<?>[0]))).arrays().all();
                keys = new HashSet<>();
                for (@Nullable Object[] row : rows) {
                    keys.add(Loader.identityAt(row, 0, key.length));
                }
                result = new RowCountResult(rows.size());
            } else {
                keys = selectKeys(connection, mapper, delete.whereClause());
                result = connection.execute(statement);
            }
            matched = new ArrayList<>();
            for (InstanceState state : session.objects().heldOf(mapper)) {
                if (state.identity != null && keys.contains(state.identity)) {
                    matched.add(state);
                }
            }
        } else {
            result = connection.execute(statement);
        }
        if (matched != null) {
            for (InstanceState state : matched) {
                session.objects().deletedByStatement(state);
            }
        }
        return result;
    }

    /**
     * A bulk UPDATE by primary key: one executemany per shape of map, {@code UPDATE t SET ... WHERE key = ?}; held
     * objects with those keys get the values.
     */
    Result bulkUpdate(OrmUpdate<?> update, List<? extends Map<String, ? extends @Nullable Object>> rows) {
        EntityMapper<?> mapper = session.mapper(update.entityClass());
        if (!update.values().isEmpty() || update.whereClause() != null) {
            throw new InvalidArgumentException("A bulk UPDATE by primary key takes its keys and values from the maps;"
                    + " " + update + " has its own values or WHERE criteria. Pass Orm.update("
                    + mapper.entityClass().getSimpleName() + ") alone, or run it without the list");
        }
        Attribute[] key = mapper.key();
        Map<List<String>, List<Map<String, @Nullable Object>>> byShape = new LinkedHashMap<>();
        List<Match> matches = new ArrayList<>();
        for (Map<String, ? extends @Nullable Object> row : rows) {
            Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
            Map<Attribute, @Nullable Object> values = new LinkedHashMap<>();
            Object[] identity = new Object[key.length];
            for (int i = 0; i < key.length; i++) {
                Object keyValue = row.get(key[i].name()); // null when absent, too
                if (keyValue == null) {
                    throw new InvalidArgumentException("A bulk UPDATE by primary key needs " + key[i] + " in every map;"
                            + " this one has " + row.keySet());
                }
                identity[i] = keyValue;
                parameters.put("pk_" + key[i].name(), identity[i]);
            }
            List<String> shape = new ArrayList<>();
            Attribute version = mapper.version();
            for (Map.Entry<String, ? extends @Nullable Object> entry : row.entrySet()) {
                Attribute attribute = mapper.attribute(entry.getKey());
                if (!List.of(key).contains(attribute) && attribute != version) {
                    shape.add(attribute.name());
                    parameters.put(attribute.name(), entry.getValue());
                    values.put(attribute, entry.getValue());
                }
            }
            if (shape.isEmpty()) {
                throw new InvalidArgumentException("A bulk UPDATE by primary key needs a field to set besides the key"
                        + (version != null ? " and the version" : "") + "; this map has only " + row.keySet());
            }
            if (version != null) {
                // As the flush (and SQLAlchemy's bulk UPDATE): the map's version is the one the row must be at; the
                // UPDATE checks it and sets the next. Without it a concurrent change would be overwritten unseen.
                Object expected = row.get(version.name());
                if (!(expected instanceof Number)) {
                    throw new InvalidArgumentException("A bulk UPDATE by primary key of " + mapper.entityClass()
                            .getSimpleName() + ", whose " + version + " is its @Version field, needs the version each"
                            + " row is expected at in every map (the UPDATE checks it and sets the next, as a flush"
                            + " does); this one has " + row.keySet());
                }
                Object next = Values.nextVersion(version, expected);
                shape.add(version.name());
                parameters.put(version.name(), next);
                parameters.put("pk_" + version.name(), expected);
                values.put(version, next);
            }
            byShape.computeIfAbsent(shape, s -> new ArrayList<>()).add(parameters);
            InstanceState state = session.objects().held(mapper, key.length == 1 ? identity[0] : List.of(identity));
            if (state != null && !state.expired) {
                matches.add(new Match(state, literalValues(values)));
            }
        }
        long count = 0;
        Connection connection = session.currentConnection();
        for (Map.Entry<List<String>, List<Map<String, @Nullable Object>>> shape : byShape.entrySet()) {
            Update statement = bulkUpdateStatement(mapper, shape.getKey());
            Result result = connection.execute(statement, shape.getValue());
            if (mapper.version() != null) {
                checkVersions(mapper, result.rowCounts(), shape.getValue());
            }
            count += Math.max(result.rowCount(), 0);
        }
        apply(matches);
        return new RowCountResult(count);
    }

    /** Each row of a versioned bulk UPDATE matched once: else it was at another version (or gone). */
    private static void checkVersions(EntityMapper<?> mapper, long[] counts,
            List<Map<String, @Nullable Object>> rows) {
        Attribute version = Objects.requireNonNull(mapper.version(), "version");
        for (int i = 0; i < counts.length && i < rows.size(); i++) {
            Map<String, @Nullable Object> row = rows.get(i);
            if (counts[i] < 0) {
                throw new InvalidRequestException("The driver reported no row count (SUCCESS_NO_INFO) for the bulk"
                        + " UPDATE of " + mapper.entityClass().getSimpleName() + " " + row + ", so its version could"
                        + " not be checked; turn off the driver's batch rewriting (useBulkStmts,"
                        + " rewriteBatchedStatements)");
            }
            if (counts[i] != 1) {
                throw new StaleDataException("UPDATE statement on table '" + mapper.table().name() + "' expected to"
                        + " match 1 row, but matched " + counts[i] + ": the " + mapper.entityClass().getSimpleName()
                        + " with key " + keyOf(mapper, row) + " is not at version " + row.get("pk_" + version.name())
                        + " (changed or deleted by another transaction). Roll back, read it again and apply the"
                        + " change to it");
            }
        }
    }

    private static List<@Nullable Object> keyOf(EntityMapper<?> mapper, Map<String, @Nullable Object> row) {
        List<@Nullable Object> key = new ArrayList<>();
        for (Attribute attribute : mapper.key()) {
            key.add(row.get("pk_" + attribute.name()));
        }
        return key;
    }

    /**
     * The statement of a bulk UPDATE by primary key for maps of these fields: {@code UPDATE t SET name=:name WHERE
     * t.id = :pk_id} (and {@code AND t.version = :pk_version} where the class is versioned and its version is set).
     */
    static Update bulkUpdateStatement(EntityMapper<?> mapper, List<String> names) {
        Map<String, Object> set = new LinkedHashMap<>();
        for (String name : names) {
            Attribute attribute = mapper.attribute(name);
            set.put(attribute.column().name(), Sql.bindParam(name, attribute.column().type()));
        }
        Predicate where = null;
        for (Attribute attribute : mapper.key()) {
            Predicate part = eqParameter(attribute.column(), "pk_" + attribute.name());
            where = where == null ? part : where.and(part);
        }
        Attribute version = mapper.version();
        if (version != null && names.contains(version.name()) && where != null) {
            where = where.and(eqParameter(version.column(), "pk_" + version.name()));
        }
        // A mapped class has at least one key column (DeclarativeScan refuses a class without @Id).
        return Sql.update(mapper.table()).values(set).where(Objects.requireNonNull(where, "no key"));
    }

    /**
     * The SQL of an ORM statement without its rows, as SQLAlchemy prints {@code insert(User)}: every column as a
     * named parameter (a bulk INSERT), every non-key field set by the key (a bulk UPDATE by primary key).
     */
    static String describe(EntityMapper<?> mapper, Object statement) {
        if (statement instanceof OrmInsert<?> insert) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Attribute attribute : mapper.attributes()) {
                values.put(attribute.column().name(), Sql.bindParam(attribute.column().name(),
                        attribute.column().type()));
            }
            return insert.statement().values(values).toString();
        }
        List<String> names = new ArrayList<>();
        for (Attribute attribute : mapper.attributes()) {
            if (!List.of(mapper.key()).contains(attribute)) {
                names.add(attribute.name());
            }
        }
        return bulkUpdateStatement(mapper, names).toString();
    }

    /** A bulk INSERT of maps keyed by field name, through Core's executemany (with RETURNING when asked). */
    Result insert(OrmInsert<?> insert, List<? extends Map<String, ? extends @Nullable Object>> rows) {
        EntityMapper<?> mapper = session.mapper(insert.entityClass());
        return session.currentConnection().execute(insert.statement(), byColumn(mapper, rows));
    }

    /** A bulk INSERT returning every column of each row, loaded as persistent objects in the order of the maps. */
    List<Object> insertObjects(OrmInsert<?> insert, List<? extends Map<String, ? extends @Nullable Object>> rows) {
        EntityMapper<?> mapper = session.mapper(insert.entityClass());
        if (rows.isEmpty()) {
            return new ArrayList<>();
        }
        List<Expression<?>> columns = new ArrayList<>();
        for (Attribute attribute : mapper.attributes()) {
            columns.add(attribute.column());
        }
        Insert statement = Sql.insert(mapper.table()).returning(columns.toArray(new Expression<?>[0]));
        Result result = session.currentConnection().execute(statement, byColumn(mapper, rows));
        Loader.LoadedObjects loaded = new Loader.LoadedObjects(mapper, false);
        List<Object> objects = new ArrayList<>(rows.size());
        for (@Nullable Object[] row : result.arrays()) {
            objects.add(session.objects().loadRow(mapper, row, 0, loaded).object());
        }
        session.loader().apply(mapper, loaded, LoadPlan.NONE);
        return objects;
    }

    /**
     * The maps keyed by column name: the maps themselves when every field is named as its column, else renamed
     * copies.
     *
     * @throws InvalidArgumentException if a map names a field the class does not map
     */
    private static List<? extends Map<String, ? extends @Nullable Object>> byColumn(EntityMapper<?> mapper,
            List<? extends Map<String, ? extends @Nullable Object>> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Attribute version = mapper.version();
        if (version != null) {
            rows = withFirstVersion(version, rows);
        }
        Map<String, String> columnOf = new HashMap<>();
        boolean renamed = false;
        for (Map<String, ? extends @Nullable Object> row : rows) {
            if (row.size() == columnOf.size() && columnOf.keySet().containsAll(row.keySet())) {
                continue; // the common case: the same fields as the first map
            }
            for (String name : row.keySet()) {
                String column = columnOf.computeIfAbsent(name, n -> mapper.attribute(n).column().name());
                renamed |= !column.equals(name);
            }
        }
        if (!renamed) {
            return rows;
        }
        List<Map<String, @Nullable Object>> renamedRows = new ArrayList<>(rows.size());
        for (Map<String, ? extends @Nullable Object> row : rows) {
            Map<String, @Nullable Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, ? extends @Nullable Object> entry : row.entrySet()) {
                copy.put(columnOf.get(entry.getKey()), entry.getValue());
            }
            renamedRows.add(copy);
        }
        return renamedRows;
    }

    /**
     * The rows of a bulk INSERT of a versioned class, each with the first version (1) where it gives none, as a flush
     * inserts it (and SQLAlchemy's bulk INSERT): a row left without one could never be updated by the ORM, whose
     * UPDATE names the version the row is at.
     */
    private static List<? extends Map<String, ? extends @Nullable Object>> withFirstVersion(Attribute version,
            List<? extends Map<String, ? extends @Nullable Object>> rows) {
        List<Map<String, ? extends @Nullable Object>> versioned = new ArrayList<>(rows.size());
        Object first = Values.firstVersion(version);
        for (Map<String, ? extends @Nullable Object> row : rows) {
            Object given = row.get(version.name());
            if (given instanceof Number && ((Number) given).longValue() != 0) {
                versioned.add(row);
            } else {
                Map<String, @Nullable Object> copy = new LinkedHashMap<>(row);
                copy.put(version.name(), first);
                versioned.add(copy);
            }
        }
        return versioned;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate eqParameter(Column<?> column, String name) {
        return ((Column) column).eq(Sql.bindParam(name, column.type()));
    }

    /** The held objects of the class that match the criteria, with their new values computed in Java. */
    private List<Match> evaluate(EntityMapper<?> mapper, @Nullable Predicate where,
            Map<Attribute, @Nullable Object> set) {
        InMemoryCriteria criteria = new InMemoryCriteria(mapper);
        criteria.check(where);
        for (Object value : set.values()) {
            if (value instanceof Expression<?> expression) {
                criteria.value(expression, null);
            }
        }
        List<Match> matches = new ArrayList<>();
        for (InstanceState state : session.objects().heldOf(mapper)) {
            Object instance = state.instance();
            if (!state.expired && instance != null && state.unloadedColumns != null
                    && !state.unloadedColumns.isEmpty()) {
                // The criteria read the fields: deferred ones must hold the row's values, not nothing (one SELECT
                // per such object; SYNCHRONIZE.FETCH avoids it).
                DeferredColumns.loadAll(state);
            }
            if (state.expired || instance == null || !criteria.matches(where, instance)) {
                continue; // an expired object reloads its row when next read
            }
            Map<Attribute, @Nullable Object> values = new LinkedHashMap<>();
            for (Map.Entry<Attribute, @Nullable Object> entry : set.entrySet()) {
                Object value = entry.getValue() instanceof Expression<?> expression
                        ? criteria.value(expression, instance) : entry.getValue();
                values.put(entry.getKey(), InMemoryCriteria.convert(value, entry.getKey()));
            }
            matches.add(new Match(state, values));
        }
        return matches;
    }

    /** The values when every one is a literal, else null (the object is then expired). */
    private static @Nullable Map<Attribute, @Nullable Object> literalValues(Map<Attribute, @Nullable Object> set) {
        for (Object value : set.values()) {
            if (value instanceof Expression<?>) {
                return null;
            }
        }
        return set;
    }

    /** Gives each matched object its new values, as loaded ones (not changes to flush), or expires it. */
    private void apply(List<Match> matches) {
        for (Match match : matches) {
            InstanceState state = match.state();
            Object instance = state.instance();
            Map<Attribute, @Nullable Object> values = match.values();
            @Nullable Object[] committed = state.committed;
            if (instance == null) {
                continue;
            }
            if (values == null || committed == null) {
                session.expire(instance);
                continue;
            }
            Map<Attribute, @Nullable Object> converted = new LinkedHashMap<>();
            try {
                for (Map.Entry<Attribute, @Nullable Object> entry : values.entrySet()) {
                    converted.put(entry.getKey(), InMemoryCriteria.convert(entry.getValue(), entry.getKey()));
                }
            } catch (InMemoryCriteria.Unevaluable e) {
                session.expire(instance); // a value of another type than the field's: reloaded on the next read
                continue;
            }
            @Nullable Object[] baseline = committed.clone();
            for (Map.Entry<Attribute, @Nullable Object> entry : converted.entrySet()) {
                Attribute attribute = entry.getKey();
                attribute.set(instance, entry.getValue());
                baseline[attribute.index()] = entry.getValue();
            }
            state.committed = Values.owned(baseline);
        }
    }

    /** The keys of the rows the criteria select, read before they change. */
    private static Set<Object> selectKeys(Connection connection, EntityMapper<?> mapper, @Nullable Predicate where) {
        Attribute[] key = mapper.key();
        List<Expression<?>> columns = new ArrayList<>();
        for (Attribute attribute : key) {
            columns.add(attribute.column());
        }
        Select select = Sql.select(columns.toArray(new Expression<?>[0]));
        if (where != null) {
            select = select.where(where);
        }
        Set<Object> keys = new HashSet<>();
        for (@Nullable Object[] row : connection.execute(select).arrays()) {
            keys.add(Loader.identityAt(row, 0, key.length));
        }
        return keys;
    }
}
