package io.retort.impl.orm;

import io.retort.exception.InvalidArgumentException;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.MappingException;
import io.retort.orm.ColumnAttribute;
import io.retort.orm.LoadOption;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Which columns of a mapped class one query leaves out (SQLAlchemy's deferred column loading): those the mapping
 * defers ({@code @Column(deferred = true)}, {@code deferGroup}) changed by the query's {@code loadOnly}, {@code defer},
 * {@code undefer} and {@code undeferGroup} options. The key, version and foreign-key columns (and those a relationship
 * joins on) are never deferred: the ORM reads them from every loaded object. Immutable.
 */
final class Deferral {
    static final Deferral NONE = new Deferral(new BitSet(), new BitSet());

    /** Attribute indexes left out of the query. */
    final BitSet deferred;
    /** Among them, those whose first read raises instead of loading. */
    final BitSet raise;

    private Deferral(BitSet deferred, BitSet raise) {
        this.deferred = deferred;
        this.raise = raise;
    }

    /** The deferral of a copy that leaves out the given attribute indexes (merge: what the source never loaded). */
    static Deferral skipping(BitSet attributes) {
        return attributes.isEmpty() ? NONE : new Deferral(attributes, new BitSet());
    }

    boolean isEmpty() {
        return deferred.isEmpty();
    }

    /** What a mapping defers, and what it may not. */
    static final class Defaults {
        final BitSet deferred = new BitSet();
        /** Columns never deferred: key, version, foreign keys, join columns, composite parts. */
        final BitSet kept = new BitSet();
        final Map<String, BitSet> groups = new HashMap<>();
        /** Per attribute index, its deferral group or null. */
        final @Nullable String[] groupOf;
        /** Per enhanced field index, its attribute index or -1. */
        final int[] attributeOfField;

        Defaults(EntityMapper<?> mapper) {
            List<Attribute> attributes = mapper.attributes();
            groupOf = new String[attributes.size()];
            attributeOfField = new int[mapper.fieldCount()];
            java.util.Arrays.fill(attributeOfField, -1);
            for (Attribute key : mapper.key()) {
                kept.set(key.index());
            }
            Attribute version = mapper.version();
            if (version != null) {
                kept.set(version.index());
            }
            // Every foreign-key column, a table-level constraint's too: a relationship of another class (a parent's
            // collection) may be loaded through it, and an unloaded one would read as NULL there.
            java.util.Set<String> foreignKeyColumns = new java.util.HashSet<>();
            for (io.retort.schema.ForeignKeyConstraint constraint : mapper.table().foreignKeys()) {
                foreignKeyColumns.addAll(constraint.columns());
            }
            for (Attribute attribute : attributes) {
                if (attribute.part() != null || !attribute.column().references().isEmpty()
                        || foreignKeyColumns.contains(attribute.column().name())) {
                    kept.set(attribute.index());
                }
                if (attribute.part() == null) {
                    attributeOfField[attribute.enhancedIndex()] = attribute.index();
                }
            }
            for (RelationshipMapper relationship : mapper.relationships()) {
                for (Attribute attribute : relationship.kind == RelationshipMapper.Kind.MANY_TO_ONE
                        ? relationship.foreignKey : relationship.referenced) {
                    kept.set(attribute.index());
                }
            }
            for (Attribute attribute : attributes) {
                io.retort.orm.Column column = attribute.field().getAnnotation(io.retort.orm.Column.class);
                if (column == null || (!column.deferred() && column.deferGroup().isEmpty())) {
                    continue;
                }
                if (kept.get(attribute.index()) || mapper.hierarchy() != null) {
                    throw new MappingException("Field " + attribute + " is @Column(deferred/deferGroup), but "
                            + (mapper.hierarchy() != null ? "deferred columns of a class in an inheritance hierarchy"
                                    + " are not supported yet" : "a key, version, foreign-key or join column is read"
                                    + " from every loaded object and cannot be deferred") + "; remove the deferral");
                }
                deferred.set(attribute.index());
                if (!column.deferGroup().isEmpty()) {
                    groupOf[attribute.index()] = column.deferGroup();
                    groups.computeIfAbsent(column.deferGroup(), g -> new BitSet()).set(attribute.index());
                }
            }
        }
    }

    private static final Map<EntityMapper<?>, Defaults> DEFAULTS = Collections.synchronizedMap(new WeakHashMap<>());

    /** The mapping's deferral of a class, worked out (and checked) once per mapper. */
    static Defaults defaults(EntityMapper<?> mapper) {
        Defaults defaults = DEFAULTS.get(mapper);
        if (defaults == null) {
            defaults = new Defaults(mapper);
            DEFAULTS.put(mapper, defaults);
        }
        return defaults;
    }

    /**
     * The columns a query of {@code mapper} leaves out under loader plan node {@code plan}.
     *
     * @throws InvalidArgumentException if an option defers a column that cannot be deferred, or names an unknown group
     */
    static Deferral of(EntityMapper<?> mapper, LoadPlan plan) {
        Defaults defaults = defaults(mapper);
        List<LoadOption.Columns> options = plan.columnOptions();
        if (defaults.deferred.isEmpty() && options.isEmpty()) {
            return NONE;
        }
        if (mapper.hierarchy() != null) {
            throw new InvalidRequestException("Column options " + options + ": deferred columns of "
                    + mapper.entityClass().getSimpleName() + ", a class in an inheritance hierarchy, are not"
                    + " supported yet; query it without loadOnly/defer");
        }
        BitSet deferred = (BitSet) defaults.deferred.clone();
        BitSet raise = new BitSet();
        for (LoadOption.Columns option : options) {
            switch (option.loading()) {
                case LOAD_ONLY -> {
                    BitSet keep = (BitSet) defaults.kept.clone();
                    for (ColumnAttribute<?, ?> named : option.attributes()) {
                        keep.set(indexOf(mapper, named));
                    }
                    for (int i = 0; i < mapper.attributes().size(); i++) {
                        if (keep.get(i)) {
                            deferred.clear(i);
                            raise.clear(i);
                        } else {
                            deferred.set(i);
                            raise.set(i, option.raiseOnLoad());
                        }
                    }
                }
                case DEFER -> {
                    for (ColumnAttribute<?, ?> named : option.attributes()) {
                        int index = indexOf(mapper, named);
                        if (defaults.kept.get(index)) {
                            throw new InvalidArgumentException("defer(" + named + "): a key, version, foreign-key"
                                    + " or join column is read from every loaded object and cannot be deferred");
                        }
                        deferred.set(index);
                        raise.set(index, option.raiseOnLoad());
                    }
                }
                case UNDEFER -> {
                    for (ColumnAttribute<?, ?> named : option.attributes()) {
                        int index = indexOf(mapper, named);
                        deferred.clear(index);
                        raise.clear(index);
                    }
                }
                case UNDEFER_GROUP -> {
                    BitSet group = defaults.groups.get(option.group());
                    if (group == null) {
                        throw new InvalidArgumentException("undeferGroup(\"" + option.group() + "\"): "
                                + mapper.entityClass().getSimpleName() + " has no deferral group of that name; its"
                                + " groups are " + defaults.groups.keySet());
                    }
                    deferred.andNot(group);
                    raise.andNot(group);
                }
            }
        }
        return deferred.isEmpty() ? NONE : new Deferral(deferred, raise);
    }

    private static int indexOf(EntityMapper<?> mapper, ColumnAttribute<?, ?> named) {
        return mapper.attribute(named.attributeName()).index();
    }
}
