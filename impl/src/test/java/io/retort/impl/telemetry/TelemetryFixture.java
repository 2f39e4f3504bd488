package io.retort.impl.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.retort.testing.TestDatabase;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** An OpenTelemetry SDK with in-memory exporters, and readers of what it recorded. */
public final class TelemetryFixture implements AutoCloseable {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();

    /** The SDK, for {@code EngineOptions.openTelemetry}. */
    public OpenTelemetrySdk sdk() {
        return sdk;
    }

    /** The spans ended so far. */
    public List<SpanData> spans() {
        return spans.getFinishedSpanItems();
    }

    /** Forgets the spans ended so far. */
    public void resetSpans() {
        spans.reset();
    }

    /** The metrics now, by name. */
    public Map<String, MetricData> metrics() {
        Collection<MetricData> all = metrics.collectAllMetrics();
        Map<String, MetricData> byName = new java.util.TreeMap<>();
        for (MetricData data : all) {
            byName.put(data.getName(), data);
        }
        return byName;
    }

    /** The count of a histogram's point whose attributes include {@code key=value}, or 0. */
    public static long histogramCount(MetricData data, AttributeKey<String> key, String value) {
        return data.getHistogramData().getPoints().stream().filter(p -> value.equals(p.getAttributes().get(key)))
                .mapToLong(p -> p.getCount()).sum();
    }

    /** The count of all of a histogram's points. */
    public static long histogramCount(MetricData data) {
        return data.getHistogramData().getPoints().stream().mapToLong(p -> p.getCount()).sum();
    }

    /** The value of a long sum's point whose attributes include {@code key=value} (all points when key is null). */
    public static long sum(MetricData data, AttributeKey<String> key, String value) {
        return data.getLongSumData().getPoints().stream()
                .filter(p -> key == null || value.equals(p.getAttributes().get(key)))
                .mapToLong(p -> p.getValue()).sum();
    }

    /** Every attribute value of a span, as text. */
    public static List<String> attributeValues(SpanData span) {
        Attributes attributes = span.getAttributes();
        return attributes.asMap().values().stream().map(String::valueOf).toList();
    }

    /** The {@code db.system.name} Retort reports for a test database. */
    public static String systemName(TestDatabase database) {
        return database == TestDatabase.H2 ? "h2database" : database.id();
    }

    @Override
    public void close() {
        sdk.close();
    }
}
