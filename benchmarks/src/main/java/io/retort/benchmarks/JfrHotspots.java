package io.retort.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of JFR recordings of the JMH worker thread inside the
 * benchmark method (not its setup), as {@code -prof jfr} writes them: the hottest methods by self time (the top frame), the Retort methods by inclusive
 * time (on the stack), and the Retort method closest to the top of each sample ("the Retort code responsible").
 *
 * <pre>
 * java -cp ... io.retort.benchmarks.JfrHotspots [-top N] FILE.jfr|DIR ...
 * </pre>
 */
public final class JfrHotspots {
    private JfrHotspots() {
    }

    public static void main(String[] args) throws IOException {
        int top = 15;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-top")) {
                top = Integer.parseInt(args[++i]);
            } else {
                Path path = Path.of(args[i]);
                if (Files.isDirectory(path)) {
                    try (Stream<Path> walk = Files.walk(path)) {
                        walk.filter(p -> p.toString().endsWith(".jfr")).sorted().forEach(files::add);
                    }
                } else {
                    files.add(path);
                }
            }
        }
        for (Path file : files) {
            summarise(file, top);
        }
    }

    static void summarise(Path file, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> retortInclusive = new HashMap<>();
        Map<String, Integer> retortNearest = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            if (event.getThread("sampledThread") == null
                    || !String.valueOf(event.getThread("sampledThread").getJavaName()).contains("jmh-worker")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (frames.stream().noneMatch(f -> f.getMethod().getName().endsWith("_jmhStub"))) {
                continue;       // setup, teardown and JMH's own work: not the benchmark method
            }
            samples++;
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            layers.merge(layer(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            boolean nearestFound = false;
            for (RecordedFrame frame : frames) {
                String name = name(frame.getMethod());
                if (name.startsWith("io.retort.") && !name.startsWith("io.retort.benchmarks.")) {
                    if (seen.add(name)) {
                        retortInclusive.merge(name, 1, Integer::sum);
                    }
                    if (!nearestFound) {
                        retortNearest.merge(name, 1, Integer::sum);
                        nearestFound = true;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n== %s: %d samples of the JMH worker thread%n", file, samples);
        print("layer of the first non-JDK frame", layers, samples, top);
        print("self (top frame)", self, samples, top);
        print("Retort code nearest the top of the stack", retortNearest, samples, top);
        print("Retort methods on the stack (inclusive)", retortInclusive, samples, top);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / samples,
                        e.getKey()));
    }

    /** Who spends a sample: the first frame outside the JDK (a JDK frame counts for the code that called it). */
    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            if (type.startsWith("org.h2.") || type.startsWith("org.sqlite.") || type.startsWith("org.postgresql.")) {
                return "JDBC driver / embedded database";
            }
            if (type.startsWith("io.agroal.")) {
                return "Agroal pool";
            }
            if (type.startsWith("io.retort.benchmarks.")) {
                return "benchmark code";
            }
            if (type.startsWith("io.retort.")) {
                return "Retort";
            }
            return type.substring(0, Math.max(0, type.indexOf('.', type.indexOf('.') + 1)));
        }
        return "JDK only";
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
