package io.retort.orm;

import io.retort.schema.MetaData;
import io.retort.schema.SchemaExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of mapped classes and the {@link MetaData} of their tables, as SQLAlchemy's declarative {@code registry}
 * and {@code Base.metadata}: {@code Registry.of(User.class, Address.class).createAll(engine)} creates their tables
 * in dependency order. Building a registry validates every class's mapping, so mapping errors surface at once
 * (the CDI extension builds one at deployment).
 *
 * <p>A class's mapping belongs to the class, not to a registry: several registries may list the same class and
 * share its table. Immutable and thread-safe.
 */
public final class Registry {
    private final Map<Class<?>, EntityMapping<?>> mappings;
    private final MetaData metadata = new MetaData();

    private Registry(Collection<Class<?>> classes) {
        Map<Class<?>, EntityMapping<?>> all = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            addWithHierarchy(all, type);
        }
        for (EntityMapping<?> mapping : all.values()) {
            for (io.retort.schema.Table table : mapping.tables()) {
                metadata.add(table);
            }
        }
        for (EntityMapping<?> mapping : all.values()) {
            for (String relationship : mapping.relationshipNames()) {
                Class<?> target = mapping.relationshipTarget(relationship);
                if (!all.containsKey(target)) {
                    throw new io.retort.exception.MappingException("Relationship " + mapping.entityClass().getName()
                            + "." + relationship + " refers to " + target.getName() + ", which is not in this"
                            + " registry; add it to the registry's classes");
                }
            }
            for (io.retort.schema.Table association : mapping.associationTables()) {
                metadata.add(association);
            }
        }
        this.mappings = java.util.Collections.unmodifiableMap(all);
    }

    /** Adds a class with the classes of its inheritance hierarchy, superclasses first. */
    private static void addWithHierarchy(Map<Class<?>, EntityMapping<?>> all, Class<?> type) {
        if (all.containsKey(type)) {
            return;
        }
        EntityMapping<?> mapping = Orm.mapping(type);
        Class<?> superclass = mapping.mappedSuperclass();
        if (superclass != null) {
            addWithHierarchy(all, superclass);
        }
        all.put(type, mapping);
        for (Class<?> subclass : mapping.mappedSubclasses()) {
            addWithHierarchy(all, subclass);
        }
    }

    /**
     * A registry of these classes (with the whole {@link Inheritance} hierarchy of each).
     *
     * @throws io.retort.exception.MappingException naming the class and field of the first invalid mapping
     */
    public static Registry of(Class<?>... classes) {
        return new Registry(List.of(classes));
    }

    /** A registry of these classes. */
    public static Registry of(Collection<Class<?>> classes) {
        return new Registry(new ArrayList<>(classes));
    }

    /** The mapped classes, in the order given. */
    public Set<Class<?>> mappedClasses() {
        return mappings.keySet();
    }

    /**
     * The mapping of a class of this registry.
     *
     * @throws io.retort.exception.InvalidArgumentException if the class is not in the registry
     */
    @SuppressWarnings("unchecked")
    public <E> EntityMapping<E> mapping(Class<E> type) {
        EntityMapping<?> mapping = mappings.get(type);
        if (mapping == null) {
            throw new io.retort.exception.InvalidArgumentException(type.getName() + " is not in this registry; its"
                    + " classes are " + mappings.keySet());
        }
        return (EntityMapping<E>) mapping;
    }

    /** The tables of the mapped classes. */
    public MetaData metadata() {
        return metadata;
    }

    /** Creates the tables that do not exist yet, in dependency order ({@link MetaData#createAll}). */
    public void createAll(SchemaExecutor executor) {
        metadata.createAll(executor);
    }

    /** Drops the tables, children first ({@link MetaData#dropAll}). */
    public void dropAll(SchemaExecutor executor) {
        metadata.dropAll(executor);
    }

    @Override
    public String toString() {
        return "Registry" + mappings.keySet();
    }
}
