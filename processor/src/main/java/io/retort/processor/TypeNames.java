package io.retort.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * A type's name for error messages, as {@code java.lang.reflect.Type#getTypeName()} spells it at run time
 * ({@code java.util.List<java.lang.String>}), without the type annotations that {@code TypeMirror#toString()} adds.
 */
final class TypeNames {
    private TypeNames() {
    }

    /** The type's name. */
    static String of(TypeMirror type) {
        switch (type.getKind()) {
            case ARRAY:
                return of(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED:
                DeclaredType declared = (DeclaredType) type;
                String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
                if (declared.getTypeArguments().isEmpty()) {
                    return name;
                }
                List<String> arguments = new ArrayList<>();
                for (TypeMirror argument : declared.getTypeArguments()) {
                    arguments.add(of(argument));
                }
                return name + "<" + String.join(", ", arguments) + ">";
            case TYPEVAR:
                return ((TypeVariable) type).asElement().getSimpleName().toString();
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return "? extends " + of(wildcard.getExtendsBound());
                }
                return wildcard.getSuperBound() != null ? "? super " + of(wildcard.getSuperBound()) : "?";
            default:
                return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(java.util.Locale.ROOT)
                        : type.toString();
        }
    }
}
