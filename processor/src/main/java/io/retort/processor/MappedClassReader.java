package io.retort.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code @Mapped} class with the rules of the runtime mapper: a field is mapped when it is not static, not
 * {@code transient} and not {@code @Transient}; superclass fields (below {@code java.lang.Object}) come first, then
 * the class's own, in declaration order. Every problem found is reported on the element at fault.
 */
final class MappedClassReader {
    private final Messager messager;
    private final Elements elements;
    private final ColumnJavaTypes columnTypes;
    private final Diagnostic.Kind problemKind;

    /** A reader that reports problems with the given kind: an error, or a warning when told so by an option. */
    MappedClassReader(ProcessingEnvironment environment, Diagnostic.Kind problemKind) {
        this.problemKind = problemKind;
        this.messager = environment.getMessager();
        this.elements = environment.getElementUtils();
        this.columnTypes = new ColumnJavaTypes(elements);
    }

    /** Whether the class's superclasses and the types of its fields are all known to the compiler. */
    static boolean isResolved(TypeElement entity) {
        for (TypeElement type = entity; type != null; type = superclass(type)) {
            if (type.getSuperclass().getKind() == TypeKind.ERROR) {
                return false;
            }
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                if (containsError(field.asType())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The class's mapping, or {@code null} after reporting why the class cannot be mapped. */
    @Nullable MappedClass read(TypeElement entity) {
        String className = entity.getQualifiedName().toString();
        if (!checkShape(entity, className)) {
            return null;
        }
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement type = entity; type != null; type = superclass(type)) {
            hierarchy.add(0, type);
        }
        boolean valid = true;
        boolean hasKey = false;
        boolean deprecated = isDeprecated(entity);
        Map<String, VariableElement> byName = new LinkedHashMap<>();
        List<MappedField> fields = new ArrayList<>();
        String packageName = elements.getPackageOf(entity).getQualifiedName().toString();
        for (TypeElement type : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                if (!isMapped(field)) {
                    continue;
                }
                Element at = reportingElement(entity, field);
                VariableElement previous = byName.putIfAbsent(field.getSimpleName().toString(), field);
                if (previous != null) {
                    error(at, "Class " + className + " maps two fields named " + field.getSimpleName() + ": "
                            + fieldName(previous) + " and " + fieldName(field) + "; rename one of them, or mark one"
                            + " @Transient to leave it out of the mapping");
                    valid = false;
                    continue;
                }
                if (Annotations.isPresent(field, Annotations.RELATIONSHIP)) {
                    String target = relationshipTarget(field, at, packageName);
                    if (target == null) {
                        valid = false;
                    } else {
                        fields.add(new MappedField(field.getSimpleName().toString(), target, true, false));
                    }
                    continue;
                }
                if (Annotations.isPresent(field, Annotations.COMPOSITE)) {
                    TypeElement record = ColumnJavaTypes.declaredElement(field.asType());
                    if (record == null || record.getKind() != ElementKind.RECORD) {
                        error(at, "Field " + fieldName(field) + " is @Composite but has type "
                                + TypeNames.of(field.asType()) + ", which is not a record; a composite value is a"
                                + " record whose components are its columns");
                        valid = false;
                    } else if (!isAccessibleFrom(record, packageName)) {
                        error(at, "Field " + fieldName(field) + " has type " + record.getQualifiedName() + ", which"
                                + " the generated metamodel in package " + displayPackage(packageName) + " cannot see;"
                                + " make the type public or package-private in " + displayPackage(packageName));
                        valid = false;
                    } else {
                        fields.add(new MappedField(field.getSimpleName().toString(),
                                record.getQualifiedName().toString(), false, true));
                    }
                    continue;
                }
                hasKey |= Annotations.isPresent(field, Annotations.ID);
                String javaType = columnTypes.sourceName(field.asType(), packageName);
                if (javaType == null) {
                    error(at, "Field " + fieldName(field) + " has type " + TypeNames.of(field.asType())
                            + ", which has no column type; mark it @Transient to leave it out of the mapping");
                    valid = false;
                    continue;
                }
                TypeElement fieldType = ColumnJavaTypes.declaredElement(field.asType());
                if (fieldType != null && !isAccessibleFrom(fieldType, packageName)) {
                    error(at, "Field " + fieldName(field) + " has type " + fieldType.getQualifiedName() + ", which the"
                            + " generated metamodel in package " + displayPackage(packageName) + " cannot see; make"
                            + " the type public or package-private in " + displayPackage(packageName));
                    valid = false;
                    continue;
                }
                deprecated |= fieldType != null && isDeprecated(fieldType);
                fields.add(new MappedField(field.getSimpleName().toString(), javaType, false, false));
            }
        }
        if (!hasKey) {
            error(entity, "Class " + className + " has no primary key: mark its key field (or the fields of a"
                    + " composite key) with @Id");
            valid = false;
        }
        return valid ? new MappedClass(entity, List.copyOf(hierarchy), packageName, nesting(entity),
                List.copyOf(fields), deprecated) : null;
    }

    /** Checks what the class itself must be: concrete, not an inner class, visible to its package, not generic. */
    private boolean checkShape(TypeElement entity, String className) {
        if (entity.getKind() != ElementKind.CLASS
                || entity.getModifiers().contains(Modifier.ABSTRACT) && !inHierarchy(entity)) {
            error(entity, "Class " + className + " cannot be mapped: a mapped class must be a concrete, mutable class"
                    + " (not an interface, abstract class, enum or record)");
            return false;
        }
        if (entity.getNestingKind() == NestingKind.LOCAL || entity.getNestingKind() == NestingKind.ANONYMOUS) {
            error(entity, "Class " + className + " is a local class; make it a static nested or top-level class");
            return false;
        }
        if (entity.getNestingKind() == NestingKind.MEMBER && !entity.getModifiers().contains(Modifier.STATIC)) {
            error(entity, "Class " + className + " is an inner class; make it a static nested or top-level class"
                    + " so the ORM can create instances");
            return false;
        }
        String packageName = elements.getPackageOf(entity).getQualifiedName().toString();
        if (!isAccessibleFrom(entity, packageName)) {
            error(entity, "Class " + className + " is private (or nested in a private class), so its generated"
                    + " metamodel cannot refer to it; make it package-private or wider");
            return false;
        }
        if (!entity.getTypeParameters().isEmpty()) {
            error(entity, "Class " + className + " has type parameters; a mapped class cannot be generic: map a"
                    + " concrete subclass that fixes the types instead");
            return false;
        }
        return true;
    }

    /**
     * The source name of a relationship's related class: the element type of a {@code List}, {@code Set} or
     * {@code Collection}, or the field's own type; null after reporting a field of another shape.
     */
    private @Nullable String relationshipTarget(VariableElement field, Element at, String packageName) {
        TypeMirror type = field.asType();
        if (type.getKind() != TypeKind.DECLARED) {
            error(at, "Relationship " + fieldName(field) + " has type " + TypeNames.of(type) + "; a relationship is"
                    + " a mapped class, or a List, Set or Collection of one");
            return null;
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals("java.util.List") || name.equals("java.util.Set") || name.equals("java.util.Collection")) {
            if (declared.getTypeArguments().size() != 1
                    || declared.getTypeArguments().get(0).getKind() != TypeKind.DECLARED) {
                error(at, "Relationship " + fieldName(field) + " needs its element type: declare it as "
                        + element.getSimpleName() + "<TheMappedClass>");
                return null;
            }
            element = (TypeElement) ((DeclaredType) declared.getTypeArguments().get(0)).asElement();
        }
        if (!Annotations.isPresent(element, Annotations.MAPPED)) {
            error(at, "Relationship " + fieldName(field) + " refers to " + element.getQualifiedName() + ", which is"
                    + " not a mapped class; annotate it with @Mapped");
            return null;
        }
        if (!isAccessibleFrom(element, packageName)) {
            error(at, "Relationship " + fieldName(field) + " refers to " + element.getQualifiedName() + ", which the"
                    + " generated metamodel in package " + displayPackage(packageName) + " cannot see");
            return null;
        }
        return element.getQualifiedName().toString();
    }

    private static boolean isMapped(VariableElement field) {
        return field.getKind() == ElementKind.FIELD && !field.getModifiers().contains(Modifier.STATIC)
                && !field.getModifiers().contains(Modifier.TRANSIENT)
                && !Annotations.isPresent(field, Annotations.TRANSIENT);
    }

    /** The field itself when the mapped class declares it, else the class: a superclass may be a compiled one. */
    private static Element reportingElement(TypeElement entity, VariableElement field) {
        return declaringClass(field).equals(entity) ? field : entity;
    }

    private static String fieldName(VariableElement field) {
        return String.join(".", nesting(declaringClass(field))) + "." + field.getSimpleName();
    }

    /** The class that declares a field (javac gives every field one; only modules and packages have none). */
    private static TypeElement declaringClass(VariableElement field) {
        return (TypeElement) java.util.Objects.requireNonNull(field.getEnclosingElement(), "enclosing element");
    }

    private static String displayPackage(String packageName) {
        return packageName.isEmpty() ? "(unnamed)" : packageName;
    }

    /** The simple names from the top-level class down to the given class. */
    static List<String> nesting(TypeElement type) {
        List<String> names = new ArrayList<>();
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            names.add(0, e.getSimpleName().toString());
        }
        return List.copyOf(names);
    }

    /** Whether code in the given package can name the type: no level of it is private or, elsewhere, non-public. */
    private boolean isAccessibleFrom(TypeElement type, String packageName) {
        boolean samePackage = elements.getPackageOf(type).getQualifiedName().contentEquals(packageName);
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            Set<Modifier> modifiers = e.getModifiers();
            if (modifiers.contains(Modifier.PRIVATE) || !samePackage && !modifiers.contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private boolean isDeprecated(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (elements.isDeprecated(e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class or a superclass is the base of an inheritance hierarchy (whose classes may be abstract). */
    private static boolean inHierarchy(TypeElement entity) {
        for (TypeElement type = entity; type != null; type = superclass(type)) {
            if (Annotations.isPresent(type, Annotations.INHERITANCE)) {
                return true;
            }
        }
        return false;
    }

    /** The superclass below {@code java.lang.Object}, or {@code null}. */
    private static @Nullable TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private static boolean containsError(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return containsError(((ArrayType) type).getComponentType());
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                if (containsError(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void error(Element element, String message) {
        messager.printMessage(problemKind, message, element);
    }
}
