package io.retort.impl.orm;

import io.retort.exception.InvalidArgumentException;
import io.retort.exception.MappingException;
import io.retort.orm.EntityMapping;
import io.retort.orm.EntitySelect;
import io.retort.orm.Generation;
import io.retort.orm.Mapped;
import io.retort.orm.Orm;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.Sql;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The mapping of one {@link Mapped} class, built from its annotations ({@link DeclarativeScan}): its table, its
 * attributes with accessors, its primary key and version. Built once per class ({@link Mappers}) and shared; immutable
 * and thread-safe.
 *
 * @param <E> the mapped class
 */
public final class EntityMapper<E> implements EntityMapping<E> {
    private final Class<E> type;
    private final Table table;
    private final List<Attribute> attributes;
    private final Map<String, Attribute> byName;
    private final Attribute[] key;
    /** The parameter names of {@link #byIdentity()}, per key attribute ({@code pk_<column>}). */
    private final String[] keyParameters;
    private final @Nullable Attribute version;
    private final Generation keyGeneration;
    private final @Nullable MethodHandle constructor;
    /** The class's place in an inheritance hierarchy, or null. */
    private final @Nullable Hierarchy hierarchy;
    /** The mapper of the nearest mapped superclass, or null. */
    private final @Nullable EntityMapper<?> parent;
    /** The base class's discriminator attribute in a hierarchy, or null. */
    private final @Nullable Attribute discriminator;
    /** The mappers the flush writes the rows with, one per table (JOINED subclasses have several), base first. */
    private List<EntityMapper<?>> parts;
    /** Whether this mapper writes one subclass table of a JOINED hierarchy (its attributes keep their full index). */
    boolean subclassPart; // set by HierarchyMapping.part
    /** The attributes by {@link Attribute#index()} (sparse for a subclass part). */
    private final @Nullable Attribute[] byIndex;
    private final List<String> attributeNames;
    private final List<String> keyNames;
    private final List<RelationshipMapper.Spec> relationshipSpecs;
    private final boolean hasRelationships;
    /** Per enhanced field index: the position of its relationship among {@link #relationships()}, or -1 (a column). */
    private final int[] relationshipOfField;
    /**
     * Column types whose values cannot change in place: a change to an attribute of one of these is always a write to
     * its field, which the enhancer reports. Any other type (a byte[], an application's class) can be changed inside
     * the value, so objects of a class with such an attribute are compared at every flush.
     */
    private static final java.util.Set<Class<?>> IMMUTABLE_TYPES = java.util.Set.of(String.class, Integer.class,
            Long.class, Short.class, Byte.class, Boolean.class, Character.class, Float.class, Double.class,
            java.math.BigDecimal.class, java.math.BigInteger.class, java.util.UUID.class, java.time.LocalDate.class,
            java.time.LocalTime.class, java.time.LocalDateTime.class, java.time.OffsetDateTime.class,
            java.time.OffsetTime.class, java.time.Instant.class, java.time.ZonedDateTime.class,
            java.time.Duration.class);
    /** Whether an attribute's value can change in place (see {@link #IMMUTABLE_TYPES}). */
    private final boolean mutableValues;
    /** Per enhanced field index: the field's name. */
    private final String[] fieldNames;
    /** {@code select(E).where(key = :pk_<column> ...)}, built on first {@code get}; immutable, so a race is harmless. */
    private @Nullable EntitySelect<E> byIdentity;
    /**
     * The query plan of {@link #byIdentity()}, built on first {@code get}: the same for every session (the select has
     * no loader or query options), so a {@code get} does not rebuild it. Volatile: a plan's join offsets are set while
     * it is built.
     */
    private volatile @Nullable QueryPlan byIdentityPlan;
    private volatile @Nullable List<RelationshipMapper> relationships;
    /** The flush's statements of this class, per column shape (keys and values are the flush package's). */
    private final java.util.concurrent.ConcurrentMap<Object, Object> flushStatements =
            new java.util.concurrent.ConcurrentHashMap<>();

    EntityMapper(Class<E> type, Table table, List<Attribute> attributes, Attribute[] key,
            @Nullable Attribute version, Generation keyGeneration, @Nullable MethodHandle constructor,
            List<RelationshipMapper.Spec> relationshipSpecs, @Nullable Hierarchy hierarchy,
            @Nullable EntityMapper<?> parent, @Nullable Attribute discriminator) {
        this.hierarchy = hierarchy;
        this.parent = parent;
        this.discriminator = discriminator;
        this.parts = List.of(this);
        int highest = -1;
        for (Attribute attribute : attributes) {
            highest = Math.max(highest, attribute.index());
        }
        this.byIndex = new Attribute[highest + 1];
        for (Attribute attribute : attributes) {
            byIndex[attribute.index()] = attribute;
        }
        this.relationshipSpecs = List.copyOf(relationshipSpecs);
        this.hasRelationships = !relationshipSpecs.isEmpty();
        this.type = type;
        this.table = table;
        this.attributes = List.copyOf(attributes);
        Map<String, Attribute> names = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            names.put(attribute.name(), attribute);
        }
        this.byName = Collections.unmodifiableMap(names);
        this.key = key;
        this.keyParameters = java.util.Arrays.stream(key).map(a -> "pk_" + a.column().name()).toArray(String[]::new);
        this.version = version;
        this.keyGeneration = keyGeneration;
        this.constructor = constructor;
        this.attributeNames = List.copyOf(names.keySet());
        List<String> keys = new ArrayList<>();
        for (Attribute attribute : key) {
            keys.add(attribute.name());
        }
        this.keyNames = List.copyOf(keys);
        boolean mutable = false;
        for (Attribute attribute : attributes) {
            mutable |= !IMMUTABLE_TYPES.contains(attribute.type()) && !attribute.type().isEnum();
        }
        this.mutableValues = mutable;
        int fields = 0;
        for (Attribute attribute : attributes) {
            fields = Math.max(fields, attribute.enhancedIndex() + 1);
        }
        for (RelationshipMapper.Spec spec : relationshipSpecs) {
            fields = Math.max(fields, spec.enhancedIndex() + 1);
        }
        this.relationshipOfField = new int[fields];
        this.fieldNames = new String[fields];
        java.util.Arrays.fill(relationshipOfField, -1);
        for (Attribute attribute : attributes) {
            fieldNames[attribute.enhancedIndex()] = attribute.field().getName();
        }
        for (RelationshipMapper.Spec spec : relationshipSpecs) {
            relationshipOfField[spec.enhancedIndex()] = spec.index();
            fieldNames[spec.enhancedIndex()] = spec.field().getName();
        }
    }

    /** The relationship of an enhanced field, or null when the field is a column. */
    @Nullable RelationshipMapper relationshipOfField(int enhancedIndex) {
        int index = enhancedIndex < relationshipOfField.length ? relationshipOfField[enhancedIndex] : -1;
        return index < 0 ? null : relationships().get(index);
    }

    /** Whether an attribute's value can change in place, unseen by the enhancer: its objects are compared at flush. */
    public boolean hasMutableValues() {
        return mutableValues;
    }

    /** The number of enhanced fields (columns and relationships). */
    int fieldCount() {
        return fieldNames.length;
    }

    /** {@code User.name}: the enhanced field, for messages. */
    String fieldName(int enhancedIndex) {
        String name = enhancedIndex < fieldNames.length ? fieldNames[enhancedIndex] : null;
        return type.getSimpleName() + "." + (name == null ? "#" + enhancedIndex : name);
    }

    // ---- EntityMapping ----

    @Override
    public io.retort.sql.Select select() {
        return hierarchy == null ? Sql.select(table) : hierarchy.layout(this).select;
    }

    @Override
    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (EntityMapper<?> part : parts) {
            tables.add(part.table());
        }
        return tables;
    }

    @Override
    public @Nullable Class<?> mappedSuperclass() {
        return parent == null ? null : parent.entityClass();
    }

    @Override
    public List<Class<?>> mappedSubclasses() {
        return hierarchy == null ? List.of() : hierarchy.subclasses;
    }

    @Override
    public @Nullable String polymorphicIdentity() {
        return hierarchy == null ? null : hierarchy.identity;
    }

    // ---- inheritance, for the runtime ----

    /** The class's place in an inheritance hierarchy, or null. */
    @Nullable Hierarchy hierarchy() {
        return hierarchy;
    }

    /** Whether the class is in an inheritance hierarchy. */
    public boolean inHierarchy() {
        return hierarchy != null;
    }

    /** The discriminator value a new object is given, or null when it holds it; another class's is refused. */
    public @Nullable String discriminatorToWrite(Object instance) {
        return Hierarchy.discriminatorToWrite(this, instance);
    }

    /** The discriminator attribute of the hierarchy. */
    public Attribute discriminator() {
        return Objects.requireNonNull(discriminator, "not in a hierarchy");
    }

    /** The mappers that write this class's rows, one per table, the base table's first. */
    public List<EntityMapper<?>> parts() {
        return parts;
    }

    /** Sets the mappers of a JOINED subclass's tables (while it is built). */
    void parts(List<EntityMapper<?>> tables) {
        this.parts = tables;
    }

    /** The relationship fields as declared, inherited ones first. */
    List<RelationshipMapper.Spec> relationshipSpecs() {
        return relationshipSpecs;
    }

    /** Whether this mapper writes one subclass table of a JOINED hierarchy. */
    public boolean isSubclassPart() {
        return subclassPart;
    }

    /** The class the identity map files this class's objects under: the base class of its hierarchy. */
    public Class<?> identityClass() {
        return hierarchy == null ? type : hierarchy.root;
    }

    /** The width of the row a query of this class reads: its attributes, then its subclasses' own columns. */
    int rowWidth() {
        return hierarchy == null ? attributes.size() : hierarchy.layout(this).width;
    }

    /** The indexes of the attributes whose changes this mapper's table takes (a subclass part: not the key). */
    public java.util.BitSet writtenIndexes() {
        java.util.BitSet indexes = new java.util.BitSet();
        for (Attribute attribute : attributes) {
            indexes.set(attribute.index());
        }
        if (subclassPart) {
            for (Attribute attribute : key) {
                indexes.clear(attribute.index());
            }
        }
        return indexes;
    }

    /** The attribute of this {@link Attribute#index()}. */
    public Attribute attributeAt(int index) {
        return Objects.requireNonNull(byIndex[index]);
    }

    @Override
    public Class<E> entityClass() {
        return type;
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public List<String> attributeNames() {
        return attributeNames;
    }

    @Override
    public Column<?> column(String attribute) {
        return attribute(attribute).column();
    }

    @Override
    public Class<?> attributeType(String attribute) {
        return attribute(attribute).type();
    }

    @Override
    public List<String> primaryKeyAttributes() {
        return keyNames;
    }

    @Override
    public @Nullable String versionAttribute() {
        return version == null ? null : version.name();
    }

    @Override
    public @Nullable Object identityOf(E instance) {
        return identity(instance);
    }

    @Override
    public List<String> relationshipNames() {
        List<String> names = new ArrayList<>();
        for (RelationshipMapper relationship : relationships()) {
            names.add(relationship.name);
        }
        return names;
    }

    @Override
    public Class<?> relationshipTarget(String relationship) {
        return relationship(relationship).target.entityClass();
    }

    @Override
    public List<Table> associationTables() {
        List<Table> tables = new ArrayList<>();
        for (RelationshipMapper relationship : relationships()) {
            if (relationship.secondary != null && !tables.contains(relationship.secondary)) {
                tables.add(relationship.secondary);
            }
        }
        return tables;
    }

    @Override
    public io.retort.sql.Select joinRelationship(io.retort.sql.Select select, String name, boolean outer) {
        RelationshipMapper relationship = relationship(name);
        return Joins.join(select, relationship, table, relationship.target.table(), outer);
    }

    @Override
    public io.retort.sql.Select joinRelationship(io.retort.sql.Select select, String name,
            io.retort.sql.TableReference owner, io.retort.sql.TableReference target, boolean outer) {
        return Joins.join(select, relationship(name), owner, target, outer);
    }

    // ---- for the runtime ----

    /**
     * The statements a flush writes rows of this class with, built once per column shape: a cache the flush package
     * fills and reads ({@code io.retort.impl.orm.flush.FlushStatements}). Thread-safe.
     */
    public java.util.concurrent.ConcurrentMap<Object, Object> flushStatements() {
        return flushStatements;
    }

    /**
     * The relationships, resolved on first use (both classes' mappings exist by then).
     *
     * @throws MappingException naming the class and field of an invalid relationship
     */
    public List<RelationshipMapper> relationships() {
        List<RelationshipMapper> resolved = relationships;
        if (resolved == null) {
            synchronized (this) {
                resolved = relationships;
                if (resolved == null) {
                    List<RelationshipMapper> all = new ArrayList<>();
                    EntityMapper<?> above = parent;
                    int inherited = above == null ? 0 : above.relationshipCount();
                    for (RelationshipMapper.Spec spec : relationshipSpecs) {
                        // An inherited relationship is the superclass's: its foreign key is in the superclass's table.
                        all.add(above != null && spec.index() < inherited ? above.relationships().get(spec.index())
                                : RelationshipMapper.resolve(this, spec));
                    }
                    resolved = List.copyOf(all);
                    for (RelationshipMapper relationship : resolved.subList(inherited, resolved.size())) {
                        KeyArguments.checkBackPopulates(type, relationship);
                    }
                    relationships = resolved;
                }
            }
        }
        return resolved;
    }

    /**
     * The relationship of this name.
     *
     * @throws InvalidArgumentException listing the relationships when there is none
     */
    RelationshipMapper relationship(String name) {
        for (RelationshipMapper relationship : relationships()) {
            if (relationship.name.equals(name)) {
                return relationship;
            }
        }
        throw new InvalidArgumentException("Class " + type.getSimpleName() + " has no relationship named '" + name
                + "'; its relationships are " + relationshipSpecNames());
    }

    boolean hasRelationshipSpec(String name) {
        return relationshipSpecs.stream().anyMatch(spec -> spec.field().getName().equals(name));
    }

    RelationshipMapper.Spec relationshipSpec(String name) {
        for (RelationshipMapper.Spec spec : relationshipSpecs) {
            if (spec.field().getName().equals(name)) {
                return spec;
            }
        }
        throw new IllegalStateException("No relationship " + name + " in " + this);
    }

    List<String> relationshipSpecNames() {
        List<String> names = new ArrayList<>();
        for (RelationshipMapper.Spec spec : relationshipSpecs) {
            names.add(spec.field().getName());
        }
        return names;
    }

    public boolean hasRelationships() {
        return hasRelationships;
    }

    int relationshipCount() {
        return relationshipSpecs.size();
    }

    boolean hasAttribute(String name) {
        return byName.containsKey(name);
    }

    /** The attribute mapped to a column. */
    public Attribute attributeOfColumn(String column) {
        for (Attribute attribute : attributes) {
            if (attribute.column().name().equals(column)) {
                return attribute;
            }
        }
        throw new IllegalStateException("No attribute for column " + column + " of " + this);
    }

    /**
     * The attribute of this name.
     *
     * @throws InvalidArgumentException listing the mapped fields when there is none
     */
    Attribute attribute(String name) {
        Attribute attribute = byName.get(name);
        if (attribute == null) {
            throw new InvalidArgumentException("Class " + type.getSimpleName() + " maps no field named '" + name
                    + "'; its mapped fields are " + attributeNames);
        }
        return attribute;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public Attribute[] key() {
        return key;
    }

    String[] keyParameters() {
        return keyParameters;
    }

    public @Nullable Attribute version() {
        return version;
    }

    public Generation keyGeneration() {
        return keyGeneration;
    }

    /** Whether the database generates the key (identity or sequence). */
    public boolean databaseGeneratedKey() {
        return keyGeneration == Generation.IDENTITY || keyGeneration == Generation.SEQUENCE;
    }

    /** The identity of an instance from its key fields: a value, a list for a composite key, or null. */
    public @Nullable Object identity(Object instance) {
        if (key.length == 1) {
            return key[0].get(instance);
        }
        Object[] values = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            Object value = key[i].get(instance);
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return List.of(values);
    }

    /** The identity from the key column values of a row read in attribute order. */
    @Nullable Object identity(@Nullable Object[] row) {
        if (key.length == 1) {
            return row[key[0].index()];
        }
        Object[] values = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            Object value = row[key[i].index()];
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return List.of(values);
    }

    /**
     * The identity for a key given to {@code get()}: a single value, a list or array of values in key order, or a
     * map of attribute name to value ({@link KeyArguments}).
     */
    Object identityFromArgument(Object primaryKey) {
        return KeyArguments.identity(this, primaryKey);
    }

    /**
     * The query of {@code session.get}: one statement per class with the key as parameters (see
     * {@link #identityParameters}), so that every lookup finds it compiled and hashed already.
     */
    EntitySelect<E> byIdentity() {
        EntitySelect<E> select = byIdentity;
        if (select == null) {
            List<Column<?>> columns = new ArrayList<>(key.length);
            for (Attribute attribute : key) {
                columns.add(attribute.column());
            }
            select = Orm.select(type).where(KeyCriteria.byName(columns, "pk_")); // keyParameters' names
            byIdentity = select;
        }
        return select;
    }

    /** The plan of {@link #byIdentity()}, as {@code session.scalars(byIdentity())} builds it, built once. */
    QueryPlan byIdentityPlan() {
        QueryPlan plan = byIdentityPlan;
        if (plan == null) {
            EntitySelect<E> select = byIdentity();
            plan = QueryPlan.forEntity(this, select.statement(), LoadPlan.of(this, select.loadOptions()),
                    select.source(), select.queryOptions());
            byIdentityPlan = plan;
        }
        return plan;
    }

    /** A new, empty instance. */
    @SuppressWarnings("unchecked")
    E newInstance() {
        // Field initializers (addresses = new ArrayList<>()) of an object being loaded are not events.
        return (E) (hasRelationships ? RelationshipEvents.creating(this::construct) : construct());
    }

    /** The values of every attribute of an instance, in attribute order. */
    public @Nullable Object[] values(Object instance) {
        @Nullable Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = attributes.get(i).get(instance);
        }
        return values;
    }

    private Object construct() {
        if (constructor == null) {
            throw new io.retort.exception.InvalidRequestException("Class " + type.getName() + " is abstract; a row"
                    + " cannot be loaded as one of its instances");
        }
        try {
            return (Object) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new io.retort.exception.InvalidRequestException("The no-argument constructor of " + type.getName()
                    + " threw " + e, e);
        }
    }

    /** {@code User with identity 1: ...}, with the object's own {@code toString()} when it overrides it. */
    public String describe(Object instance) {
        return KeyArguments.describe(this, instance);
    }

    @Override
    public String toString() {
        return "EntityMapper[" + type.getName() + " -> " + table.name() + "]";
    }
}
