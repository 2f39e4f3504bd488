package io.retort.impl.orm;

import io.retort.exception.InvalidRequestException;
import io.retort.exception.MappingException;
import io.retort.orm.Inheritance;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.ColumnReference;
import io.retort.sql.Expression;
import io.retort.sql.FromClause;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import io.retort.sql.TableReference;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The place of one mapped class in an {@link Inheritance} hierarchy: the strategy, the base class, its discriminator
 * and identity, its mapped subclasses, and (built on first use, when every class of the hierarchy has its mapper) the
 * polymorphic row it loads: its own columns first, then each subclass's own columns, with the positions of every
 * class's attributes in that row. Immutable once built; thread-safe.
 */
final class Hierarchy {
    final InheritanceStrategy strategy;
    final Class<?> root;
    final Inheritance declaration;
    /** The discriminator value of rows of this class. */
    final String identity;
    /** The mapped subclasses of this class at any depth, each after its own superclass. */
    final List<Class<?>> subclasses;
    private volatile @Nullable Layout layout;

    /** The row a query of a class in a hierarchy reads, and how each class's attributes are found in it. */
    static final class Layout {
        final Select select;
        final int width;
        final Map<String, EntityMapper<?>> byIdentity;
        final Map<EntityMapper<?>, int[]> positions;
        /** The attributes of the row's columns, in order. */
        final List<Attribute> row;
        /** The mappers of the subclasses, each after its superclass. */
        final List<EntityMapper<?>> below;

        Layout(Select select, int width, Map<String, EntityMapper<?>> byIdentity,
                Map<EntityMapper<?>, int[]> positions, List<Attribute> row, List<EntityMapper<?>> below) {
            this.select = select;
            this.width = width;
            this.byIdentity = byIdentity;
            this.positions = positions;
            this.row = row;
            this.below = below;
        }

        /** The row's columns, each from its table as {@code as} gives it (itself, or an alias). */
        List<Expression<?>> columns(Function<Table, TableReference> as) {
            List<Expression<?>> columns = new ArrayList<>(row.size());
            for (Attribute attribute : row) {
                Column<?> column = attribute.column();
                columns.add(as.apply(java.util.Objects.requireNonNull(column.table())).columnReference(column.name()));
            }
            return columns;
        }
    }

    private Hierarchy(Class<?> root, Inheritance declaration, String identity, List<Class<?>> subclasses) {
        this.root = root;
        this.declaration = declaration;
        this.strategy = declaration.strategy();
        this.identity = identity;
        this.subclasses = subclasses;
    }

    /** The nearest {@code @Mapped} superclass, or null. */
    static @Nullable Class<?> mappedSuperclass(Class<?> type) {
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Mapped.class)) {
                return c;
            }
        }
        return null;
    }

    /** The discriminator value of a class: its {@link PolymorphicIdentity}, or its simple name. */
    static String identityOf(Class<?> type) {
        PolymorphicIdentity declared = type.getAnnotation(PolymorphicIdentity.class);
        return declared != null ? declared.value() : type.getSimpleName();
    }

    /**
     * The hierarchy of a base class, checked: the listed subclasses extend it and are mapped, and no two classes
     * share an identity.
     */
    static Hierarchy ofRoot(Class<?> type, Inheritance declaration) {
        Map<String, Class<?>> identities = new LinkedHashMap<>();
        identities.put(identityOf(type), type);
        for (Class<?> subclass : declaration.subclasses()) {
            if (!type.isAssignableFrom(subclass) || subclass == type) {
                throw new MappingException("Class " + type.getName() + " lists " + subclass.getName() + " in"
                        + " @Inheritance(subclasses = ...), but " + subclass.getSimpleName() + " does not extend "
                        + type.getSimpleName() + "; list only its subclasses");
            }
            if (!subclass.isAnnotationPresent(Mapped.class)) {
                throw new MappingException("Class " + type.getName() + " lists " + subclass.getName() + " in"
                        + " @Inheritance(subclasses = ...), but " + subclass.getSimpleName() + " is not @Mapped;"
                        + " annotate it with @Mapped");
            }
            Class<?> previous = identities.putIfAbsent(identityOf(subclass), subclass);
            if (previous != null) {
                throw new MappingException("Classes " + previous.getName() + " and " + subclass.getName() + " of the"
                        + " hierarchy of " + type.getSimpleName() + " both have polymorphic identity '"
                        + identityOf(subclass) + "'; give each class its own @PolymorphicIdentity");
            }
        }
        return new Hierarchy(type, declaration, identityOf(type), descendants(type, declaration));
    }

    /**
     * The hierarchy of a subclass whose nearest mapped superclass has the mapper {@code parent}.
     *
     * @throws MappingException if the superclass is no hierarchy's member, the class is not listed, or declares a
     *         hierarchy of its own
     */
    static Hierarchy ofSubclass(Class<?> type, EntityMapper<?> parent) {
        Hierarchy above = parent.hierarchy();
        if (above == null) {
            throw new MappingException("Class " + type.getName() + " extends mapped class "
                    + parent.entityClass().getName() + ", which is not the base of an inheritance hierarchy; annotate "
                    + parent.entityClass().getSimpleName() + " with @Inheritance(strategy = JOINED or SINGLE_TABLE,"
                    + " subclasses = {" + type.getSimpleName() + ".class}), or do not extend it");
        }
        Inheritance own = type.getAnnotation(Inheritance.class);
        if (own != null) {
            String mixed = own.strategy() != above.strategy ? " (a hierarchy cannot mix " + own.strategy() + " with "
                    + above.strategy + ")" : "";
            throw new MappingException("Class " + type.getName() + " declares @Inheritance(strategy = "
                    + own.strategy() + "), but it is in the " + above.strategy + " hierarchy of "
                    + above.root.getSimpleName() + mixed + "; a hierarchy is declared once, on its base class: remove"
                    + " @Inheritance from " + type.getSimpleName());
        }
        if (!Arrays.asList(above.declaration.subclasses()).contains(type)) {
            throw new MappingException("Class " + type.getName() + " extends " + parent.entityClass().getSimpleName()
                    + ", but " + above.root.getSimpleName() + "'s @Inheritance(subclasses = ...) does not list it, so"
                    + " a query of " + above.root.getSimpleName() + " could not return it; add "
                    + type.getSimpleName() + ".class to that list");
        }
        return new Hierarchy(above.root, above.declaration, identityOf(type), descendants(type,
                above.declaration));
    }

    private static List<Class<?>> descendants(Class<?> type, Inheritance declaration) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> subclass : declaration.subclasses()) {
            if (subclass != type && type.isAssignableFrom(subclass)) {
                found.add(subclass);
            }
        }
        found.sort(Comparator.comparingInt(Hierarchy::depth)); // a superclass's columns before its subclasses'
        return Collections.unmodifiableList(found);
    }

    private static int depth(Class<?> type) {
        int depth = 0;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            depth++;
        }
        return depth;
    }

    /** The row layout of a query of {@code mapper}, built on first use. */
    Layout layout(EntityMapper<?> mapper) {
        Layout built = layout;
        if (built == null) {
            built = build(mapper);
            layout = built;
        }
        return built;
    }

    private Layout build(EntityMapper<?> mapper) {
        List<Attribute> row = new ArrayList<>(mapper.attributes());
        Map<Attribute, Integer> positionOf = new IdentityHashMap<>();
        for (Attribute attribute : row) {
            positionOf.put(attribute, positionOf.size());
        }
        List<EntityMapper<?>> below = new ArrayList<>();
        for (Class<?> subclass : subclasses) {
            EntityMapper<?> sub = Mappers.of(subclass);
            below.add(sub);
            for (Attribute attribute : sub.attributes()) {
                if (!positionOf.containsKey(attribute)) {
                    positionOf.put(attribute, row.size());
                    row.add(attribute);
                }
            }
        }
        Map<String, EntityMapper<?>> byIdentity = new LinkedHashMap<>();
        Map<EntityMapper<?>, int[]> positions = new IdentityHashMap<>();
        List<EntityMapper<?>> all = new ArrayList<>();
        all.add(mapper);
        all.addAll(below);
        for (EntityMapper<?> each : all) {
            // Every class of a hierarchy has its Hierarchy, and every attribute of each got a position just above.
            byIdentity.put(Objects.requireNonNull(each.hierarchy(), "not in a hierarchy").identity, each);
            int[] at = new int[each.attributes().size()];
            for (Attribute attribute : each.attributes()) {
                at[attribute.index()] = Objects.requireNonNull(positionOf.get(attribute), "attribute not laid out");
            }
            positions.put(each, at);
        }
        Layout built = new Layout(Sql.select(mapper.table()), row.size(), Collections.unmodifiableMap(byIdentity),
                positions, List.copyOf(row), List.copyOf(below));
        Function<Table, TableReference> same = table -> table;
        Select select = Sql.select(built.columns(same).toArray(new Expression<?>[0]));
        if (strategy == InheritanceStrategy.JOINED) {
            select = select.from(from(mapper, built, same));
        }
        Predicate criterion = criterion(mapper, built, same);
        if (criterion != null) {
            select = select.where(criterion);
        }
        return new Layout(select, built.width, built.byIdentity, positions, built.row, built.below);
    }

    /**
     * The FROM clause of a polymorphic row of a JOINED class, with each table as {@code as} gives it (itself, or an
     * alias): its own tables inner-joined, its subclasses' outer-joined, on the key.
     */
    FromClause from(EntityMapper<?> mapper, Layout layout, Function<Table, TableReference> as) {
        TableReference base = as.apply(mapper.parts().get(0).table());
        FromClause from = innerFrom(mapper, as);
        for (EntityMapper<?> sub : layout.below) {
            TableReference own = as.apply(sub.parts().get(sub.parts().size() - 1).table());
            from = Sql.outerJoin(from, own, keyJoin(base, own, mapper));
        }
        return from;
    }

    /** The tables of a JOINED class's own rows, without its subclasses': inner-joined on the key. */
    static FromClause innerFrom(EntityMapper<?> mapper, Function<Table, TableReference> as) {
        List<EntityMapper<?>> parts = mapper.parts();
        TableReference base = as.apply(parts.get(0).table());
        FromClause from = base;
        for (int i = 1; i < parts.size(); i++) {
            TableReference part = as.apply(parts.get(i).table());
            from = Sql.join(from, part, keyJoin(base, part, mapper));
        }
        return from;
    }

    /** The WHERE criterion of a query of a SINGLE_TABLE subclass (its rows by discriminator), or null. */
    @SuppressWarnings("unchecked")
    @Nullable Predicate criterion(EntityMapper<?> mapper, Layout layout, Function<Table, TableReference> as) {
        if (strategy != InheritanceStrategy.SINGLE_TABLE || mapper.entityClass() == root) {
            return null;
        }
        Column<?> discriminator = mapper.discriminator().column();
        return ((ColumnReference<String>) as.apply(mapper.table()).columnReference(discriminator.name()))
                .in(new ArrayList<>(layout.byIdentity.keySet()));
    }

    /** {@code sub.id = base.id} for each key column. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate keyJoin(TableReference base, TableReference sub, EntityMapper<?> mapper) {
        Predicate on = null;
        for (Attribute key : mapper.key()) {
            String name = key.column().name();
            Predicate one = ((ColumnReference) sub.columnReference(name)).eq((Expression) base.columnReference(name));
            on = on == null ? one : on.and(one);
        }
        return java.util.Objects.requireNonNull(on);
    }

    /**
     * The discriminator value an object about to be inserted is given: its class's identity, or null when its field
     * holds that already.
     *
     * @throws InvalidRequestException if the field holds another class's identity
     */
    static @Nullable String discriminatorToWrite(EntityMapper<?> mapper, Object instance) {
        String identity = java.util.Objects.requireNonNull(mapper.hierarchy()).identity;
        Object current = mapper.discriminator().get(instance);
        if (current == null) {
            return identity;
        }
        if (!identity.equals(current)) {
            throw new InvalidRequestException("Cannot flush " + mapper.describe(instance) + ": its discriminator field "
                    + mapper.discriminator() + " holds '" + current + "', but the polymorphic identity of "
                    + mapper.entityClass().getSimpleName() + " is '" + identity + "'; leave the field null (the ORM"
                    + " sets it) or set it to '" + identity + "'");
        }
        return null;
    }

    /**
     * The mapper of a row's class, by its discriminator value.
     *
     * @throws InvalidRequestException if the value is no identity of this class or its subclasses
     */
    static EntityMapper<?> mapperOf(EntityMapper<?> mapper, Layout layout, @Nullable Object value) {
        EntityMapper<?> found = value == null ? null : layout.byIdentity.get(value.toString());
        if (found == null) {
            throw new InvalidRequestException("A row of table " + mapper.parts().get(0).table().name() + " has "
                    + mapper.discriminator().column().name() + " = " + (value == null ? "NULL" : "'" + value + "'")
                    + ", which is no polymorphic identity of " + mapper.entityClass().getSimpleName() + " or its"
                    + " subclasses " + layout.byIdentity.keySet() + "; fix the row, or map the class it stands for"
                    + " with that @PolymorphicIdentity");
        }
        if (Modifier.isAbstract(found.entityClass().getModifiers())) {
            throw new InvalidRequestException("A row of table " + mapper.parts().get(0).table().name() + " has "
                    + mapper.discriminator().column().name() + " = '" + value + "', the identity of abstract class "
                    + found.entityClass().getSimpleName() + ", which cannot be instantiated; fix the row, or give "
                    + "the identity to a concrete class");
        }
        return found;
    }
}
