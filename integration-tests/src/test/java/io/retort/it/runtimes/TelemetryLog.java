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

    private static List<String> lines(Path log, String exporter) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int at = line.indexOf(exporter);
            if (at >= 0) {
                int json = line.indexOf('{', at);
                if (json >= 0) {
                    lines.add(line.substring(json));
                }
            }
        }
        return lines;
    }
}
