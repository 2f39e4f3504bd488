package io.retort.it;

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
 * No main source file of the project is over 600 lines (issue 23): a class that long holds more than one job, and
 * is split by job instead (as {@code DefaultSession} into {@code SessionObjects}, {@code SessionTransaction},
 * {@code SessionFlush}, ...). Checked over every module's {@code src/main/java}, examples included.
 */
class SourceFileSizeTest {
    private static final int LIMIT = 600;

    @Test
    void noMainSourceFileIsOverSixHundredLines() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("impl/src/main/java")).isDirectory();
        List<String> over;
        try (Stream<Path> files = Files.walk(root)) {
            over = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> root.relativize(file).toString().contains("src/main/java/"))
                    .filter(file -> !root.relativize(file).toString().contains("/target/"))
                    .filter(file -> lines(file) > LIMIT)
                    .map(file -> root.relativize(file) + " (" + lines(file) + " lines)")
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(over).as("main source files over %d lines; split them by job", LIMIT).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
