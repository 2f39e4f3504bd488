package io.retort.it.runtimes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spans and metrics an app wrote to its log with OpenTelemetry's {@code logging-otlp} exporters (one line of
 * OTLP JSON per export: {@code OtlpJsonLoggingSpanExporter} and {@code OtlpJsonLoggingMetricExporter}).
 */
final class TelemetryLog {
    private static final String SPAN_EXPORTER = "OtlpJsonLoggingSpanExporter";
    private static final String METRIC_EXPORTER = "OtlpJsonLoggingMetricExporter";
    private static final Pattern SPAN = Pattern.compile(
            "^\"([0-9a-f]{32})\",\"spanId\":\"([0-9a-f]{16})\",(?:\"parentSpanId\":\"([0-9a-f]{16})\",)?\"name\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    // OTLP JSON writes 64-bit integers as strings.
    private static final Pattern COUNT = Pattern.compile("\"count\":\"?(\\d+)");
    private static final Pattern AS_INT = Pattern.compile("\"asInt\":\"?(-?\\d+)");

    private TelemetryLog() {
    }

    /** One exported span: its instrumentation scope, ids, name, and its JSON text (attributes included). */
    record Span(String scope, String traceId, String spanId, String parentSpanId, String name, String json) {
    }

    /** Every span of the log so far. */
    static List<Span> spans(Path log) throws IOException {
        List<Span> spans = new ArrayList<>();
        for (String line : lines(log, SPAN_EXPORTER)) {
            String[] scopes = line.split("\\{\"scope\":\\{\"name\":\"");
            for (int i = 1; i < scopes.length; i++) {
                String scope = scopes[i].substring(0, scopes[i].indexOf('"'));
                String[] chunks = scopes[i].split("\\{\"traceId\":");
                for (int j = 1; j < chunks.length; j++) {
                    Matcher matcher = SPAN.matcher(chunks[j]);
                    if (matcher.find()) {
                        spans.add(new Span(scope, matcher.group(1), matcher.group(2), matcher.group(3),
                                matcher.group(4), chunks[j]));
                    }
                }
            }
        }
        return spans;
    }

    /** The span export lines of the log so far, whole. */
    static List<String> spanLines(Path log) throws IOException {
        return lines(log, SPAN_EXPORTER);
    }

    /** The metric export lines of the log so far. */
    static List<String> metricLines(Path log) throws IOException {
        return lines(log, METRIC_EXPORTER);
    }

    /**
     * The JSON of each export: on the exporter's own line (Quarkus's log format), or on the next one (the JDK's
     * default {@code SimpleFormatter}, Helidon's, writes the logger and method on one line, the message on the next).
     */
    private static List<String> lines(Path log, String exporter) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            int at = line.indexOf(exporter);
            if (at >= 0) {
                int json = line.indexOf('{', at);
                if (json >= 0) {
                    lines.add(line.substring(json));
                } else if (i + 1 < all.size() && all.get(i + 1).indexOf('{') >= 0) {
                    String next = all.get(i + 1);
                    lines.add(next.substring(next.indexOf('{')));
                }
            }
        }
        return lines;
    }

    /** The JSON of the metric {@code name} in one export line, up to the next metric; empty when it has none. */
    private static String metric(String export, String name) {
        int at = export.indexOf("{\"name\":\"" + name + "\"");
        if (at < 0) {
            return "";
        }
        int next = export.indexOf("{\"name\":\"", at + 1);
        return next < 0 ? export.substring(at) : export.substring(at, next);
    }

    /** The sum of the counts of the histogram {@code name}'s data points in one export line (0 when absent). */
    static long histogramCount(String export, String name) {
        return addUp(metric(export, name), COUNT);
    }

    /** The sum of the integer values of the sum or gauge {@code name}'s data points in one export line. */
    static long sum(String export, String name) {
        return addUp(metric(export, name), AS_INT);
    }

    private static long addUp(String json, Pattern value) {
        long total = 0;
        Matcher matcher = value.matcher(json);
        while (matcher.find()) {
            total += Long.parseLong(matcher.group(1));
        }
        return total;
    }
}
