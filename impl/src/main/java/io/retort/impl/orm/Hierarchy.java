package io.retort.impl.orm;

import io.retort.exception.InvalidRequestException;
import io.retort.exception.MappingException;
import io.retort.orm.Inheritance;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.Expression;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.Sql;
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

        Layout(Select select, int width, Map<String, EntityMapper<?>> byIdentity,
                Map<EntityMapper<?>, int[]> positions) {
            this.select = select;
            this.width = width;
            this.byIdentity = byIdentity;
            this.positions = positions;
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Layout build(EntityMapper<?> mapper) {
        List<Expression<?>> columns = new ArrayList<>();
        Map<Attribute, Integer> positionOf = new IdentityHashMap<>();
        for (Attribute attribute : mapper.attributes()) {
            positionOf.put(attribute, columns.size());
            columns.add(attribute.column());
        }
        List<EntityMapper<?>> below = new ArrayList<>();
        for (Class<?> subclass : subclasses) {
            EntityMapper<?> sub = Mappers.of(subclass);
            below.add(sub);
            for (Attribute attribute : sub.attributes()) {
                if (!positionOf.containsKey(attribute)) {
                    positionOf.put(attribute, columns.size());
                    columns.add(attribute.column());
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
        Select select;
        if (strategy == InheritanceStrategy.SINGLE_TABLE) {
            select = Sql.select(columns.toArray(new Expression<?>[0]));
            if (mapper.entityClass() != root) {
                Column discriminator = mapper.discriminator().column();
                select = select.where(discriminator.in(new ArrayList<>(byIdentity.keySet())));
            }
        } else {
            List<EntityMapper<?>> parts = mapper.parts();
            Table base = parts.get(0).table();
            select = Sql.select(columns.toArray(new Expression<?>[0])).from(base);
            for (int i = 1; i < parts.size(); i++) {
                select = select.join(parts.get(i).table(), keyJoin(base, parts.get(i).table(), mapper));
            }
            for (EntityMapper<?> sub : below) {
                Table own = sub.parts().get(sub.parts().size() - 1).table();
                select = select.outerJoin(own, keyJoin(base, own, mapper));
            }
        }
        return new Layout(select, columns.size(), Collections.unmodifiableMap(byIdentity), positions);
    }

    /** {@code sub.id = base.id} for each key column. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate keyJoin(Table base, Table sub, EntityMapper<?> mapper) {
        Predicate on = null;
        for (Attribute key : mapper.key()) {
            String name = key.column().name();
            Predicate one = ((Column) sub.c(name)).eq((Expression) base.c(name));
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
