package io.retort.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates the typed metamodel of every {@code @io.retort.orm.Mapped} class: for {@code com.acme.User} the class
 * {@code com.acme.User_}, for a static nested {@code Outer.Inner} the class {@code Outer_Inner_}, holding one
 * {@code ColumnAttribute} constant per mapped field.
 *
 * <pre>{@code
 * public final class User_ {
 *     public static final ColumnAttribute<User, Integer> id = ColumnAttribute.of(User.class, "id", Integer.class);
 *     public static final ColumnAttribute<User, String> name = ColumnAttribute.of(User.class, "name", String.class);
 * }
 * }</pre>
 *
 * <p>A class the runtime mapper would reject for a reason visible at compile time (no {@code @Id} field, a field
 * without a column type, an interface, abstract class, enum or record) is reported as a compile error on the
 * element, with the fix, and gets no metamodel. A class whose hierarchy refers to types not generated yet is
 * retried in the next round.
 *
 * <p>With {@code -Aretort.metamodel.invalid=warning} those problems are warnings instead, and the class still gets no
 * metamodel: for test sources that hold deliberately invalid mapped classes to test the runtime mapper's errors.
 * Not thread-safe: javac uses one instance per compilation, from one thread.
 */
public final class MetamodelProcessor extends AbstractProcessor {
    /** How a class that cannot be mapped is reported: {@code error} (the default) or {@code warning}. */
    static final String INVALID_OPTION = "retort.metamodel.invalid";

    private final Set<String> deferred = new LinkedHashSet<>();
    private Diagnostic.Kind invalidKind = Diagnostic.Kind.ERROR;

    /** Creates the processor; javac calls this when it finds the processor through its service registration. */
    public MetamodelProcessor() {
    }

    /** The one annotation this processor reads: {@code io.retort.orm.Mapped}. */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Annotations.MAPPED);
    }

    /** The one option, {@code retort.metamodel.invalid}: {@code error} (the default) or {@code warning}. */
    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(INVALID_OPTION);
    }

    /** Reads the options. */
    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        String invalid = environment.getOptions().get(INVALID_OPTION);
        if ("warning".equals(invalid)) {
            invalidKind = Diagnostic.Kind.WARNING;
        } else if (invalid != null && !"error".equals(invalid)) {
            environment.getMessager().printMessage(Diagnostic.Kind.ERROR, "Option -A" + INVALID_OPTION + "="
                    + invalid + " is not known; use -A" + INVALID_OPTION + "=error (the default) or =warning");
        }
    }

    /** The latest source version of the compiler running the processor: the processor reads only declarations. */
    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /** Generates the metamodel of the round's {@code @Mapped} classes and of those deferred from earlier rounds. */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Elements elements = processingEnv.getElementUtils();
        List<TypeElement> candidates = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                candidates.add(type);
            }
        }
        deferred.clear();
        TypeElement mapped = elements.getTypeElement(Annotations.MAPPED);
        if (mapped != null) {
            for (Element element : round.getElementsAnnotatedWith(mapped)) {
                if (element instanceof TypeElement) {
                    candidates.add((TypeElement) element);
                }
            }
        }
        for (TypeElement entity : candidates) {
            generate(entity, round.processingOver());
        }
        // Not claimed: other processors may read @Mapped too.
        return false;
    }

    private void generate(TypeElement entity, boolean lastRound) {
        if (!MappedClassReader.isResolved(entity)) {
            // A type in the class's hierarchy is missing, perhaps generated later; javac reports it if it stays so.
            if (!lastRound) {
                deferred.add(entity.getQualifiedName().toString());
            }
            return;
        }
        MappedClass mappedClass = new MappedClassReader(processingEnv, invalidKind).read(entity);
        if (mappedClass == null || lastRound) {
            return;
        }
        boolean generated = GeneratedAnnotation.isUsableFrom(processingEnv.getElementUtils(), entity);
        String source = MetamodelSource.render(mappedClass, generated);
        String name = mappedClass.metamodelQualifiedName();
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(name, mappedClass.originatingElements());
            try (Writer writer = file.openWriter()) {
                writer.write(source);
            }
        } catch (FilerException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "The metamodel " + name + " of class "
                    + entity.getQualifiedName() + " cannot be generated: " + e.getMessage() + "; rename the class"
                    + " or the type that already has the name " + name, entity);
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "The metamodel " + name + " of class "
                    + entity.getQualifiedName() + " cannot be written: " + e, entity);
        }
    }
}
