package io.retort.processor;

import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * The field types that have a column type, as the runtime mapper's {@code ColumnTypes} lists them, and how the
 * generated source names them: primitives boxed, {@code java.lang} types by simple name, others fully qualified.
 */
final class ColumnJavaTypes {
    private static final Map<TypeKind, String> BOXED = Map.of(
            TypeKind.INT, "java.lang.Integer",
            TypeKind.LONG, "java.lang.Long",
            TypeKind.SHORT, "java.lang.Short",
            TypeKind.BOOLEAN, "java.lang.Boolean",
            TypeKind.DOUBLE, "java.lang.Double",
            TypeKind.FLOAT, "java.lang.Float");

    private static final Set<String> DECLARED = Set.of(
            "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Boolean", "java.lang.Double",
            "java.lang.Float", "java.lang.String", "java.math.BigDecimal", "java.time.LocalDate",
            "java.time.LocalTime", "java.time.LocalDateTime", "java.time.OffsetDateTime", "java.time.Duration",
            "java.util.UUID");

    private final Elements elements;

    ColumnJavaTypes(Elements elements) {
        this.elements = elements;
    }

    /**
     * The source text naming a field type's boxed class, as seen from the metamodel's package, or {@code null} when
     * the type has no column type (a generic type, a type variable, {@code char}, an array other than
     * {@code byte[]}).
     */
    @Nullable String sourceName(TypeMirror type, String packageName) {
        if (type.getKind().isPrimitive()) {
            String boxed = BOXED.get(type.getKind());
            return boxed == null ? null : visibleName(boxed, packageName);
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? "byte[]" : null;
        }
        TypeElement element = declaredElement(type);
        if (element == null || !((DeclaredType) type).getTypeArguments().isEmpty()) {
            return null;
        }
        String name = element.getQualifiedName().toString();
        if (element.getKind() == ElementKind.ENUM) {
            return name;
        }
        return DECLARED.contains(name) ? visibleName(name, packageName) : null;
    }

    /** The class or enum a declared type names, or {@code null} for any other type. */
    static @Nullable TypeElement declaredElement(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        Element element = ((DeclaredType) type).asElement();
        return element instanceof TypeElement ? (TypeElement) element : null;
    }

    /** {@code String} for {@code java.lang.String}, unless the metamodel's own package has a type of that name. */
    private String visibleName(String qualifiedName, String packageName) {
        if (!qualifiedName.startsWith("java.lang.")) {
            return qualifiedName;
        }
        String simpleName = qualifiedName.substring("java.lang.".length());
        String shadowing = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        return elements.getTypeElement(shadowing) == null ? simpleName : qualifiedName;
    }
}
