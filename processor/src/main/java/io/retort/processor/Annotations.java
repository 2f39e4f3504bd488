package io.retort.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The names of the {@code io.retort.orm} annotations the processor reads. They are read by name, not by class, so the
 * processor runs without {@code retort-api} on the processor path.
 */
final class Annotations {
    /** {@code io.retort.orm.Mapped}. */
    static final String MAPPED = "io.retort.orm.Mapped";
    /** {@code io.retort.orm.Id}. */
    static final String ID = "io.retort.orm.Id";
    /** {@code io.retort.orm.Relationship}. */
    static final String RELATIONSHIP = "io.retort.orm.Relationship";
    /** {@code io.retort.orm.Composite}. */
    static final String COMPOSITE = "io.retort.orm.Composite";
    /** {@code io.retort.orm.Inheritance}. */
    static final String INHERITANCE = "io.retort.orm.Inheritance";
    /** {@code io.retort.orm.Transient}. */
    static final String TRANSIENT = "io.retort.orm.Transient";

    private Annotations() {
    }

    /** Whether an element carries the annotation of the given qualified name. */
    static boolean isPresent(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement && ((TypeElement) type).getQualifiedName().contentEquals(annotation)) {
                return true;
            }
        }
        return false;
    }
}
