package io.retort.enhancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import org.jspecify.annotations.Nullable;

/**
 * Which fields of a class are mapped, by the rule the ORM runtime applies too: the non-static fields declared in a
 * {@code @Mapped} class, except {@code transient} and synthetic ones and those annotated {@code @Transient}. A field's
 * index is its position among them, in declaration order.
 */
final class MappedFields {
    static final String MAPPED = "io.retort.orm.Mapped";
    static final String RELATIONSHIP = "io.retort.orm.Relationship";
    static final String TRANSIENT = "io.retort.orm.Transient";
    static final String ENHANCEMENT = "io.retort.orm.enhance.Enhancement";
    /** The prefix of every member the enhancer adds. */
    static final String PREFIX = "$$retort_";
    static final String STATE_FIELD = PREFIX + "state";

    /** What call sites need to know of a field of an enhanced class. */
    record Found(TypeDescription declaringType, FieldDescription.InDefinedShape field) {
    }

    private final Map<String, Map<String, Found>> byOwner = new ConcurrentHashMap<>();

    private MappedFields() {
    }

    /** A cache of the mapped fields seen through one build's types. */
    static MappedFields cache() {
        return new MappedFields();
    }

    static boolean isMapped(TypeDefinition type) {
        return hasAnnotationNamed(type.asErasure(), MAPPED);
    }

    private static boolean hasAnnotationNamed(TypeDescription type, String name) {
        return type.getDeclaredAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().getName().equals(name));
    }

    /** Whether a {@code @Mapped} type can be enhanced: a class (the ORM refuses interfaces, enums and records). */
    static boolean isEnhanceable(TypeDescription type) {
        return !type.isInterface() && !type.isEnum() && !type.isRecord() && !type.isAnnotation();
    }

    static boolean isEnhanced(TypeDescription type) {
        return !type.getDeclaredFields().filter(f -> f.getName().equals(STATE_FIELD)).isEmpty()
                || hasAnnotationNamed(type, ENHANCEMENT);
    }

    /**
     * The nearest {@code @Mapped} superclass of a class, or null. A mapped subclass (of an inheritance hierarchy)
     * keeps its superclass's state and numbers its own fields after those of its mapped superclasses.
     */
    static @Nullable TypeDescription mappedSuperclass(TypeDescription type) {
        for (TypeDefinition t = type.getSuperClass(); t != null && !t.represents(Object.class); t = t.getSuperClass()) {
            if (isMapped(t)) {
                return t.asErasure();
            }
        }
        return null;
    }

    /** The mapped fields of the {@code @Mapped} superclasses of a class, topmost first: the indexes before its own. */
    static List<FieldDescription.InDefinedShape> inherited(TypeDescription type) {
        List<FieldDescription.InDefinedShape> fields = new ArrayList<>();
        for (TypeDescription t = mappedSuperclass(type); t != null; t = mappedSuperclass(t)) {
            fields.addAll(0, of(t));
        }
        return fields;
    }

    /**
     * The mapped fields declared by a {@code @Mapped} class, in index order. Final fields are left out (the ORM
     * refuses them with its own message: it must be able to assign them).
     */
    static List<FieldDescription.InDefinedShape> of(TypeDescription type) {
        List<FieldDescription.InDefinedShape> fields = new ArrayList<>();
        for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
            if (field.isStatic() || field.isFinal() || field.isTransient()
                    || field.isSynthetic() || field.getName().startsWith(PREFIX)
                    || field.getDeclaredAnnotations().stream()
                            .anyMatch(a -> a.getAnnotationType().getName().equals(TRANSIENT))) {
                continue;
            }
            fields.add(field);
        }
        return fields;
    }

    static boolean isRelationship(FieldDescription field) {
        return field.getDeclaredAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().getName().equals(RELATIONSHIP));
    }

    /**
     * The mapped field {@code name} that an instruction naming {@code ownerInternalName} reaches (declared there or
     * in a superclass), or null when it is not a mapped field of a {@code @Mapped} class.
     */
    @Nullable Found find(TypePool pool, String ownerInternalName, String name) {
        Map<String, Found> fields = byOwner.computeIfAbsent(ownerInternalName, owner -> describe(pool, owner));
        return fields.get(name);
    }

    private static Map<String, Found> describe(TypePool pool, String ownerInternalName) {
        Map<String, Found> found = new java.util.HashMap<>();
        TypePool.Resolution resolution = pool.describe(ownerInternalName.replace('/', '.'));
        if (!resolution.isResolved()) {
            return found;
        }
        // Fields of subclasses hide those of superclasses: walk from the top so the nearest declaration wins.
        List<TypeDescription> hierarchy = new ArrayList<>();
        for (TypeDefinition t = resolution.resolve(); t != null && !t.represents(Object.class);
                t = t.getSuperClass()) {
            hierarchy.add(0, t.asErasure());
        }
        for (TypeDescription type : hierarchy) {
            boolean mapped = hasAnnotationNamed(type, MAPPED);
            for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
                found.remove(field.getName());
            }
            if (mapped) {
                for (FieldDescription.InDefinedShape field : of(type)) {
                    found.put(field.getName(), new Found(type, field));
                }
            }
        }
        return found;
    }
}
