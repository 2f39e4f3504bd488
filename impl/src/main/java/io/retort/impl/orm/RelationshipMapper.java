package io.retort.impl.orm;

import io.retort.exception.MappingException;
import io.retort.orm.Cascade;
import io.retort.orm.Loading;
import io.retort.orm.Relationship;
import io.retort.orm.enhance.Enhanced;
import io.retort.schema.Column;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Table;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One resolved {@link Relationship} field: its kind, the foreign key that joins the two tables, cascades, loading and
 * the other side. Immutable once resolved; thread-safe.
 */
public final class RelationshipMapper {
    /** The kinds of relationship. */
    public enum Kind {
        /** A reference; this class's table has the foreign key. */
        MANY_TO_ONE,
        /** A reference; the target's table has the foreign key to this one. */
        ONE_TO_ONE,
        /** A collection; the target's table has the foreign key to this one. */
        ONE_TO_MANY,
        /** A collection through an association table. */
        MANY_TO_MANY
    }

    /** How a relationship field was declared, before resolution. */
    record Spec(Field field, Relationship annotation, int enhancedIndex, int index) {
    }

    public final EntityMapper<?> owner;
    final String name;
    public final int index;
    final Field field;
    /** The field's index among the enhanced class's fields ({@code Enhancement.fields()}). */
    final int enhancedIndex;
    public final Kind kind;
    public final EntityMapper<?> target;
    /** {@code List}, {@code Set} or {@code Collection} for collections; null for references. */
    final @Nullable Class<?> collectionType;
    /** The foreign-key attributes: on the owner for many-to-one, on the target for one-to-many and one-to-one. */
    public final Attribute[] foreignKey;
    /** The key attributes the foreign key refers to: the target's for many-to-one, the owner's otherwise. */
    public final Attribute[] referenced;
    /** Many-to-many: the association table and its columns for each side, in key order. */
    final @Nullable Table secondary;
    public final List<Column<?>> secondaryOwnerColumns;
    public final List<Column<?>> secondaryTargetColumns;
    private final String backPopulatesName;
    final Set<Cascade> cascade;
    final Loading loading;
    public final boolean postUpdate;
    /** How a collection's elements are ordered when loaded: the terms of {@code orderBy}, else the target's key. */
    final List<OrderTerm> orderBy;

    /** One term of a collection's ORDER BY. */
    record OrderTerm(Attribute attribute, boolean descending) {
        /** The term on a column of the target's table, or of an alias of it. */
        io.retort.sql.OrderBy on(io.retort.sql.Expression<?> column) {
            return descending ? column.desc() : column.asc();
        }
    }

    RelationshipMapper(EntityMapper<?> owner, Spec spec, Kind kind, EntityMapper<?> target,
            @Nullable Class<?> collectionType, Attribute[] foreignKey, Attribute[] referenced,
            @Nullable Table secondary, List<Column<?>> secondaryOwnerColumns, List<Column<?>> secondaryTargetColumns,
            List<OrderTerm> orderBy) {
        this.owner = owner;
        this.name = spec.field().getName();
        this.index = spec.index();
        this.field = spec.field();
        this.enhancedIndex = spec.enhancedIndex();
        this.kind = kind;
        this.target = target;
        this.collectionType = collectionType;
        this.foreignKey = foreignKey;
        this.referenced = referenced;
        this.secondary = secondary;
        this.secondaryOwnerColumns = List.copyOf(secondaryOwnerColumns);
        this.secondaryTargetColumns = List.copyOf(secondaryTargetColumns);
        Relationship annotation = spec.annotation();
        this.backPopulatesName = annotation.backPopulates();
        EnumSet<Cascade> cascades = EnumSet.noneOf(Cascade.class);
        for (Cascade cascade : annotation.cascade()) {
            if (cascade == Cascade.ALL) {
                cascades.addAll(List.of(Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.REFRESH_EXPIRE, Cascade.EXPUNGE,
                        Cascade.DELETE));
            } else {
                cascades.add(cascade);
            }
        }
        this.cascade = java.util.Collections.unmodifiableSet(cascades);
        Loading declared = annotation.loading();
        // LAZY by default, references too (as SQLAlchemy): the enhanced field read loads them, batched per query.
        this.loading = declared != Loading.DEFAULT ? declared : Loading.LAZY;
        this.postUpdate = annotation.postUpdate();
        this.orderBy = List.copyOf(orderBy);
    }

    /** The association table of a many-to-many relationship; refused for other kinds. */
    public Table secondaryTable() {
        Table table = secondary;
        if (table == null) {
            throw new IllegalStateException(this + " is " + kind + ", not many-to-many: it has no association table");
        }
        return table;
    }

    /** Whether the relationship is a collection (one-to-many, many-to-many). */
    public boolean isCollection() {
        return collectionType != null;
    }

    /** The other side, or null when {@code backPopulates} is not set. */
    @Nullable RelationshipMapper backPopulates() {
        return backPopulatesName.isEmpty() ? null : target.relationship(backPopulatesName);
    }

    boolean cascades(Cascade kind) {
        return cascade.contains(kind);
    }

    /** The field's value, read without ORM events (an unloaded lazy reference reads as its placeholder, null). */
    public @Nullable Object get(Object instance) {
        return ((Enhanced) instance).$$retort_get(enhancedIndex);
    }

    /** Sets the field without ORM events (no other side is kept in step). */
    void set(Object instance, @Nullable Object value) {
        ((Enhanced) instance).$$retort_set(enhancedIndex, value);
    }

    /** The related objects of an instance: the collection's elements, or the reference as a list of 0 or 1. */
    List<Object> related(Object instance) {
        Object value = get(instance);
        if (value == null) {
            return List.of();
        }
        if (value instanceof TrackedCollection) {
            return ((TrackedCollection) value).tracking().snapshot();
        }
        if (value instanceof Collection) {
            return new ArrayList<>((Collection<?>) value);
        }
        return List.of(value);
    }

    /** {@code User.addresses}. */
    @Override
    public String toString() {
        return owner.entityClass().getSimpleName() + "." + name;
    }

    // ---- resolution ----

    /**
     * Resolves a declared relationship against the mappings of both classes.
     *
     * @throws MappingException naming the class and field when the relationship cannot be resolved
     */
    static RelationshipMapper resolve(EntityMapper<?> owner, Spec spec) {
        Field field = spec.field();
        String where = "Relationship " + owner.entityClass().getName() + "." + field.getName();
        Class<?> fieldType = field.getType();
        Class<?> collectionType = null;
        Class<?> targetType = fieldType;
        if (Collection.class.isAssignableFrom(fieldType)) {
            if (fieldType != List.class && fieldType != Set.class && fieldType != Collection.class) {
                throw new MappingException(where + " is a " + fieldType.getName() + "; declare a relationship"
                        + " collection as List, Set or Collection (the ORM puts its own implementation in the field)");
            }
            collectionType = fieldType;
            Type generic = field.getGenericType();
            if (!(generic instanceof ParameterizedType)
                    || !(((ParameterizedType) generic).getActualTypeArguments()[0] instanceof Class)) {
                throw new MappingException(where + " needs its element type: declare it as "
                        + fieldType.getSimpleName() + "<TheMappedClass>");
            }
            targetType = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
        }
        if (!targetType.isAnnotationPresent(io.retort.orm.Mapped.class)) {
            throw new MappingException(where + " refers to " + targetType.getName() + ", which is not a mapped class;"
                    + " annotate it with @Mapped");
        }
        EntityMapper<?> target = Mappers.of(targetType);
        Relationship annotation = spec.annotation();
        if (!annotation.backPopulates().isEmpty() && !target.hasRelationshipSpec(annotation.backPopulates())) {
            throw new MappingException(where + " has backPopulates = \"" + annotation.backPopulates() + "\", but "
                    + targetType.getName() + " has no @Relationship field of that name; its relationships are "
                    + target.relationshipSpecNames());
        }
        List<OrderTerm> orderBy = orderTerms(where, annotation.orderBy(), target);
        if (!annotation.secondary().isEmpty()) {
            if (collectionType == null) {
                throw new MappingException(where + " names secondary = \"" + annotation.secondary() + "\", but a"
                        + " many-to-many relationship is a collection; declare the field as List or Set");
            }
            if (target == owner) {
                throw new MappingException(where + " is a many-to-many from " + owner.entityClass().getSimpleName()
                        + " to itself, whose association table would need two columns of the same name; map the"
                        + " association table as a class of its own with two @ForeignKey fields (an association"
                        + " object)");
            }
            Table secondary = AssociationTables.table(annotation.secondary(), owner, target, where);
            return new RelationshipMapper(owner, spec, Kind.MANY_TO_MANY, target, collectionType, new Attribute[0],
                    new Attribute[0], secondary, AssociationTables.columnsFor(secondary, owner),
                    AssociationTables.columnsFor(secondary, target), orderBy);
        }
        if (annotation.postUpdate() && collectionType != null) {
            throw new MappingException(where + " has postUpdate = true, which applies to a many-to-one reference;"
                    + " put it on the reference side of the cycle");
        }
        // Many-to-one: this table refers to the target's; else the target's refers to this one.
        List<ForeignKeyConstraint> outgoing = foreignKeys(owner.table(), target.table(),
                collectionType == null ? annotation.foreignKey() : "", owner);
        List<ForeignKeyConstraint> incoming = foreignKeys(target.table(), owner.table(),
                collectionType == null ? annotation.foreignKey() : annotation.foreignKey(), target);
        if (collectionType == null && !outgoing.isEmpty()) {
            ForeignKeyConstraint fk = single(outgoing, where, owner, target, annotation.foreignKey());
            return new RelationshipMapper(owner, spec, Kind.MANY_TO_ONE, target, null, attributes(owner, fk.columns()),
                    attributes(target, fk.referredColumns()), null, List.of(), List.of(), orderBy);
        }
        if (annotation.postUpdate()) {
            throw new MappingException(where + " has postUpdate = true, but it is not a many-to-one (this class has"
                    + " no foreign key to " + target.table().name() + ")");
        }
        if (incoming.isEmpty()) {
            throw new MappingException(where + " cannot be joined: neither " + owner.table().name() + " nor "
                    + target.table().name() + " has a @ForeignKey to the other; add one (for example a field"
                    + " @ForeignKey(\"" + owner.table().name() + "." + owner.key()[0].column().name() + "\") on "
                    + targetType.getSimpleName() + "), or name an association table with secondary = \"...\"");
        }
        ForeignKeyConstraint fk = single(incoming, where, target, owner, annotation.foreignKey());
        return new RelationshipMapper(owner, spec, collectionType == null ? Kind.ONE_TO_ONE : Kind.ONE_TO_MANY,
                target, collectionType, attributes(target, fk.columns()), attributes(owner, fk.referredColumns()),
                null, List.of(), List.of(), orderBy);
    }

    /** The foreign keys of {@code from} that refer to {@code to}, narrowed to one field's when named. */
    private static List<ForeignKeyConstraint> foreignKeys(Table from, Table to, String fieldName,
            EntityMapper<?> fromMapper) {
        List<ForeignKeyConstraint> found = new ArrayList<>();
        for (ForeignKeyConstraint fk : from.foreignKeys()) {
            if (!fk.referredTable().equals(to.name())) {
                continue;
            }
            if (!fieldName.isEmpty()) {
                if (!fromMapper.hasAttribute(fieldName)
                        || !fk.columns().contains(fromMapper.attribute(fieldName).column().name())) {
                    continue;
                }
            }
            found.add(fk);
        }
        return found;
    }

    private static ForeignKeyConstraint single(List<ForeignKeyConstraint> keys, String where, EntityMapper<?> from,
            EntityMapper<?> to, String named) {
        if (keys.size() > 1) {
            throw new MappingException(where + " is ambiguous: " + from.table().name() + " has " + keys.size()
                    + " foreign keys to " + to.table().name() + "; name the one to use with foreignKey = \"<field>\"");
        }
        if (keys.isEmpty()) {
            throw new MappingException(where + " names foreignKey = \"" + named + "\", which is not a @ForeignKey"
                    + " field of " + from.entityClass().getSimpleName() + " referring to " + to.table().name());
        }
        ForeignKeyConstraint fk = keys.get(0);
        List<String> keyColumns = to.table().primaryKey().orElseThrow().columns();
        if (!fk.referredColumns().equals(keyColumns)) {
            throw new MappingException(where + " joins on foreign key " + fk.columns() + " -> " + to.table().name()
                    + fk.referredColumns() + ", which does not refer to the primary key " + keyColumns + "; a"
                    + " relationship's foreign key must refer to its target's primary key");
        }
        return fk;
    }

    private static Attribute[] attributes(EntityMapper<?> mapper, List<String> columns) {
        Attribute[] attributes = new Attribute[columns.size()];
        for (int i = 0; i < attributes.length; i++) {
            attributes[i] = mapper.attributeOfColumn(columns.get(i));
        }
        return attributes;
    }

    /**
     * The terms of {@code orderBy = "field [asc|desc], ..."} (a leading {@code -} is descending too, as in
     * {@code Select.orderBy(String...)}); the target's key, ascending, when it is empty.
     */
    private static List<OrderTerm> orderTerms(String where, String declared, EntityMapper<?> target) {
        List<OrderTerm> terms = new ArrayList<>();
        if (declared.isBlank()) {
            for (Attribute attribute : target.key()) {
                terms.add(new OrderTerm(attribute, false));
            }
            return terms;
        }
        for (String term : declared.split(",")) {
            String[] words = term.trim().split("\\s+");
            String name = words[0];
            boolean descending = name.startsWith("-");
            if (descending) {
                name = name.substring(1);
            }
            if (words.length == 2 && !descending && words[1].equalsIgnoreCase("desc")) {
                descending = true;
            } else if (words.length > 2 || name.isEmpty()
                    || words.length == 2 && (descending || !words[1].equalsIgnoreCase("asc"))) {
                throw new MappingException(where + " has orderBy = \"" + declared + "\", whose term \"" + term.trim()
                        + "\" is not a field name followed by asc or desc; write e.g. orderBy = \"name desc, id\"");
            }
            if (!target.hasAttribute(name)) {
                throw new MappingException(where + " has orderBy = \"" + declared + "\", but "
                        + target.entityClass().getSimpleName() + " maps no field " + name + "; its fields are "
                        + target.attributeNames());
            }
            terms.add(new OrderTerm(target.attribute(name), descending));
        }
        return terms;
    }
}
