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
import io.retort.sql.Expression;
import io.retort.sql.Predicate;
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
    private final @Nullable Attribute version;
    private final Generation keyGeneration;
    private final MethodHandle constructor;
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
    private volatile @Nullable List<RelationshipMapper> relationships;
    /** The flush's statements of this class, per column shape (keys and values are the flush package's). */
    private final java.util.concurrent.ConcurrentMap<Object, Object> flushStatements =
            new java.util.concurrent.ConcurrentHashMap<>();

    EntityMapper(Class<E> type, Table table, List<Attribute> attributes, Attribute[] key,
            @Nullable Attribute version, Generation keyGeneration, MethodHandle constructor,
            List<RelationshipMapper.Spec> relationshipSpecs) {
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
            fieldNames[attribute.enhancedIndex()] = attribute.name();
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
    boolean hasMutableValues() {
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
                    for (RelationshipMapper.Spec spec : relationshipSpecs) {
                        all.add(RelationshipMapper.resolve(this, spec));
                    }
                    resolved = List.copyOf(all);
                    for (RelationshipMapper relationship : resolved) {
                        checkBackPopulates(relationship);
                    }
                    relationships = resolved;
                }
            }
        }
        return resolved;
    }

    private void checkBackPopulates(RelationshipMapper relationship) {
        String back = relationship.field.getAnnotation(io.retort.orm.Relationship.class).backPopulates();
        if (back.isEmpty()) {
            return;
        }
        RelationshipMapper.Spec other = relationship.target.relationshipSpec(back);
        Class<?> otherTarget = other.field().getType();
        if (java.util.Collection.class.isAssignableFrom(otherTarget)
                && other.field().getGenericType() instanceof java.lang.reflect.ParameterizedType) {
            java.lang.reflect.Type argument = ((java.lang.reflect.ParameterizedType) other.field().getGenericType())
                    .getActualTypeArguments()[0];
            otherTarget = argument instanceof Class ? (Class<?>) argument : Object.class;
        }
        if (!otherTarget.isAssignableFrom(type)) {
            throw new MappingException("Relationship " + type.getName() + "." + relationship.name + " has"
                    + " backPopulates = \"" + back + "\", but " + relationship.target.entityClass().getSimpleName()
                    + "." + back + " relates to " + otherTarget.getSimpleName() + ", not to " + type.getSimpleName());
        }
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
     * map of attribute name to value.
     */
    Object identityFromArgument(Object primaryKey) {
        if (key.length == 1) {
            Object value = primaryKey;
            if (primaryKey instanceof Map) {
                value = ((Map<?, ?>) primaryKey).get(key[0].name());
            } else if (primaryKey instanceof List && ((List<?>) primaryKey).size() == 1) {
                value = ((List<?>) primaryKey).get(0);
            } else if (primaryKey instanceof Object[] && ((Object[]) primaryKey).length == 1) {
                value = ((Object[]) primaryKey)[0];
            }
            return checkKeyValue(key[0], value, primaryKey);
        }
        List<?> values;
        if (primaryKey instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) primaryKey;
            @Nullable Object[] ordered = new Object[key.length];
            for (int i = 0; i < key.length; i++) {
                ordered[i] = map.get(key[i].name());
            }
            values = Arrays.asList(ordered);
        } else if (primaryKey instanceof List) {
            values = (List<?>) primaryKey;
        } else if (primaryKey instanceof Object[]) {
            values = Arrays.asList((Object[]) primaryKey);
        } else {
            throw new InvalidArgumentException(type.getSimpleName() + " has a composite primary key " + keyNames
                    + "; give get() a List or array of " + key.length + " values in that order, or a Map by field"
                    + " name, not " + primaryKey);
        }
        if (values.size() != key.length) {
            throw new InvalidArgumentException(type.getSimpleName() + " has a primary key of " + key.length
                    + " fields " + keyNames + ", but get() was given " + values.size() + " values: " + values);
        }
        Object[] checked = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            checked[i] = checkKeyValue(key[i], values.get(i), primaryKey);
        }
        return List.of(checked);
    }

    private Object checkKeyValue(Attribute attribute, @Nullable Object value, Object given) {
        if (value == null) {
            throw new InvalidArgumentException("get(" + type.getSimpleName() + ", " + given + ") has no value for"
                    + " key field " + attribute.name());
        }
        if (!attribute.type().isInstance(value)) {
            if (value instanceof Number && Number.class.isAssignableFrom(attribute.type())) {
                Number number = (Number) value;
                if (attribute.type() == Integer.class && number.longValue() == number.intValue()) {
                    return number.intValue();
                }
                if (attribute.type() == Long.class) {
                    return number.longValue();
                }
                if (attribute.type() == Short.class && number.longValue() == number.shortValue()) {
                    return number.shortValue();
                }
            }
            throw new InvalidArgumentException("Key field " + attribute + " is a " + attribute.type().getSimpleName()
                    + ", but get() was given " + value.getClass().getSimpleName() + " " + value);
        }
        return value;
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
            select = Orm.select(type).where(parameterCriteria(columns, "pk_"));
            byIdentity = select;
        }
        return select;
    }

    /**
     * {@code a = :<prefix>a AND b = :<prefix>b ...}: criteria whose values a statement is given by name at execution
     * (one per row of a batch, or per lookup).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Predicate parameterCriteria(List<Column<?>> columns, String prefix) {
        Predicate criteria = null;
        for (Column column : columns) {
            Predicate one = column.eq((Expression<?>) Sql.bindParam(prefix + column.name(), column.type()));
            criteria = criteria == null ? one : criteria.and(one);
        }
        return Objects.requireNonNull(criteria, "no columns");
    }

    /** The parameters of {@link #byIdentity()} for an identity (a value, or a list for a composite key). */
    Map<String, @Nullable Object> identityParameters(Object identity) {
        if (key.length == 1) {
            return Collections.singletonMap("pk_" + key[0].column().name(), identity);
        }
        List<?> values = (List<?>) identity;
        Map<String, @Nullable Object> parameters = new HashMap<>(key.length * 2);
        for (int i = 0; i < key.length; i++) {
            parameters.put("pk_" + key[i].column().name(), values.get(i));
        }
        return parameters;
    }

    /** A new, empty instance. */
    @SuppressWarnings("unchecked")
    E newInstance() {
        try {
            if (hasRelationships) {
                // Field initializers (addresses = new ArrayList<>()) of an object being loaded are not events.
                return (E) RelationshipEvents.creating(this::construct);
            }
            return (E) (Object) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new io.retort.exception.InvalidRequestException("The no-argument constructor of " + type.getName()
                    + " threw " + e, e);
        }
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
        try {
            return (Object) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new io.retort.exception.InvalidRequestException("The no-argument constructor of " + type.getName()
                    + " threw " + e, e);
        }
    }

    /** Sets every attribute of an instance from values in attribute order. */
    void populate(Object instance, @Nullable Object[] values) {
        for (int i = 0; i < values.length; i++) {
            attributes.get(i).set(instance, values[i]);
        }
    }

    /** Sets the attributes of an instance from values in attribute order, except those whose field was written. */
    void populateExcept(Object instance, @Nullable Object[] values, boolean[] writtenFields) {
        for (int i = 0; i < values.length; i++) {
            Attribute attribute = attributes.get(i);
            if (!writtenFields[attribute.enhancedIndex()]) {
                attribute.set(instance, values[i]);
            }
        }
    }

    /** {@code User[id=1]}, or the object's own {@code toString()} when it overrides it. */
    public String describe(Object instance) {
        Object identity = identity(instance);
        String own = ownToString(instance);
        return type.getSimpleName() + (identity != null ? " with identity " + identity : " (no identity yet)")
                + (own != null ? ": " + own : "");
    }

    private static @Nullable String ownToString(Object instance) {
        try {
            // Its toString() may read expired or unloaded attributes: they show what the fields hold, without a
            // load (a message must not run a query, least of all in the middle of a flush).
            return InstanceState.quietly(() -> {
                try {
                    if (instance.getClass().getMethod("toString").getDeclaringClass() == Object.class) {
                        return null;
                    }
                } catch (NoSuchMethodException e) {
                    return null;
                }
                return String.valueOf(instance);
            });
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "EntityMapper[" + type.getName() + " -> " + table.name() + "]";
    }
}
