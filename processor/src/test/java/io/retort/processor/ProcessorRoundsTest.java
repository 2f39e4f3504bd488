package io.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How javac finds and runs the processor: its service registration and its rounds. */
class ProcessorRoundsTest {
    @TempDir
    Path root;

    @Test
    void processorIsRegisteredAsAService() {
        List<String> processors = ServiceLoader.load(Processor.class).stream()
                .map(provider -> provider.type().getName()).collect(Collectors.toList());

        assertThat(processors).contains(MetamodelProcessor.class.getName());
    }

    @Test
    void supportsMappedAndTheLatestSourceVersion() {
        MetamodelProcessor processor = new MetamodelProcessor();

        assertThat(processor.getSupportedAnnotationTypes()).containsExactly(io.retort.orm.Mapped.class.getName());
        assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    }

    @Test
    void annotationNamesMatchTheApi() {
        assertThat(Annotations.ID).isEqualTo(io.retort.orm.Id.class.getName());
        assertThat(Annotations.TRANSIENT).isEqualTo(io.retort.orm.Transient.class.getName());
    }

    @Test
    void classExtendingATypeGeneratedInTheSameBuildIsDeferredToTheNextRound() {
        String user = "package com.acme; @io.retort.orm.Mapped public class User extends GeneratedBase {"
                + " String name; }";
        TestCompiler.Result result = new TestCompiler(root).with(new BaseGenerator())
                .compile(Map.of("com/acme/User.java", user));

        assertThat(result.errors()).isEmpty();
        assertThat(result.generatedSource("com.acme.User_"))
                .contains("ColumnAttribute<User, Integer> id = ColumnAttribute.of(User.class, \"id\", Integer.class);")
                .contains("ColumnAttribute<User, String> name");
    }

    @Test
    void classExtendingAMissingTypeIsLeftToJavacToReport() {
        String user = "package com.acme; @io.retort.orm.Mapped public class User extends Missing { String name; }";
        TestCompiler.Result result = new TestCompiler(root).compile(Map.of("com/acme/User.java", user));

        assertThat(result.errors()).singleElement().asString().contains("cannot find symbol");
        assertThat(result.generatedAny("com.acme.User_")).isFalse();
    }

    /** Generates {@code com.acme.GeneratedBase}, with an {@code @Id} field, in its first round. */
    private static final class BaseGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer writer = processingEnv.getFiler().createSourceFile("com.acme.GeneratedBase").openWriter()) {
                    writer.write("package com.acme; public class GeneratedBase { @io.retort.orm.Id Integer id; }");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }
}
