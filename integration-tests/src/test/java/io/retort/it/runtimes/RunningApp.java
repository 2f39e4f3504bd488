package io.retort.it.runtimes;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An example application started as its own process (as a user runs it: {@code java -jar ...}), with its output in
 * a log file, driven over HTTP, and stopped.
 */
final class RunningApp implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    final String name;
    final int port;
    final Path log;
    final long startupMillis;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningApp(String name, int port, Path log, Process process, long startupMillis) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.startupMillis = startupMillis;
    }

    /**
     * Starts the command with the environment added, and waits until {@code readyPath} answers 200.
     *
     * @param portVariable the environment variable that sets the HTTP port
     */
    static RunningApp start(String name, List<String> command, Map<String, String> environment, String portVariable,
            String readyPath) throws IOException, InterruptedException {
        return start(name, command, environment, portVariable, readyPath, START_TIMEOUT);
    }

    /** As {@link #start(String, List, Map, String, String)}, waiting at most {@code timeout} for it to answer. */
    static RunningApp start(String name, List<String> command, Map<String, String> environment, String portVariable,
            String readyPath, Duration timeout) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        // Its working directory is under target/, where Narayana's object store goes.
        Path work = Files.createDirectories(Path.of("target", name).toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(work.toFile());
        // The test run's TEST_RETORT_* variables are not the app's business (they are outside the retort.* keys).
        builder.environment().keySet().removeIf(variable -> variable.startsWith("TEST_RETORT_"));
        builder.environment().putAll(environment);
        builder.environment().put(portVariable, Integer.toString(port));
        long started = System.nanoTime();
        Process process = builder.start();
        RunningApp app = new RunningApp(name, port, log, process, 0);
        long deadline = started + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it answered:\n"
                        + app.logTail());
            }
            try {
                if (app.get(readyPath).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                app.close();
                throw new AssertionError(name + " did not answer within " + timeout + ":\n" + app.logTail());
            }
            Thread.sleep(50);
        }
        return new RunningApp(name, port, log, process, (System.nanoTime() - started) / 1_000_000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a request carrying a W3C {@code traceparent} header, so that the app's server span joins the trace
     * {@code traceId} (32 hex digits); {@code json} null sends a GET, else a POST of it.
     */
    HttpResponse<String> traced(String path, String json, String traceId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The last lines the application printed. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops the application (SIGTERM, then SIGKILL after 30 s) and waits for it to exit; the processes it started
     * (Quarkus dev mode runs the application in a JVM of its own under Maven's) are stopped first.
     */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
