package io.retort.impl.orm;

import io.retort.exception.MappingException;
import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.Mapped;
import io.retort.orm.Transient;
import io.retort.orm.Version;
import io.retort.schema.Column;
import io.retort.schema.Schema;
import io.retort.schema.Table;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The parts of building a mapper that concern inheritance: tables, keys and checks of subclasses. */
final class HierarchyMapping {
    private HierarchyMapping() {
    }

    /** The class and its superclasses below {@code Object}, topmost first. */
    static List<Class<?>> classesAbove(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.add(0, c);
        }
        return classes;
    }

    /**
     * The table of a class: its own, or, for a SINGLE_TABLE subclass, the base class's.
     *
     * @throws MappingException if a SINGLE_TABLE subclass names another table, or a JOINED one its superclass's
     */
    static String tableName(Class<?> type, Mapped mapped, @Nullable EntityMapper<?> parent) {
        String declared = mapped.table().isEmpty() ? Names.snakeCase(type.getSimpleName()) : mapped.table();
        Hierarchy hierarchy = parent == null ? null : parent.hierarchy();
        if (parent == null || hierarchy == null) {
            return declared;
        }
        String base = parent.parts().get(0).table().name();
        if (hierarchy.strategy == InheritanceStrategy.SINGLE_TABLE) {
            if (!mapped.table().isEmpty() && !mapped.table().equals(base)) {
                throw new MappingException("Class " + type.getName() + " names table " + mapped.table() + ", but it is"
                        + " in the SINGLE_TABLE hierarchy of " + hierarchy.root.getSimpleName() + ", whose classes"
                        + " share table " + base + "; remove table = \"" + mapped.table() + "\" from its @Mapped (a"
                        + " table per class is strategy = JOINED)");
            }
            return base;
        }
        for (EntityMapper<?> part : parent.parts()) {
            if (part.table().name().equals(declared)) {
                throw new MappingException("Class " + type.getName() + " is in the JOINED hierarchy of "
                        + hierarchy.root.getSimpleName() + " but maps to table " + declared + ", the table of "
                        + part.entityClass().getSimpleName() + "; a JOINED subclass has a table of its own, joined to"
                        + " its superclass's on the key: give it @Mapped(table = \"" + Names.snakeCase(
                                type.getSimpleName()) + "\") (one table for all is strategy = SINGLE_TABLE)");
            }
        }
        return declared;
    }

    /** A subclass takes its key and version from the base class; it cannot declare its own. */
    static void checkSubclassFields(Class<?> type, EntityMapper<?> parent, List<Field> keyFields,
            @Nullable Field versionField) {
        Hierarchy hierarchy = parent.hierarchy();
        String root = hierarchy == null ? parent.entityClass().getSimpleName() : hierarchy.root.getSimpleName();
        if (!keyFields.isEmpty()) {
            String how = hierarchy != null && hierarchy.strategy == InheritanceStrategy.JOINED
                    ? "its table's key columns " + parent.primaryKeyAttributes() + " refer to the key of "
                            + parent.table().name()
                    : "its rows are rows of table " + parent.table().name();
            throw new MappingException("Field " + type.getName() + "." + keyFields.get(0).getName() + " is marked @Id,"
                    + " but " + type.getSimpleName() + " is a subclass in the hierarchy of " + root + " and shares its"
                    + " primary key (" + how + "); remove @Id, or map the field as an ordinary column");
        }
        if (versionField != null) {
            throw new MappingException("Field " + type.getName() + "." + versionField.getName() + " is marked"
                    + " @Version, but " + type.getSimpleName() + " is a subclass in the hierarchy of " + root + "; a"
                    + " hierarchy has one version, declared on " + root);
        }
    }

    /** A JOINED subclass table's key: the base key's columns, each a foreign key to its superclass's table. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Column<?>> keyColumns(EntityMapper<?> parent) {
        List<EntityMapper<?>> parts = parent.parts();
        Table above = parts.get(parts.size() - 1).table();
        List<Column<?>> columns = new ArrayList<>();
        for (Attribute key : parent.key()) {
            Column<?> base = key.column();
            Column column = Schema.column(base.name(), base.type()).primaryKey().autoincrement(false)
                    .references(above.name() + "." + base.name());
            columns.add(column);
        }
        return columns;
    }

    /** The fields a subclass maps itself (for the columns a SINGLE_TABLE base table holds for it). */
    static List<Field> ownFields(Class<?> subclass) {
        List<Field> fields = new ArrayList<>();
        for (Field field : subclass.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                    || field.isAnnotationPresent(Transient.class)
                    || field.isAnnotationPresent(io.retort.orm.Relationship.class)) {
                continue;
            }
            if (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(Version.class)) {
                continue; // refused when the subclass's own mapper is built, with the reason
            }
            fields.add(field);
        }
        return fields;
    }

    /**
     * The base class's discriminator attribute, named by {@code @Inheritance(discriminator)}.
     *
     * @throws MappingException if the class maps no such field, or it is not a String
     */
    static Attribute discriminator(Class<?> type, List<Attribute> attributes) {
        String name = type.getAnnotation(io.retort.orm.Inheritance.class).discriminator();
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                if (attribute.type() != String.class) {
                    throw new MappingException("Field " + type.getName() + "." + name + " is the discriminator of the"
                            + " hierarchy of " + type.getSimpleName() + " but is a " + attribute.type().getName()
                            + "; make it a String (the ORM stores each class's @PolymorphicIdentity in it)");
                }
                return attribute;
            }
        }
        throw new MappingException("Class " + type.getName() + " has @Inheritance(discriminator = \"" + name + "\"),"
                + " but maps no field named " + name + "; add a field '@Nullable String " + name + ";' (the ORM sets"
                + " it to each class's @PolymorphicIdentity when the object is flushed), or name yours with"
                + " discriminator = \"...\"");
    }

    /** The mapper that writes a JOINED subclass's own table: the key columns, then the subclass's own fields. */
    static <E> EntityMapper<E> part(Class<E> type, Table table, List<Attribute> own, EntityMapper<?> parent) {
        List<Attribute> attributes = new ArrayList<>();
        Attribute[] key = new Attribute[parent.key().length];
        for (int i = 0; i < key.length; i++) {
            Attribute base = parent.key()[i];
            key[i] = new Attribute(base.name(), base.index(), base.field(), base.type(), base.primitive(),
                    table.c(base.column().name()), base.enhancedIndex(), false);
            attributes.add(key[i]);
        }
        attributes.addAll(own);
        // The key is the base row's, assigned by the time this table's row is written.
        EntityMapper<E> part = new EntityMapper<>(type, table, attributes, key, null, Generation.ASSIGNED, null,
                List.of(), null, null, null);
        part.subclassPart = true;
        return part;
    }
}
