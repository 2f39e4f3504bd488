package io.retort.it.runtimes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: Quarkus dev mode ({@code quarkus:dev}) recompiles changed classes itself, without Maven's plugins, so the
 * {@code byte-buddy-maven-plugin} never sees them; the {@code quarkus-retort} extension enhances them with a bytecode
 * transformer instead. This test starts a copy of {@code examples/quarkus} in dev mode (with no {@code retort.url}:
 * the extension runs the database in memory), adds a mapped field (a new column) to {@code User} and serves it from
 * {@code Users}, and shows the next request answered by the reloaded app with the new column, never refused as not
 * enhanced.
 *
 * <p>The copy is built in a reactor of its own ({@code target/dev-mode}: the repository's root and the copy), so that
 * Maven resolves Retort's modules from their build output, and by Maven 3.9 (Quarkus dev mode refuses older ones),
 * which {@code integration-tests} unpacks from Maven Central into {@code target/maven}.
 */
class DevModeIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path REACTOR = Path.of("target", "dev-mode").toAbsolutePath();
    private static final Path APP = REACTOR.resolve("app");
    private static final Path SOURCES = APP.resolve("src/main/java/io/retort/examples/quarkus");

    @Test
    void anEntityEditedInDevModeIsEnhancedAndServed() throws Exception {
        copyExample();
        String maven = System.getProperty("it.dev-mode.maven");
        assertThat(maven).as("it.dev-mode.maven (set by integration-tests' pom)").isNotBlank();
        List<String> command = List.of("bash", Path.of(maven, "bin", "mvn").toString(), "-B",
                "-f", REACTOR.resolve("pom.xml").toString(), "-pl", "app", "-am", "compile",
                "io.quarkus:quarkus-maven-plugin:3.33.2:dev", "-Ddebug=false", "-Dquarkus.console.enabled=false");
        try (RunningApp app = RunningApp.start("quarkus-dev", command, Map.of(), "QUARKUS_HTTP_PORT",
                "/users/seeded", Duration.ofMinutes(10))) {
            String log = Files.readString(app.log, StandardCharsets.UTF_8);
            assertThat(log).as("the dev database").contains("retort.url is not set: dev mode runs the default database"
                    + " in memory, h2:mem:retort-dev-");
            int before = RuntimeAppsIT.number(created(app, "patrick"), "id");
            assertThat(app.get("/users/" + before).body()).contains("\"name\":\"patrick\"").doesNotContain("nickname");

            addNickname();
            // A request finds the changed sources (dev mode looks at most every few seconds): Quarkus recompiles,
            // transforms and restarts, then answers. Until then the old app answers, without the new column.
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            HttpResponse<String> read;
            int id;
            do {
                Thread.sleep(1000);
                id = RuntimeAppsIT.number(created(app, "spongebob"), "id");
                read = app.get("/users/" + id);
                assertThat(read.statusCode()).as("%s\n%s", read.body(), app.logTail()).isEqualTo(200);
            } while (!read.body().contains("nickname") && System.nanoTime() < deadline);
            String reloaded = Files.readString(app.log, StandardCharsets.UTF_8);
            assertThat(read.body()).as(app.logTail()).contains("\"name\":\"spongebob\"", "\"nickname\":\"spongebob-nick\"");
            assertThat(reloaded).contains("Restarting quarkus due to changes in").doesNotContain("was not enhanced");
            // Printed only: RuntimeAppsIT starts target/runtime-apps.txt afresh.
            System.out.println("[runtime-apps] Quarkus dev mode: User gained a mapped field in the running app; after"
                    + " the reload GET /users/" + id + " answered " + read.body());
        }
    }

    /** POSTs a user (retrying while dev mode restarts and the request times out); the response body. */
    private static String created(RunningApp app, String name) throws Exception {
        String json = "{\"name\":\"" + name + "\",\"email\":\"" + name + "@example.org\"}";
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = app.post("/users", json);
                assertThat(response.statusCode()).as("%s\n%s", response.body(), app.logTail()).isEqualTo(201);
                return response.body();
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** A copy of examples/quarkus (renamed, so that it and the original can share the reactor) and the reactor. */
    private static void copyExample() throws IOException {
        if (Files.exists(REACTOR)) {
            try (Stream<Path> files = Files.walk(REACTOR)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Path example = ROOT.resolve("examples/quarkus");
        try (Stream<Path> files = Files.walk(example.resolve("src"))) {
            files.forEach(path -> {
                Path target = APP.resolve(example.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        String pom = Files.readString(example.resolve("pom.xml"), StandardCharsets.UTF_8);
        Files.writeString(APP.resolve("pom.xml"), replace(pom, "<artifactId>retort-example-quarkus</artifactId>",
                "<artifactId>retort-example-quarkus-dev</artifactId>"), StandardCharsets.UTF_8);
        Files.writeString(REACTOR.resolve("pom.xml"), String.join("\n",
                "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
                "  <modelVersion>4.0.0</modelVersion>",
                "  <groupId>io.retort.it</groupId>",
                "  <artifactId>dev-mode-reactor</artifactId>",
                "  <version>0</version>",
                "  <packaging>pom</packaging>",
                "  <modules>",
                "    <module>" + REACTOR.relativize(ROOT) + "</module>",
                "    <module>app</module>",
                "  </modules>",
                "</project>", ""), StandardCharsets.UTF_8);
    }

    /** The edit: a new mapped field (a NOT NULL column) in User, and the view of a user showing it. */
    private static void addNickname() throws IOException {
        Path user = SOURCES.resolve("User.java");
        String source = Files.readString(user, StandardCharsets.UTF_8);
        source = replace(source, "    @Nullable String fullname;\n",
                "    @Nullable String fullname;\n    @Column(length = 40) String nickname;\n");
        source = replace(source, "        this.name = \"\";\n", "        this.name = \"\";\n        this.nickname = \"\";\n");
        source = replace(source, "        this.fullname = fullname;\n",
                "        this.fullname = fullname;\n        this.nickname = name + \"-nick\";\n");
        Files.writeString(user, source, StandardCharsets.UTF_8);
        Path users = SOURCES.resolve("Users.java");
        source = Files.readString(users, StandardCharsets.UTF_8);
        source = replace(source, "List<String> emails)", "List<String> emails, String nickname)");
        source = replace(source, "user.fullname, emails)", "user.fullname, emails, user.nickname)");
        Files.writeString(users, source, StandardCharsets.UTF_8);
    }

    private static String replace(String text, String old, String replacement) {
        assertThat(text).as("the example's source to edit").contains(old);
        return text.replace(old, replacement);
    }
}
