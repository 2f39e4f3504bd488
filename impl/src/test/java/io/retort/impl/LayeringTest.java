package io.retort.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of direction of DESIGN.md that the module system does not enforce by itself, checked on the sources:
 * only the pool package imports Agroal, the compiler knows nothing of the engine, and inside the API the exception
 * package imports no other Retort package while the SQL package imports none but exceptions (and types).
 */
class LayeringTest {
    private static final Path IMPL = Path.of("src/main/java/io/retort/impl");
    private static final Path API = Path.of("../api/src/main/java/io/retort");

    private static List<String> filesImporting(Path root, String prefix, String exceptUnder) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> exceptUnder == null || !f.startsWith(root.resolve(exceptUnder)))
                    .filter(f -> read(f).lines().anyMatch(line -> line.startsWith("import " + prefix)
                            || line.startsWith("import static " + prefix)))
                    .map(Path::toString).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyThePoolPackageImportsAgroal() {
        assertThat(filesImporting(IMPL, "io.agroal", "pool")).isEmpty();
        assertThat(filesImporting(IMPL.resolve("pool"), "io.agroal", null)).isNotEmpty();
    }

    @Test
    void theCompilerKnowsNothingOfTheEngine() {
        assertThat(filesImporting(IMPL.resolve("compiler"), "io.retort.impl.engine", null)).isEmpty();
        assertThat(filesImporting(IMPL.resolve("compiler"), "io.retort.engine", null)).isEmpty();
        assertThat(filesImporting(IMPL.resolve("dialect"), "io.retort.impl.engine", null)).isEmpty();
    }

    @Test
    void apiPackagesImportOnlyWhatTheyBuildOn() {
        assertThat(filesImporting(API.resolve("exception"), "io.retort.", null)).isEmpty();
        assertThat(filesImporting(API.resolve("sql"), "io.retort.engine", null)).isEmpty();
        assertThat(filesImporting(API.resolve("sql"), "io.retort.spi", null)).isEmpty();
        assertThat(filesImporting(API, "io.retort.impl", null)).isEmpty();
    }

    @Test
    void coreNeverImportsTheOrm() {
        for (String core : List.of("compiler", "dialect", "engine", "pool")) {
            assertThat(filesImporting(IMPL.resolve(core), "io.retort.orm", null)).isEmpty();
            assertThat(filesImporting(IMPL.resolve(core), "io.retort.impl.orm", null)).isEmpty();
        }
        for (String core : List.of("sql", "schema", "engine", "types", "exception")) {
            assertThat(filesImporting(API.resolve(core), "io.retort.orm", null)).isEmpty();
        }
    }

    @Test
    void theOrmUsesCoreThroughItsApiAndAsksCapabilitiesNotNames() {
        for (String internal : List.of("io.retort.impl.compiler", "io.retort.impl.dialect", "io.retort.impl.engine",
                "io.retort.impl.pool")) {
            assertThat(filesImporting(IMPL.resolve("orm"), internal, null)).isEmpty();
        }
        try (Stream<Path> files = Files.walk(IMPL.resolve("orm"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("dialectName()")).map(Path::toString)).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
