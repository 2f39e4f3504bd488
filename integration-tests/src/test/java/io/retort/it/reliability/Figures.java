package io.retort.it.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The reliability suite's figures: printed, and appended to {@code target/reliability-figures.txt} so that a run's
 * numbers can be quoted.
 */
final class Figures {
    private Figures() {
    }

    static void report(String scenario, String figures) {
        String line = "[reliability] " + scenario + ": " + figures;
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "reliability-figures.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[reliability] could not write target/reliability-figures.txt: " + e);
        }
    }
}
