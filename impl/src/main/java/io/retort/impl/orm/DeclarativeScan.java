package io.retort.impl.orm;

import io.retort.exception.InvalidArgumentException;
import io.retort.exception.MappingException;
import io.retort.orm.ForeignKey;
import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Transient;
import io.retort.orm.Version;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.Sequence;
import io.retort.schema.Table;
import io.retort.types.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the mapping of a {@link Mapped} class from its annotations, as SQLAlchemy's declarative class scan: the table
 * and its columns from the fields, the primary key and its generation, the version, the relationship fields (resolved
 * later, when their targets are mapped too). Every problem is refused with a message naming the class, the field and
 * the fix. Stateless.
 */
final class DeclarativeScan {
    private DeclarativeScan() {
    }

    /**
     * Builds the mapping of a class.
     *
     * @throws MappingException naming the class and field of the first problem found
     */
    static <E> EntityMapper<E> build(Class<E> type) {
        String className = type.getName();
        Mapped mapped = type.getAnnotation(Mapped.class);
        if (mapped == null) {
            throw new MappingException("Class " + className + " is not mapped: annotate it with @Mapped (and mark"
                    + " its primary key with @Id)");
        }
        Class<?> mappedSuperclass = Hierarchy.mappedSuperclass(type);
        EntityMapper<?> parent = mappedSuperclass == null ? null : Mappers.of(mappedSuperclass);
        io.retort.orm.Inheritance inheritance = type.getAnnotation(io.retort.orm.Inheritance.class);
        Hierarchy inHierarchy = parent != null ? Hierarchy.ofSubclass(type, parent)
                : inheritance != null ? Hierarchy.ofRoot(type, inheritance) : null;
        boolean isAbstract = Modifier.isAbstract(type.getModifiers());
        if (type.isInterface() || isAbstract && inHierarchy == null || type.isEnum() || type.isRecord()) {
            throw new MappingException("Class " + className + " cannot be mapped: a mapped class must be a concrete,"
                    + " mutable class (not an interface, abstract class, enum or record)");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new MappingException("Class " + className + " is an inner class; make it a static nested or"
                    + " top-level class so the ORM can create instances");
        }
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException("Retort cannot access the fields of " + className + ": its module must open"
                    + " package " + type.getPackageName() + " to io.retort.impl (add 'opens "
                    + type.getPackageName() + " to io.retort.impl;' to module-info.java)");
        }
        MethodHandle constructor = null;
        try {
            Constructor<E> noArgs = type.getDeclaredConstructor();
            if (!isAbstract) { // an abstract class of a hierarchy has no instances of its own
                constructor = lookup.unreflectConstructor(noArgs).asType(MethodType.methodType(Object.class));
            }
        } catch (NoSuchMethodException e) {
            throw new MappingException("Class " + className + " has no constructor without arguments; add one (it"
                    + " may be private or protected) so the ORM can create instances when it loads rows");
        } catch (IllegalAccessException e) {
            throw new MappingException("Retort cannot call the no-argument constructor of " + className + ": " + e
                    .getMessage());
        }
        String tableName = HierarchyMapping.tableName(type, mapped, parent);

        List<Field> fields = new ArrayList<>();
        List<Field> relationshipFields = new ArrayList<>();
        List<String> enhanced = Enhancements.fieldsOf(type);
        for (Class<?> c : HierarchyMapping.classesAbove(type)) {
            if (c != type && c.isAnnotationPresent(Mapped.class)) {
                continue; // a mapped superclass's fields are its mapper's attributes, inherited
            }
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                if (c != type) {
                    throw new MappingException("Field " + c.getName() + "." + field.getName() + " would be a column"
                            + " of " + className + ", but it is declared in superclass " + c.getSimpleName()
                            + ", whose fields the enhancer does not instrument; declare it in " + type.getSimpleName()
                            + ", or mark it @Transient (or transient)");
                }
                if (field.isAnnotationPresent(io.retort.orm.Relationship.class)) {
                    relationshipFields.add(field);
                    continue;
                }
                fields.add(field);
            }
        }

        List<Field> keyFields = new ArrayList<>();
        Field versionField = null;
        for (Field field : fields) {
            if (field.isAnnotationPresent(Id.class)) {
                keyFields.add(field);
            }
            if (field.isAnnotationPresent(Version.class)) {
                if (versionField != null) {
                    throw new MappingException("Class " + className + " has two @Version fields, "
                            + versionField.getName() + " and " + field.getName() + "; keep one");
                }
                versionField = field;
            }
        }
        if (parent != null) {
            HierarchyMapping.checkSubclassFields(type, parent, keyFields, versionField);
        } else if (keyFields.isEmpty()) {
            throw new MappingException("Class " + className + " has no primary key: mark its key field (or the"
                    + " fields of a composite key) with @Id");
        }
        Generation generation = parent != null ? parent.keyGeneration() : generation(className, keyFields);

        List<Column<?>> columns = new ArrayList<>();
        Map<String, Field> columnOwners = new HashMap<>();
        if (parent != null && inHierarchy != null && inHierarchy.strategy == io.retort.orm.InheritanceStrategy.JOINED) {
            columns.addAll(HierarchyMapping.keyColumns(parent));
            for (Column<?> key : columns) {
                columnOwners.put(key.name(), parent.key()[0].field());
            }
        }
        List<Field> columnFields = new ArrayList<>();
        List<Composites.Part> columnParts = new ArrayList<>();
        for (Field field : fields) {
            if (Composites.isComposite(field)) {
                List<Composites.Part> parts = Composites.parts(className, field); // checks the record first
                columns.addAll(Composites.columns(className, tableName, field, columnOwners));
                for (Composites.Part part : parts) {
                    columnFields.add(field);
                    columnParts.add(part);
                }
                continue;
            }
            columns.add(columnOf(className, tableName, field, generation, keyFields.size() == 1, columnOwners,
                    false));
            columnFields.add(field);
            columnParts.add(null);
        }
        if (parent == null && inHierarchy != null
                && inHierarchy.strategy == io.retort.orm.InheritanceStrategy.SINGLE_TABLE) {
            // The subclasses' columns are columns of this table, NULL in the rows of the other classes.
            for (Class<?> subclass : inHierarchy.subclasses) {
                for (Field field : HierarchyMapping.ownFields(subclass)) {
                    if (Composites.isComposite(field)) {
                        columns.addAll(Composites.columns(subclass.getName(), tableName, field, columnOwners));
                    } else {
                        columns.add(columnOf(subclass.getName(), tableName, field, generation, false, columnOwners,
                                true));
                    }
                }
            }
        }
        if (versionField != null) {
            Class<?> versionType = ColumnTypes.boxed(versionField.getType());
            if (versionType != Integer.class && versionType != Long.class) {
                throw new MappingException("Field " + className + "." + versionField.getName() + " is the @Version"
                        + " field but has type " + versionField.getType().getName() + "; a version is an int,"
                        + " Integer, long or Long");
            }
            if (versionField.isAnnotationPresent(Id.class)) {
                throw new MappingException("Field " + className + "." + versionField.getName() + " is both @Id and"
                        + " @Version; a version column cannot be part of the primary key");
            }
        }
        Table table;
        if (parent != null && inHierarchy != null
                && inHierarchy.strategy == io.retort.orm.InheritanceStrategy.SINGLE_TABLE) {
            table = parent.table();
        } else {
            try {
                table = new MetaData().table(tableName, columns.toArray(new Column<?>[0]));
            } catch (InvalidArgumentException e) {
                throw new MappingException("Class " + className + " maps to an invalid table: " + e.getMessage());
            }
        }
        List<Attribute> attributes = new ArrayList<>(parent == null ? List.of() : parent.attributes());
        int inherited = attributes.size();
        int keyColumns = parent != null && inHierarchy != null
                && inHierarchy.strategy == io.retort.orm.InheritanceStrategy.JOINED ? parent.key().length : 0;
        for (int i = 0; i < columnFields.size(); i++) {
            Field field = columnFields.get(i);
            Composites.Part part = columnParts.get(i);
            Column<?> column = table.c(columns.get(keyColumns + i).name());
            String name = part == null ? field.getName() : field.getName() + "." + part.names()[part.component()];
            Class<?> javaType = part == null ? field.getType()
                    : field.getType().getRecordComponents()[part.component()].getType();
            attributes.add(new Attribute(name, inherited + i, field, ColumnTypes.boxed(javaType),
                    part == null && field.getType().isPrimitive(), column, Enhancements.indexOf(type, enhanced,
                            field), column.serverDefault() != null, part));
        }
        Attribute[] key;
        if (parent != null) {
            key = parent.key();
        } else {
            key = new Attribute[keyFields.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = attributes.get(columnFields.indexOf(keyFields.get(i)));
            }
        }
        Attribute version = parent != null ? parent.version()
                : versionField == null ? null : attributes.get(inherited + columnFields.indexOf(versionField));
        List<RelationshipMapper.Spec> specs = new ArrayList<>(parent == null ? List.of() : parent.relationshipSpecs());
        for (Field field : relationshipFields) {
            if (Modifier.isFinal(field.getModifiers())) {
                throw new MappingException("Relationship " + className + "." + field.getName() + " is final; the"
                        + " ORM puts its own collection in a relationship field, so it must be assignable");
            }
            specs.add(new RelationshipMapper.Spec(field, field.getAnnotation(io.retort.orm.Relationship.class),
                    Enhancements.indexOf(type, enhanced, field), specs.size()));
        }
        Attribute discriminator = inHierarchy == null ? null
                : parent != null ? parent.discriminator() : HierarchyMapping.discriminator(type, attributes);
        EntityMapper<E> mapper = new EntityMapper<>(type, table, attributes, key, version, generation, constructor,
                specs, inHierarchy, parent, discriminator);
        if (parent != null && inHierarchy != null && inHierarchy.strategy == io.retort.orm.InheritanceStrategy.JOINED) {
            List<EntityMapper<?>> parts = new ArrayList<>(parent.parts());
            parts.add(HierarchyMapping.part(type, table, attributes.subList(inherited, attributes.size()), parent));
            mapper.parts(List.copyOf(parts));
        }
        return mapper;
    }

    private static Generation generation(String className, List<Field> keyFields) {
        Field first = keyFields.get(0);
        Generation declared = first.getAnnotation(Id.class).generation();
        for (Field field : keyFields) {
            if (field.getAnnotation(Id.class).generation() != Generation.AUTO
                    && field.getAnnotation(Id.class).generation() != Generation.ASSIGNED && keyFields.size() > 1) {
                throw new MappingException("Field " + className + "." + field.getName() + " is part of a composite"
                        + " primary key and cannot be generated (" + field.getAnnotation(Id.class).generation()
                        + "); the application assigns composite keys");
            }
        }
        if (keyFields.size() > 1) {
            return Generation.ASSIGNED;
        }
        Class<?> type = ColumnTypes.boxed(first.getType());
        boolean integer = type == Integer.class || type == Long.class || type == Short.class;
        Generation generation = declared;
        if (declared == Generation.AUTO) {
            // A key that refers to another row is that row's key (SQLAlchemy's autoincrement="auto" skips it too):
            // generated, a forgotten reference would insert a made-up key, which SQLite does not even check.
            generation = integer && first.getAnnotation(io.retort.orm.ForeignKey.class) == null ? Generation.IDENTITY
                    : integer ? Generation.ASSIGNED : type == java.util.UUID.class ? Generation.UUID
                    : Generation.ASSIGNED;
        }
        if ((generation == Generation.IDENTITY || generation == Generation.SEQUENCE) && !integer) {
            throw new MappingException("Field " + className + "." + first.getName() + " is generated by the database ("
                    + generation + ") but has type " + first.getType().getName() + "; a database-generated key is an"
                    + " Integer, Long or Short");
        }
        if ((generation == Generation.IDENTITY || generation == Generation.SEQUENCE) && first.getType().isPrimitive()) {
            throw new MappingException("Field " + className + "." + first.getName() + " is a primitive "
                    + first.getType().getName() + ", but its value is generated by the database; make it a "
                    + type.getSimpleName() + " so that an object without a key yet holds null");
        }
        if (generation == Generation.UUID && type != java.util.UUID.class) {
            throw new MappingException("Field " + className + "." + first.getName() + " is generated as a UUID but"
                    + " has type " + first.getType().getName() + "; make it a java.util.UUID");
        }
        return generation;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Column<?> columnOf(String className, String tableName, Field field, Generation generation,
            boolean singleKey, Map<String, Field> owners, boolean sharedTable) {
        io.retort.orm.Column options = field.getAnnotation(io.retort.orm.Column.class);
        SqlType<?> sqlType = ColumnTypes.of(field.getType(), options);
        if (sqlType == null) {
            throw new MappingException("Field " + className + "." + field.getName() + " has type "
                    + field.getGenericType().getTypeName() + ", which has no column type; mapped fields may be "
                    + ColumnTypes.SUPPORTED + ". Mark the field @Transient to leave it out of the mapping");
        }
        String name = options != null && !options.name().isEmpty() ? options.name() : Names.snakeCase(field.getName());
        Field previous = owners.putIfAbsent(name, field);
        if (previous != null) {
            throw new MappingException("Fields " + className + "." + previous.getName() + " and " + className + "."
                    + field.getName() + " both map to column '" + name + "' of table " + tableName + "; give one"
                    + " another name with @Column(name = \"...\")");
        }
        if (Modifier.isFinal(field.getModifiers())) {
            throw new MappingException("Field " + className + "." + field.getName() + " is final; mapped fields"
                    + " must be assignable when rows are loaded (mark it @Transient to leave it out)");
        }
        Column column = io.retort.schema.Schema.column(name, sqlType);
        boolean isKey = field.isAnnotationPresent(Id.class);
        if (isKey) {
            column = column.primaryKey();
            if (singleKey) {
                if (generation == Generation.IDENTITY) {
                    column = column.autoincrement(true);
                } else if (generation == Generation.SEQUENCE) {
                    String sequence = field.getAnnotation(Id.class).sequence();
                    column = column.sequence(new Sequence(sequence.isEmpty() ? tableName + "_" + name + "_seq"
                            : sequence, 1, 1));
                } else {
                    column = column.autoincrement(false);
                }
            }
        } else if (!nullable(field) && !sharedTable) { // a shared table's rows of other classes hold NULL here
            column = column.notNull();
        }
        if (options != null) {
            if ((options.length() > 0 || options.text() || options.json()) && ColumnTypes.boxed(field.getType())
                    != String.class) {
                throw new MappingException("Field " + className + "." + field.getName() + " has @Column(length/text/"
                        + "json), which apply to String fields only, but it is a " + field.getType().getName());
            }
            if (options.precision() > 0 && field.getType() != java.math.BigDecimal.class) {
                throw new MappingException("Field " + className + "." + field.getName() + " has @Column(precision),"
                        + " which applies to BigDecimal fields only, but it is a " + field.getType().getName());
            }
            if (options.unique()) {
                column = column.unique();
            }
            if (options.index()) {
                column = column.index();
            }
            if (!options.serverDefault().isEmpty()) {
                column = column.serverDefault(options.serverDefault());
            }
        }
        ForeignKey foreignKey = field.getAnnotation(ForeignKey.class);
        if (foreignKey != null) {
            String target = foreignKey.value();
            int dot = target.lastIndexOf('.');
            if (dot <= 0 || dot == target.length() - 1) {
                throw new MappingException("Field " + className + "." + field.getName() + " has @ForeignKey(\""
                        + target + "\"); name the referred column as \"table.column\"");
            }
            column = column.references(target, foreignKey.onDelete(), foreignKey.onUpdate());
        }
        return column;
    }

    /** A reference field is nullable when annotated with any {@code @Nullable} (JSpecify's, or another of that name). */
    private static boolean nullable(Field field) {
        if (field.getType().isPrimitive()) {
            return false;
        }
        return Arrays.stream(field.getAnnotatedType().getAnnotations())
                .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"))
                || Arrays.stream(field.getAnnotations())
                        .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }
}
