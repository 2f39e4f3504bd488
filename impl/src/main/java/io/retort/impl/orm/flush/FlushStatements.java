package io.retort.impl.orm.flush;

import static io.retort.sql.Sql.bindParam;

import io.retort.impl.orm.Attribute;
import io.retort.impl.orm.EntityMapper;
import io.retort.schema.Column;
import io.retort.sql.Executable;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.sql.Predicate;
import io.retort.sql.Sql;
import io.retort.sql.Update;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The flush's statements of a mapper, built once per column shape and kept in the mapper
 * ({@link EntityMapper#flushStatements()}): the INSERT of the columns a batch gives, the UPDATE of the columns it
 * changes, the DELETE by key (and version). With each, the parameter names its rows bind. A shape is immutable, so
 * sessions on any thread share it.
 */
final class FlushStatements {
    /** Shapes kept per mapper at most. */
    private static final int MAX_SHAPES = 256;

    private FlushStatements() {
    }

    /** The cache key: the statement kind, the columns (attribute indexes) it gives or changes, whether RETURNING. */
    private record Key(char kind, BitSet columns, boolean returning) {
    }

    /**
     * An INSERT that gives the columns of {@code given}, and returns (or selects back) the omitted ones.
     *
     * @param statement the INSERT, with RETURNING of {@code viaReturning} when it is not empty
     * @param given the attributes whose values the rows give, in the order of {@code keys}
     * @param keys the parameter names: the columns of {@code given}
     * @param viaReturning the omitted attributes the INSERT returns
     * @param viaSelect the omitted attributes read back by a SELECT (no INSERT ... RETURNING)
     */
    record InsertShape(Executable statement, List<Attribute> given, ColumnValues.Keys keys,
            List<Attribute> viaReturning, List<Attribute> viaSelect) {
    }

    /**
     * An UPDATE of some columns by key (and version).
     *
     * @param statement the UPDATE
     * @param columns the attribute indexes it sets, the version's included; not to be changed
     * @param keys the parameter names: {@code set_<column>} of each column set, then {@code key_<column>} of the key
     *     and version
     * @param setCount how many of {@code keys} are set values
     */
    record UpdateShape(Executable statement, BitSet columns, ColumnValues.Keys keys, int setCount) {
    }

    /**
     * A DELETE by key (and version).
     *
     * @param statement the DELETE
     * @param keys the parameter names: {@code key_<column>} of the key and version
     */
    record DeleteShape(Executable statement, ColumnValues.Keys keys) {
    }

    /** The INSERT of the rows of {@code mapper} that omit the columns of {@code omitted}. */
    static InsertShape insert(EntityMapper<?> mapper, BitSet omitted, boolean returning) {
        Key key = new Key('I', (BitSet) omitted.clone(), returning);
        return (InsertShape) cached(mapper, key, () -> buildInsert(mapper, omitted, returning));
    }

    private static InsertShape buildInsert(EntityMapper<?> mapper, BitSet omitted, boolean returning) {
        List<Attribute> attributes = mapper.attributes();
        List<Attribute> given = new ArrayList<>(attributes.size());
        List<String> names = new ArrayList<>(attributes.size());
        for (Attribute attribute : attributes) {
            if (!omitted.get(attribute.index())) {
                given.add(attribute);
                names.add(attribute.column().name());
            }
        }
        List<Attribute> viaReturning = new ArrayList<>();
        List<Attribute> viaSelect = new ArrayList<>();
        for (int i = omitted.nextSetBit(0); i >= 0; i = omitted.nextSetBit(i + 1)) {
            Attribute attribute = mapper.attributeAt(i); // by index: a subclass table's attributes keep theirs
            boolean key = mapper.databaseGeneratedKey() && mapper.key()[0] == attribute;
            (returning || key ? viaReturning : viaSelect).add(attribute);
        }
        Insert insert = Sql.insert(mapper.table());
        Executable statement = insert;
        if (!viaReturning.isEmpty()) {
            Expression<?>[] columns = new Expression<?>[viaReturning.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = viaReturning.get(i).column();
            }
            statement = insert.returning(columns);
        }
        return new InsertShape(statement, List.copyOf(given), new ColumnValues.Keys(names),
                List.copyOf(viaReturning), List.copyOf(viaSelect));
    }

    /** The UPDATE of the columns of {@code changed} (and the version) of a row of {@code mapper}. */
    static UpdateShape update(EntityMapper<?> mapper, BitSet changed) {
        Key key = new Key('U', (BitSet) changed.clone(), false);
        return (UpdateShape) cached(mapper, key, () -> buildUpdate(mapper, changed));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static UpdateShape buildUpdate(EntityMapper<?> mapper, BitSet changedColumns) {
        BitSet changed = (BitSet) changedColumns.clone();
        Attribute version = mapper.version();
        if (version != null) {
            changed.set(version.index());
        }
        Map<String, Object> assignments = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
            Column<?> column = mapper.attributeAt(i).column();
            assignments.put(column.name(), bindParam("set_" + column.name(), column.type()));
            names.add("set_" + column.name());
        }
        Update update = Sql.update(mapper.table()).values(assignments).where(identityCriteria(mapper));
        int setCount = names.size();
        names.addAll(identityNames(mapper));
        return new UpdateShape(update, changed, new ColumnValues.Keys(names), setCount);
    }

    /** The DELETE of a row of {@code mapper} by key (and version). */
    static DeleteShape delete(EntityMapper<?> mapper) {
        Key key = new Key('D', new BitSet(), false);
        return (DeleteShape) cached(mapper, key, () -> new DeleteShape(
                Sql.delete(mapper.table()).where(identityCriteria(mapper)),
                new ColumnValues.Keys(identityNames(mapper))));
    }

    /**
     * The shape cached for {@code key}, built on first use. A class updated in many different column combinations
     * stops filling the cache at {@link #MAX_SHAPES} (a wide table has 2^n of them); later shapes are built per flush.
     */
    private static Object cached(EntityMapper<?> mapper, Key key, Supplier<Object> build) {
        Map<Object, Object> cache = mapper.flushStatements();
        Object shape = cache.get(key);
        if (shape == null) {
            shape = build.get();
            if (cache.size() < MAX_SHAPES) {
                Object raced = cache.putIfAbsent(key, shape);
                if (raced != null) {
                    shape = raced;
                }
            }
        }
        return shape;
    }

    /** {@code key = :key_<column> [AND version = :key_<version>]}. */
    private static Predicate identityCriteria(EntityMapper<?> mapper) {
        List<Attribute> identity = new ArrayList<>(List.of(mapper.key()));
        Attribute version = mapper.version();
        if (version != null) {
            identity.add(version);
        }
        return keyParameters(columnsOf(identity));
    }

    /** The parameter names of the key and version in a WHERE clause: {@code key_<column>}. */
    private static List<String> identityNames(EntityMapper<?> mapper) {
        List<String> names = new ArrayList<>();
        for (Attribute attribute : mapper.key()) {
            names.add("key_" + attribute.column().name());
        }
        Attribute version = mapper.version();
        if (version != null) {
            names.add("key_" + version.column().name());
        }
        return names;
    }

    /** {@code a = :key_a AND b = :key_b ...}: the WHERE clause of a batch whose rows give the key values by name. */
    static Predicate keyParameters(List<Column<?>> columns) {
        return io.retort.impl.orm.KeyCriteria.byName(columns, "key_");
    }

    /** The columns of attributes. */
    static List<Column<?>> columnsOf(List<Attribute> attributes) {
        List<Column<?>> columns = new ArrayList<>(attributes.size());
        for (Attribute attribute : attributes) {
            columns.add(attribute.column());
        }
        return columns;
    }
}
