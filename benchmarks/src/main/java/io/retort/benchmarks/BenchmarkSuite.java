package io.retort.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Runs the suite: every scenario on every database (PostgreSQL only when it answers), one JMH run per scenario and
 * database, then prints the results table and the targets, and writes {@code results/latest.csv}.
 *
 * <pre>
 * java -cp ... io.retort.benchmarks.BenchmarkSuite [options]
 *   -results DIR        where latest.csv, latest.md and the JMH JSON go (default: results)
 *   -db h2,sqlite,postgresql      -scenario bulk_inserts,...      -include REGEX (benchmark method names)
 *   -scale F            sizes times F (0.1 for a quick look)       -sqlite-inserts N (single_inserts on SQLite)
 *   -warmup N -iterations N -forks N   override the single shots per fork (per database) and forks
 *   -prof jfr           any JMH profiler (e.g. jfr:dir=target/jfr)
 *   -smoke              every benchmark once, tiny sizes, in this JVM: the CI smoke run (nothing written)
 * </pre>
 */
public final class BenchmarkSuite {
    /** Sizes of the smoke run, small enough that every benchmark on every database runs well within a minute. */
    static final int SMOKE_SIZE = 20;
    /** Single inserts on SQLite (each commit is fsynced: about 20 ms there, so 10,000 would take minutes). */
    static final int SQLITE_SINGLE_INSERTS = 1_000;

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = run(options);
        System.out.println();
        System.out.println(report.table());
        System.out.println(report.targets());
        if (!options.smoke) {
            Path csv = options.results.resolve("latest.csv");
            report.writeCsv(csv);
            Files.writeString(options.results.resolve("latest.md"), header(options) + "\n\n" + report.table()
                    + "\n" + report.targets());
            System.out.println("Wrote " + csv.toAbsolutePath().normalize());
        }
    }

    /** What the run measured, and where; the first lines of latest.md. */
    static String header(Options options) {
        return String.format(Locale.ROOT, "Run %s on %d cores, %s %s (%s), %s; JMH single-shot, %s",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                options.forks == 0 ? "in one JVM" : options.forks > 0 ? options.forks + " fork(s)"
                        : Scenario.forks(Database.H2) + " forks on H2 and SQLite, " + Scenario.forks(Database.POSTGRESQL)
                                + " on PostgreSQL");
    }

    /** Runs the selected scenarios on the selected databases and gathers the medians. */
    static Report run(Options options) throws RunnerException, IOException {
        Report report = new Report();
        for (Database db : options.databases) {
            if (!db.available()) {
                String note = "PostgreSQL did not answer at " + db.jdbcUrl() + ": its runs are skipped";
                System.out.println(note);
                report.note(note);
                continue;
            }
            for (Scenario scenario : options.scenarios) {
                List<String> notOnDb = scenario.skippedOn(db).stream().map(s -> s[0]).toList();
                if (scenario.methods().stream().noneMatch(m -> options.selects(m) && !notOnDb.contains(m))) {
                    continue;
                }
                boolean cold = scenario.coldStart() && !options.smoke;
                int size = size(options, scenario, db);
                ChainedOptionsBuilder jmh = new OptionsBuilder()
                        .include(scenario.includePattern() + (options.include == null ? ""
                                : ".*(" + options.include + ")"))
                        .param("db", db.key())
                        .param(scenario.sizeParameter, Integer.toString(size))
                        .mode(Mode.SingleShotTime)
                        .timeUnit(TimeUnit.MILLISECONDS)
                        .warmupIterations(cold ? 0 : options.warmup >= 0 ? options.warmup
                                : Scenario.warmupIterations(db))
                        .measurementIterations(cold ? 1 : options.iterations >= 0 ? options.iterations
                                : Scenario.measurementIterations(db))
                        .warmupBatchSize(1).measurementBatchSize(1)
                        .forks(cold ? Math.max(options.forks, Scenario.COLD_FORKS)
                                : options.forks >= 0 ? options.forks : Scenario.forks(db))
                        .shouldDoGC(!options.smoke)     // a full GC between iterations: no garbage carried over
                        .shouldFailOnError(options.smoke)
                        .jvmArgsAppend(extraJvmArgs())
                        .jvmArgs("-Xms4g", "-Xmx4g", "-Dbench.run=" + Database.runId(), "-Dbench.dir="
                                + Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath().normalize());
                for (String[] skipped : scenario.skippedOn(db)) {
                    jmh.exclude(scenario.includePattern() + skipped[0] + "$");
                    report.note("Not run: " + scenario.key() + " " + Contender.ofMethod(skipped[0]).label() + " "
                            + Contender.variantOfMethod(skipped[0]) + " on " + db.key() + " (" + skipped[1] + ").");
                }
                if (!options.smoke) {
                    jmh.addProfiler(GCProfiler.class);      // bytes allocated per shot: the allocation column
                }
                if (options.profiler != null) {
                    int colon = options.profiler.indexOf(':');
                    if (colon < 0) {
                        jmh.addProfiler(options.profiler);
                    } else {
                        jmh.addProfiler(options.profiler.substring(0, colon), options.profiler.substring(colon + 1));
                    }
                }
                if (options.smoke) {
                    // The smoke run's JMH output goes to a file, so the build log stays short.
                    Path log = Path.of(System.getProperty("bench.dir", "target"), "smoke",
                            scenario.key() + "-" + db.key() + ".log");
                    Files.createDirectories(log.toAbsolutePath().getParent());
                    jmh.output(log.toString());
                } else {
                    Path json = options.results.resolve("jmh").resolve(scenario.key() + "-" + db.key() + ".json");
                    Files.createDirectories(json.getParent());
                    jmh.result(json.toString()).resultFormat(ResultFormatType.JSON);
                }
                Collection<RunResult> results = new Runner(jmh.build()).run();
                List<String> measured = new ArrayList<>();
                for (RunResult result : results) {
                    String benchmark = result.getParams().getBenchmark();
                    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                    measured.add(method);
                    Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
                    report.add(new Measurement(scenario, db, method, size,
                            result.getPrimaryResult().getStatistics().getPercentile(50.0),
                            result.getPrimaryResult().getStatistics().getN(),
                            allocated == null ? Double.NaN : allocated.getScore() / scenario.units(size)));
                }
                for (String method : scenario.methods()) {
                    boolean skipped = scenario.skippedOn(db).stream().anyMatch(s -> s[0].equals(method));
                    if (!skipped && options.selects(method) && !measured.contains(method)) {
                        String note = "FAILED: " + scenario.key() + " " + method + " on " + db.key()
                                + " produced no result (see the JMH output above)";
                        System.out.println(note);
                        report.note(note);
                    }
                }
            }
        }
        if (options.sqliteInserts(SQLITE_SINGLE_INSERTS) != Scenario.SINGLE_INSERTS.fullSize
                && options.scenarios.contains(Scenario.SINGLE_INSERTS) && options.databases.contains(Database.SQLITE)
                && !options.smoke) {
            report.note("single_inserts on SQLite runs " + options.sqliteInserts(SQLITE_SINGLE_INSERTS)
                    + " inserts, not " + Scenario.SINGLE_INSERTS.fullSize + ": each commit is fsynced.");
        }
        report.computeRatios();
        return report;
    }

    private static int size(Options options, Scenario scenario, Database db) {
        if (options.smoke) {
            return scenario.smokeSize(SMOKE_SIZE);
        }
        if (!scenario.scalable()) {
            return scenario.fullSize;
        }
        int full = scenario == Scenario.SINGLE_INSERTS && db == Database.SQLITE
                ? options.sqliteInserts(SQLITE_SINGLE_INSERTS) : scenario.fullSize;
        return Math.max(1, (int) Math.round(full * options.scale));
    }

    /** The suite's command-line options. */
    static final class Options {
        Path results = Path.of("results");
        List<Database> databases = new ArrayList<>(Arrays.asList(Database.values()));
        List<Scenario> scenarios = new ArrayList<>(Arrays.asList(Scenario.values()));
        @Nullable String include;
        double scale = 1.0;
        int sqliteInserts = -1;
        int warmup = -1;
        int iterations = -1;
        /** JVM forks per benchmark; -1: as {@link Scenario#forks} says for the database. */
        int forks = -1;
        @Nullable String profiler;
        boolean smoke;

        /** Whether {@code -include} selects this benchmark method. */
        boolean selects(String method) {
            return include == null || java.util.regex.Pattern.compile(include).matcher(method).find();
        }

        int sqliteInserts(int defaultCount) {
            return sqliteInserts > 0 ? sqliteInserts : defaultCount;
        }

        static Options parse(String... args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-results":
                        options.results = Path.of(args[++i]);
                        break;
                    case "-db":
                        options.databases = new ArrayList<>();
                        for (String key : args[++i].split(",")) {
                            options.databases.add(Database.of(key.trim()));
                        }
                        break;
                    case "-scenario":
                        options.scenarios = new ArrayList<>();
                        for (String key : args[++i].split(",")) {
                            options.scenarios.add(Scenario.of(key.trim()));
                        }
                        break;
                    case "-include":
                        options.include = args[++i];
                        break;
                    case "-scale":
                        options.scale = Double.parseDouble(args[++i]);
                        break;
                    case "-sqlite-inserts":
                        options.sqliteInserts = Integer.parseInt(args[++i]);
                        break;
                    case "-warmup":
                        options.warmup = Integer.parseInt(args[++i]);
                        break;
                    case "-iterations":
                        options.iterations = Integer.parseInt(args[++i]);
                        break;
                    case "-forks":
                        options.forks = Integer.parseInt(args[++i]);
                        break;
                    case "-prof":
                        options.profiler = args[++i];
                        break;
                    case "-smoke":
                        options.smoke = true;
                        options.forks = 0;
                        options.warmup = 0;
                        options.iterations = 1;
                        break;
                    default:
                        throw new IllegalArgumentException("Unknown option " + arg + "; see the Javadoc of "
                                + BenchmarkSuite.class.getName() + " or benchmarks/README.md");
                }
            }
            return options;
        }
    }

    /** More options for the benchmark JVMs, from the environment variable {@code BENCH_JVM} (e.g. {@code -Xlog:gc}). */
    private static String[] extraJvmArgs() {
        String extra = System.getenv("BENCH_JVM");
        return extra == null || extra.isBlank() ? new String[0] : extra.trim().split("\\s+");
    }
}
