package io.retort.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether the metamodel can carry {@code @javax.annotation.processing.Generated}: the annotation lives in module
 * {@code java.compiler}, which a named module reads only when it requires it (directly or through
 * {@code requires transitive}), and which a {@code --release 8} compilation does not have at all.
 */
final class GeneratedAnnotation {
    /** The annotation's qualified name. */
    static final String NAME = "javax.annotation.processing.Generated";

    private static final String MODULE = "java.compiler";

    private GeneratedAnnotation() {
    }

    /** Whether code beside the given class can use {@code @Generated}. */
    static boolean isUsableFrom(Elements elements, TypeElement type) {
        ModuleElement module = elements.getModuleOf(type);
        if (module == null || module.isUnnamed()) {
            // The unnamed module reads every module of the graph, java.compiler among the default roots.
            return elements.getTypeElement(NAME) != null;
        }
        ModuleElement compiler = elements.getModuleElement(MODULE);
        return compiler != null && elements.getTypeElement(compiler, NAME) != null && reads(module, compiler);
    }

    /** Whether one module reads another through its own requires and the requires transitive of those. */
    private static boolean reads(ModuleElement module, ModuleElement target) {
        Deque<ModuleElement> todo = new ArrayDeque<>();
        Set<ModuleElement> seen = new HashSet<>();
        for (ModuleElement.RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
            todo.add(requires.getDependency());
        }
        while (!todo.isEmpty()) {
            ModuleElement next = todo.remove();
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next)) {
                for (ModuleElement.RequiresDirective requires : ElementFilter.requiresIn(next.getDirectives())) {
                    if (requires.isTransitive()) {
                        todo.add(requires.getDependency());
                    }
                }
            }
        }
        return false;
    }
}
