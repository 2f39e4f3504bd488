package io.retort.benchmarks;

import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.Row;
import io.retort.schema.Table;
import io.retort.sql.Select;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.jspecify.annotations.Nullable;

/**
 * What metrics and tracing cost: {@code short_selects}' Core lookups (10,000 by primary key on one connection, one
 * statement with {@code bindParam}) with {@code telemetry} {@code off} (the default options), {@code api} (metrics
 * and tracing on, the OpenTelemetry API without an SDK: what an application without an agent gets from
 * {@code GlobalOpenTelemetry}) and {@code sdk} (on, an SDK with no span processor and no metric reader: spans and
 * measurements are made, nothing is exported). Not part of {@link BenchmarkSuite}; run it with JMH's own main:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am -DskipTests package exec:exec -Dbenchmarks.main=org.openjdk.jmh.Main \
 *     -Dbench.args="OperationsOverhead -p db=h2"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 15)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class OperationsOverhead {
    @Param({"h2"})
    public String db;

    @Param({"off", "api", "sdk"})
    public String telemetry;

    @Param({"10000"})
    public int lookups;

    Fixture fixture;
    int[] ids;
    @Nullable OpenTelemetrySdk sdk;
    /** CPU time of the benchmark thread in each measured shot: H2 runs in it, and on a loaded machine it varies far
     *  less than wall time does. Printed at the end of each fork. */
    final List<Long> cpuNanos = new ArrayList<>();
    boolean measuring;
    /** For {@link #core_bindparam_paired}: an engine with the default options beside the variant's. */
    Engine offEngine;
    final List<long[]> pairs = new ArrayList<>();
    int invocation;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    @Setup(Level.Trial)
    public void openFixture(BenchmarkParams params) throws SQLException {
        fixture = Fixture.open(db, params);
        fixture.seed(lookups);
        List<Integer> keys = new ArrayList<>(fixture.ids());
        Collections.shuffle(keys, new Random(42));
        ids = keys.stream().mapToInt(Integer::intValue).toArray();
        EngineOptions.Builder options = EngineOptions.builder();
        switch (telemetry) {
            case "off":
                break;
            case "api":
                options.metrics(true).tracing(true).openTelemetry(OpenTelemetry.noop());
                break;
            case "sdk":
                sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build())
                        .setMeterProvider(SdkMeterProvider.builder().build()).build();
                options.metrics(true).tracing(true).openTelemetry(sdk);
                break;
            default:
                throw new IllegalArgumentException("telemetry is off, api or sdk, not " + telemetry);
        }
        fixture.engine().close();
        fixture.useEngine(Engine.create(fixture.db.retortUrl(), options.build()));
        offEngine = Engine.create(fixture.db.retortUrl(), EngineOptions.defaults());
    }

    @Setup(Level.Iteration)
    public void iteration(org.openjdk.jmh.infra.IterationParams params) {
        measuring = params.getType() == org.openjdk.jmh.runner.IterationType.MEASUREMENT;
    }

    @TearDown(Level.Trial)
    public void closeFixture() throws SQLException {
        List<Long> sorted = new ArrayList<>(cpuNanos);
        Collections.sort(sorted);
        if (!pairs.isEmpty()) {
            for (int clock = 0; clock < 2; clock++) {
                List<Double> ratios = new ArrayList<>();
                List<Long> offs = new ArrayList<>();
                List<Long> ons = new ArrayList<>();
                for (long[] pair : pairs) {
                    ratios.add((double) pair[2 * clock + 1] / pair[2 * clock]);
                    offs.add(pair[2 * clock]);
                    ons.add(pair[2 * clock + 1]);
                }
                Collections.sort(ratios);
                Collections.sort(offs);
                Collections.sort(ons);
                System.out.printf(java.util.Locale.ROOT, "%npaired %s-ms telemetry=%s db=%s off=%.1f on=%.1f"
                        + " median-ratio=%.3f pairs=%d%n", clock == 0 ? "cpu" : "wall", telemetry, db,
                        offs.get(offs.size() / 2) / 1e6, ons.get(ons.size() / 2) / 1e6,
                        ratios.get(ratios.size() / 2), ratios.size());
            }
        }
        offEngine.close();
        if (!sorted.isEmpty()) {
            System.out.printf(java.util.Locale.ROOT, "%ncpu-ms telemetry=%s db=%s median=%.1f min=%.1f shots=%d%n",
                    telemetry, db, sorted.get(sorted.size() / 2) / 1e6, sorted.get(0) / 1e6, sorted.size());
        }
        fixture.close();
        if (sdk != null) {
            sdk.close();
        }
    }

    /** {@code ShortSelects.core_bindparam}: one statement with {@code bindParam("b_id", INTEGER)}, each key. */
    @Benchmark
    public void core_bindparam(Blackhole blackhole) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        lookups(fixture.engine(), blackhole);
        if (measuring) {
            cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
        }
    }

    /**
     * The lookups on an engine with everything off and on the variant's engine in the same shot, in alternating
     * order: a pair sees the same load of the machine, so the median of the pairs' CPU-time ratios is the cost
     * even where single shots vary by a factor of two. The medians of the pairs' CPU-time and wall-time ratios are
     * printed at the end of each fork.
     */
    @Benchmark
    public void core_bindparam_paired(Blackhole blackhole) {
        boolean offFirst = (invocation++ & 1) == 0;
        long[] pair = new long[4];
        for (int i = 0; i < 2; i++) {
            boolean off = offFirst == (i == 0);
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            lookups(off ? offEngine : fixture.engine(), blackhole);
            pair[off ? 0 : 1] = THREADS.getCurrentThreadCpuTime() - cpu;
            pair[off ? 2 : 3] = System.nanoTime() - wall;
        }
        if (measuring) {
            pairs.add(pair);
        }
    }

    private void lookups(Engine engine, Blackhole blackhole) {
        Table t = fixture.customers;
        Select statement = select(t.c("id"), t.c("name"), t.c("description"))
                .where(t.c("id", Integer.class).eq(bindParam("b_id", INTEGER)));
        try (Connection conn = engine.connect()) {
            for (int id : ids) {
                Row row = conn.execute(statement, Map.of("b_id", id)).one();
                blackhole.consume(row.get(0, Integer.class));
                blackhole.consume(row.get(1, String.class));
                blackhole.consume(row.get(2, String.class));
            }
            conn.commit();
        }
    }
}
