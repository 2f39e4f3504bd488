package io.retort.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The five scenarios of SQLAlchemy's {@code examples/performance}, each a JMH class whose methods are the
 * contenders' variants, with its size parameter, full size and raw-JDBC baseline (the variant every ratio divides
 * by). How many single shots the full suite runs depends on the database alone (see {@link #warmupIterations}).
 */
public enum Scenario {
    BULK_INSERTS(BulkInserts.class, "rows", 100_000, "jdbc_batch"),
    BULK_UPDATES(BulkUpdates.class, "rows", 100_000, "jdbc_batch"),
    LARGE_RESULTSETS(LargeResultsets.class, "rows", 500_000, "jdbc_objects"),
    SHORT_SELECTS(ShortSelects.class, "lookups", 10_000, "jdbc_prepare_each"),
    SINGLE_INSERTS(SingleInserts.class, "inserts", 10_000, "jdbc_connection_each"),
    /**
     * Startup with 50 mapped classes, Retort in a Weld SE container against Hibernate ORM's bootstrap (the
     * baseline): every measured shot is the first in a fresh JVM ({@link #coldStart}); the size is fixed by the
     * generated model.
     */
    STARTUP(Startup.class, "classes", 50, "hibernate_bootstrap"),
    /** 16 threads on one pool of 10, each doing 10,000 lookups and 1,000 insert transactions; the size is threads. */
    CONCURRENCY(Concurrency.class, "threads", 16, "jdbc_agroal");

    final Class<?> benchmarkClass;
    final String sizeParameter;
    final int fullSize;
    final String baseline;

    Scenario(Class<?> benchmarkClass, String sizeParameter, int fullSize, String baseline) {
        this.benchmarkClass = benchmarkClass;
        this.sizeParameter = sizeParameter;
        this.fullSize = fullSize;
        this.baseline = baseline;
    }

    /** Whether {@code -scale} changes the size: not the number of classes of the model, nor the threads. */
    boolean scalable() {
        return this != STARTUP && this != CONCURRENCY;
    }

    /** The size of the CI smoke run: {@code smokeSize} rows, but the whole model and two threads. */
    int smokeSize(int smokeSize) {
        return this == STARTUP ? fullSize : this == CONCURRENCY ? 2 : smokeSize;
    }

    /**
     * Whether every measured shot must be the first in its JVM: startup is measured cold, in {@value #COLD_FORKS}
     * forks of one shot each and no warmup, as a container starts.
     */
    boolean coldStart() {
        return this == STARTUP;
    }

    /** Forks of a {@link #coldStart()} scenario: one measured shot each. */
    static final int COLD_FORKS = 10;

    /**
     * What one unit of a shot is, for the allocation column: a row, a lookup, an insert; for startup the whole
     * start; for concurrency one operation (a lookup or an insert transaction).
     */
    long units(int size) {
        switch (this) {
            case STARTUP:
                return 1;
            case CONCURRENCY:
                return (long) size * (Concurrency.LOOKUPS + Concurrency.INSERTS);
            default:
                return size;
        }
    }

    /**
     * Single shots on H2 and SQLite are short enough to afford more of them: the JIT reaches its steady state on the
     * ORM paths after about five, and the median of seven is steadier than that of three on a shared machine.
     */
    private static final int EMBEDDED_WARMUP = 5;
    private static final int EMBEDDED_MEASUREMENT = 7;

    /**
     * PostgreSQL's shots are longer (Hibernate's bulk inserts take about ten seconds each) and run in one fork, but
     * a round trip through the loopback can stall a shot to three times its neighbours: the median of five shots
     * stands against two such stalls, that of three against one.
     */
    private static final int SERVER_WARMUP = 3;
    private static final int SERVER_MEASUREMENT = 5;

    /**
     * JVM forks on {@code db}: two on H2 and SQLite, whose shots are short, since one JVM's JIT and memory layout can
     * set a benchmark a third off another's for the whole fork; the median is then taken over both forks' shots.
     */
    static int forks(Database db) {
        return db == Database.POSTGRESQL ? 1 : EMBEDDED_FORKS;
    }

    private static final int EMBEDDED_FORKS = 2;

    /** The warmup single shots of every benchmark on {@code db}, in each fork. */
    static int warmupIterations(Database db) {
        return db == Database.POSTGRESQL ? SERVER_WARMUP : EMBEDDED_WARMUP;
    }

    /** The measured single shots of every benchmark on {@code db}, in each fork. */
    static int measurementIterations(Database db) {
        return db == Database.POSTGRESQL ? SERVER_MEASUREMENT : EMBEDDED_MEASUREMENT;
    }

    /** The name in results: {@code bulk_inserts}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The scenario of a key. */
    public static Scenario of(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }

    /** The scenario a full benchmark name ({@code io.retort.benchmarks.BulkInserts.jdbc_batch}) belongs to. */
    public static Scenario ofBenchmark(String benchmark) {
        String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
        for (Scenario scenario : values()) {
            if (scenario.benchmarkClass.getName().equals(className)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("No scenario runs " + benchmark);
    }

    /** The JMH include pattern of this scenario's benchmarks. */
    String includePattern() {
        return "^" + benchmarkClass.getName().replace(".", "\\.") + "\\.";
    }

    /** The benchmark methods, in source-independent (sorted) order. */
    List<String> methods() {
        List<String> methods = new ArrayList<>();
        for (Method method : benchmarkClass.getMethods()) {
            if (method.isAnnotationPresent(Benchmark.class)) {
                methods.add(method.getName());
            }
        }
        methods.sort(null);
        return methods;
    }

    /** The methods marked {@link NotOn} this database, with why. */
    List<String[]> skippedOn(Database db) {
        List<String[]> skipped = new ArrayList<>();
        for (Method method : benchmarkClass.getMethods()) {
            NotOn notOn = method.getAnnotation(NotOn.class);
            if (notOn != null && Arrays.asList(notOn.value()).contains(db)) {
                skipped.add(new String[] {method.getName(), notOn.reason()});
            }
        }
        return skipped;
    }
}
