package io.retort.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public and protected type, constructor, method and field of the published API (the packages the modules
 * export, {@code internal} packages left out) has a doc comment: javadoc's doclint, run here over those sources,
 * reports no "no comment". The javadoc jars are built with the other doclint groups (syntax, HTML, references,
 * accessibility) failing the build; see javadoc.doclint in the parent pom.
 */
class PublicApiCommentsTest {
    private static final List<String> MODULES = List.of("api", "testing", "jta-integration", "cdi-extension");
    private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @Test
    void everyPublicDeclarationHasAComment(@TempDir Path out) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) {
            Path root = Snippets.root().resolve(module).resolve("src/main/java");
            Matcher exports = EXPORTS.matcher(Files.readString(root.resolve("module-info.java")));
            while (exports.find()) {
                String pkg = exports.group(1);
                if (pkg.endsWith(".internal") || pkg.contains(".internal.")) {
                    continue;
                }
                try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        assertThat(sources).hasSizeGreaterThan(100);

        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-Xdoclint:all", "-Xmaxwarns", "100000", "-quiet", "-protected",
                    "-d", out.toString(), "-classpath",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            Boolean ok = javadoc.getTask(null, files, diagnostics, null, options,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                String message = d.getMessage(Locale.ROOT);
                String where = (d.getSource() == null ? "" : Snippets.root().relativize(Path.of(d.getSource().toUri()))
                        + ":" + d.getLineNumber() + ": ") + message;
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(where);
                } else if (message.contains("no comment")) {
                    missing.add(where);
                }
            }
            assertThat(errors).as("javadoc errors").isEmpty();
            assertThat(ok).isTrue();
            assertThat(missing).as("public declarations without a doc comment").isEmpty();
        }
    }
}
