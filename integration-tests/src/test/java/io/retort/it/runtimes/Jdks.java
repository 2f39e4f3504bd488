package io.retort.it.runtimes;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Java launchers the apps run on: this JVM's, and a JDK 21+ for Helidon 4. */
final class Jdks {
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    /** The {@code java} of the JVM running the tests. */
    static String current() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The {@code java} of a JDK 21 or newer: {@code TEST_RETORT_JDK21} (a JDK's home), else this JVM if it is 21+,
     * else the newest JDK under {@code /usr/lib/jvm}.
     */
    static String jdk21() throws IOException {
        String configured = TestEnvironment.get(TestEnvironment.JDK21);
        if (configured != null) {
            return Path.of(configured, "bin", "java").toString();
        }
        if (Runtime.version().feature() >= 21) {
            return current();
        }
        List<Path> candidates = new ArrayList<>();
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                homes.filter(home -> version(home).orElse(0) >= 21 && Files.isExecutable(home.resolve("bin/java")))
                        .forEach(candidates::add);
            }
        }
        candidates.sort((a, b) -> Integer.compare(version(b).orElse(0), version(a).orElse(0)));
        if (candidates.isEmpty()) {
            // README's test command must pass on a machine with only JDK 17: the Helidon runs are skipped there,
            // with the reason printed; CI (TEST_RETORT_REQUIRE_JDK21=true) makes the missing JDK a failure.
            String reason = "Helidon 4 needs a JDK 21 or newer: none under /usr/lib/jvm; set TEST_RETORT_JDK21 to a"
                    + " JDK's home";
            assertThat("true".equalsIgnoreCase(TestEnvironment.get(
                    TestEnvironment.REQUIRE_JDK21))).as(reason).isFalse();
            System.out.println("[retort-it] Skipped: " + reason);
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
        return candidates.get(0).resolve("bin/java").toString();
    }

    private static Optional<Integer> version(Path home) {
        try {
            Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
