package io.retort.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Core against raw JDBC in pairs, on a machine too loaded for single wall-clock shots: each pair runs the JDBC
 * baseline and the Retort variant back to back in alternating order, in one JVM, and measures the CPU time of the
 * running thread; the median of the pairs' ratios is printed. {@code read} is {@code large_resultsets}
 * ({@code jdbc_objects} against {@code core_rows}, 500,000 rows), {@code write} is {@code bulk_inserts}
 * ({@code jdbc_batch} against {@code core_executemany}, 100,000 rows), {@code lookup} is {@code short_selects}
 * ({@code jdbc_prepare_each} against {@code core_select}, 10,000 lookups); {@code orm-read}, {@code orm-write} and
 * {@code orm-get} pair the same baselines with {@code orm_load}, {@code orm_add_flush} and
 * {@code orm_get_new_session}; {@code connection-each} pairs {@code jdbc_prepare_each} with raw JDBC's own connection
 * and transaction per lookup ({@code jdbc_connection_each}), the floor of a session per lookup; {@code write-returning}
 * and {@code jdbc-returning} pair {@code jdbc_batch} with an insert that reads every key back
 * ({@code core_executemany_returning}, {@code jdbc_multi_values_returning}), the floors of an ORM flush. On H2 and SQLite the
 * thread's CPU time is the whole cost but for the garbage collector's threads; on PostgreSQL it is the client's part
 * only.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am -DskipTests package exec:exec -Dbenchmarks.main=io.retort.benchmarks.CorePaired \
 *     -Dbench.args="h2 read 12 4"      # database, pair, measured pairs, warm-up pairs
 * </pre>
 */
public final class CorePaired {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CorePaired() {
    }

    private interface Shot {
        void run() throws Exception;
    }

    private static long cpuNanos(Shot before, Shot shot, Shot after) throws Exception {
        before.run();
        System.gc();
        long start = THREADS.getCurrentThreadCpuTime();
        shot.run();
        long spent = THREADS.getCurrentThreadCpuTime() - start;
        after.run();
        return spent;
    }

    /** Runs the pairs; arguments: database, the pair ({@code read}, {@code orm-get}, ...), measured pairs, warm-up pairs. */
    public static void main(String[] args) throws Exception {
        String db = args[0];
        String mode = args[1];
        int pairs = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        Blackhole blackhole = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes"
                + " directly is dangerous.");
        Shot jdbc;
        Shot core;
        Shot before = () -> { };
        Shot after = () -> { };
        Fixture fixture = Fixture.forContender(db, mode.startsWith("orm-") ? Contender.ORM : Contender.CORE);
        switch (mode) {
            case "read", "read-objects", "orm-read" -> {
                LargeResultsets scenario = new LargeResultsets();
                scenario.db = db;
                scenario.rows = 500_000;
                scenario.fixture = fixture;
                fixture.seed(scenario.rows);
                jdbc = scenario::jdbc_objects;
                core = mode.equals("read") ? () -> scenario.core_rows(blackhole)
                        : mode.equals("read-objects") ? scenario::core_objects : scenario::orm_load;
            }
            case "write", "write-returning", "jdbc-returning", "orm-write" -> {
                BulkInserts scenario = new BulkInserts();
                scenario.db = db;
                scenario.rows = 100_000;
                scenario.fixture = fixture;
                scenario.names = Fixture.names(scenario.rows);
                scenario.descriptions = Fixture.descriptions(scenario.rows);
                jdbc = scenario::jdbc_batch;
                core = switch (mode) {
                    case "write" -> scenario::core_executemany;
                    case "write-returning" -> scenario::core_executemany_returning;
                    case "jdbc-returning" -> scenario::jdbc_multi_values_returning;
                    default -> scenario::orm_add_flush;
                };
                before = scenario::emptyTable;
                after = scenario::check;
            }
            case "lookup", "orm-get", "connection-each" -> {
                ShortSelects scenario = new ShortSelects();
                scenario.db = db;
                scenario.lookups = 10_000;
                scenario.fixture = fixture;
                scenario.shuffleKeys();
                jdbc = () -> scenario.jdbc_prepare_each(blackhole);
                core = mode.equals("lookup") ? () -> scenario.core_select(blackhole)
                        : mode.equals("connection-each") ? () -> scenario.jdbc_connection_each(blackhole)
                        : () -> scenario.orm_get_new_session(blackhole);
            }
            default -> throw new IllegalArgumentException("Unknown pair " + mode
                    + ": use read, write, write-returning, jdbc-returning, lookup, orm-read, orm-write, orm-get or"
                    + " connection-each");
        }
        List<Double> ratios = new ArrayList<>();
        List<Long> jdbcNanos = new ArrayList<>();
        List<Long> coreNanos = new ArrayList<>();
        try {
            for (int i = 0; i < warmup + pairs; i++) {
                long j;
                long c;
                if ((i & 1) == 0) {
                    j = cpuNanos(before, jdbc, after);
                    c = cpuNanos(before, core, after);
                } else {
                    c = cpuNanos(before, core, after);
                    j = cpuNanos(before, jdbc, after);
                }
                if (i >= warmup) {
                    ratios.add((double) c / j);
                    jdbcNanos.add(j);
                    coreNanos.add(c);
                }
            }
        } finally {
            fixture.close();
        }
        Collections.sort(ratios);
        Collections.sort(jdbcNanos);
        Collections.sort(coreNanos);
        System.out.printf(Locale.ROOT, "%s %s: jdbc %.1f ms, retort %.1f ms (median cpu); median ratio %.3f"
                + " (quartiles %.3f, %.3f), %d pairs%n", mode, db,
                jdbcNanos.get(jdbcNanos.size() / 2) / 1e6, coreNanos.get(coreNanos.size() / 2) / 1e6,
                ratios.get(ratios.size() / 2), ratios.get(ratios.size() / 4), ratios.get(3 * ratios.size() / 4),
                ratios.size());
    }
}
