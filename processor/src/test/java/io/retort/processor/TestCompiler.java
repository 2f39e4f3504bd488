package io.retort.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles sources with {@code javac} and the processor, as a build would: sources are written under a directory,
 * compiled with {@code -Xlint:all} against {@code retort-api} (on the class path, or the module path for sources with
 * a {@code module-info.java}), and the generated sources and classes are kept for the test to read.
 */
final class TestCompiler {
    private final Path root;
    private final List<Processor> extraProcessors = new ArrayList<>();
    private final List<String> options = new ArrayList<>(List.of("-Xlint:all", "--release", "17"));

    TestCompiler(Path root) {
        this.root = root;
    }

    /** Runs another processor beside the metamodel processor, before it. */
    TestCompiler with(Processor processor) {
        extraProcessors.add(processor);
        return this;
    }

    /** Adds a compiler option, such as {@code -Akey=value}. */
    TestCompiler option(String option) {
        options.add(option);
        return this;
    }

    /** Compiles the sources, given as path (relative to the source root) to text. */
    Result compile(Map<String, String> sources) {
        try {
            Path sourceRoot = root.resolve("src");
            Path classes = Files.createDirectories(root.resolve("classes"));
            Path generated = Files.createDirectories(root.resolve("generated"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                files.add(Files.writeString(file, source.getValue()));
            }
            boolean modular = sources.containsKey("module-info.java");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                fileManager.setLocationFromPaths(modular ? StandardLocation.MODULE_PATH : StandardLocation.CLASS_PATH,
                        List.of(locationOf("io.retort.orm.Mapped"), locationOf("org.jspecify.annotations.Nullable")));
                fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
                fileManager.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
                List<Processor> processors = new ArrayList<>(extraProcessors);
                processors.add(new MetamodelProcessor());
                JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics,
                        options, null, fileManager.getJavaFileObjectsFromPaths(files));
                task.setProcessors(processors);
                boolean success = task.call();
                return new Result(success, diagnostics.getDiagnostics(), generated, classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or directory a class of the test class path was loaded from. */
    static Path locationOf(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("The test class path has no " + className, e);
        }
    }

    /** The outcome of a compilation. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generated,
            Path classes) {

        /** The messages of the diagnostics of one kind, in the order javac reported them. */
        List<String> messages(Diagnostic.Kind kind) {
            return diagnostics.stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(Locale.ROOT))
                    .collect(Collectors.toList());
        }

        /** The errors reported. */
        List<String> errors() {
            return messages(Diagnostic.Kind.ERROR);
        }

        /**
         * The warnings of any kind reported, but for {@code -Xlint:processing}'s note that no processor claimed the
         * {@code io.retort.orm} annotations (the metamodel processor reads {@code @Mapped} and claims nothing).
         */
        List<String> warnings() {
            return diagnostics.stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.WARNING
                            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .filter(d -> !"compiler.warn.proc.annotations.without.processors".equals(d.getCode()))
                    .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
        }

        /** The one error reported, with the line of source it points at. */
        Diagnostic<? extends JavaFileObject> onlyError() {
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
            if (errors.size() != 1) {
                throw new AssertionError("Expected one error, got " + errors);
            }
            return errors.get(0);
        }

        /** The text of a generated source, by qualified class name. */
        String generatedSource(String qualifiedName) {
            try {
                return Files.readString(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Whether a source of that qualified class name was generated. */
        boolean generatedAny(String qualifiedName) {
            return Files.exists(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
        }
    }
}
