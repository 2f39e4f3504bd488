package io.retort.processor;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A valid {@code @Mapped} class as the metamodel sees it: the class, the classes of its hierarchy that declare its
 * fields, and its mapped fields in mapping order.
 *
 * @param entity the mapped class
 * @param hierarchy the class and its superclasses below {@code java.lang.Object}, topmost first
 * @param packageName the class's package, empty for the unnamed package
 * @param nesting the simple names from the top-level class down to the mapped class
 * @param fields the mapped fields, superclass fields first
 * @param deprecated whether the metamodel refers to a deprecated type
 */
record MappedClass(TypeElement entity, List<TypeElement> hierarchy, String packageName, List<String> nesting,
        List<MappedField> fields, boolean deprecated) {

    /** The metamodel's simple name: {@code User_}, or {@code Outer_Inner_} for a nested class. */
    String metamodelSimpleName() {
        return String.join("_", nesting) + "_";
    }

    /** The metamodel's qualified name, in the mapped class's package. */
    String metamodelQualifiedName() {
        return packageName.isEmpty() ? metamodelSimpleName() : packageName + "." + metamodelSimpleName();
    }

    /** The elements the metamodel is generated from, for incremental builds. */
    Element[] originatingElements() {
        return hierarchy.toArray(new Element[0]);
    }
}
