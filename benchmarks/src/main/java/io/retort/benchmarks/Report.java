package io.retort.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns measurements into the suite's outputs: ratios to the raw-JDBC baseline of the same scenario and database,
 * a Markdown table, the CSV {@code scenario,db,contender,variant,median_ms,ratio_to_jdbc,bytes_per_unit}, and the
 * check of Retort's targets (issues 9, 19, 21 and 27). The baseline is raw JDBC except in {@code startup}, where it is
 * Hibernate ORM's bootstrap.
 */
final class Report {
    static final String CSV_HEADER = "scenario,db,contender,variant,median_ms,ratio_to_jdbc,bytes_per_unit";

    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Measurement measurement) {
        measurements.add(measurement);
    }

    void note(String note) {
        notes.add(note);
    }

    List<Measurement> measurements() {
        return measurements;
    }

    /** Sets every ratio, sorts by scenario, database, contender and variant. */
    void computeRatios() {
        for (Measurement m : measurements) {
            Measurement baseline = find(m.scenario, m.db, m.scenario.baseline);
            m.ratioToJdbc = baseline == null ? Double.NaN : m.medianMs / baseline.medianMs;
        }
        measurements.sort(Comparator.<Measurement, Integer>comparing(m -> m.scenario.ordinal())
                .thenComparing(m -> m.db.ordinal())
                .thenComparing(m -> m.contender.ordinal())
                .thenComparing(m -> m.variant));
    }

    private @Nullable Measurement find(Scenario scenario, Database db, String method) {
        for (Measurement m : measurements) {
            if (m.scenario == scenario && m.db == db && m.method.equals(method)) {
                return m;
            }
        }
        return null;
    }

    private @Nullable Measurement find(Scenario scenario, Database db, Contender contender, String variant) {
        for (Measurement m : measurements) {
            if (m.db == db && m.is(scenario, contender, variant)) {
                return m;
            }
        }
        return null;
    }

    String csv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Measurement m : measurements) {
            csv.append(m.csvLine()).append('\n');
        }
        return csv.toString();
    }

    void writeCsv(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, csv());
    }

    /** The Markdown table: scenario, database, contender, variant, rows, median ms, ratio to JDBC. */
    String table() {
        StringBuilder table = new StringBuilder();
        table.append("| scenario | db | contender | variant | size | median ms | ratio to baseline"
                + " | bytes per unit |\n");
        table.append("|---|---|---|---|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %,d | %.1f | %s | %s |%n",
                    m.scenario.key(), m.db.key(), m.contender.label(),
                    m.variant + (m.isBaseline() ? " (baseline)" : ""), m.size, m.medianMs,
                    Double.isNaN(m.ratioToJdbc) ? "" : String.format(Locale.ROOT, "%.2f", m.ratioToJdbc),
                    Double.isNaN(m.bytesPerUnit) ? "" : String.format(Locale.ROOT, "%,.0f", m.bytesPerUnit)));
        }
        for (String note : notes) {
            table.append("\n").append(note).append('\n');
        }
        return table.toString();
    }

    /** One of the targets: a contender's variant against the baseline, and optionally against another variant. */
    private static final class Target {
        final String label;
        final Scenario scenario;
        final Contender contender;
        final String variant;
        final double maxRatio;

        Target(String label, Scenario scenario, Contender contender, String variant, double maxRatio) {
            this.label = label;
            this.scenario = scenario;
            this.contender = contender;
            this.variant = variant;
            this.maxRatio = maxRatio;
        }
    }

    private static final List<Target> TARGETS = List.of(
            new Target("Core executemany insert <= 1.10x JDBC batch", Scenario.BULK_INSERTS, Contender.CORE,
                    "executemany", 1.10),
            new Target("ORM add+flush 100k with keys <= 1.5x JDBC batch", Scenario.BULK_INSERTS, Contender.ORM,
                    "add-flush", 1.5),
            new Target("ORM bulk update <= 1.5x JDBC batch", Scenario.BULK_UPDATES, Contender.ORM, "flush", 1.5),
            // The Core contender that builds the JDBC loop's objects (a Customer per row, as the row is read).
            new Target("Core fetch 500k <= 1.3x JDBC objects loop", Scenario.LARGE_RESULTSETS, Contender.CORE,
                    "objects", 1.3),
            new Target("ORM load 500k <= 2.5x JDBC objects loop", Scenario.LARGE_RESULTSETS, Contender.ORM, "load",
                    2.5),
            new Target("Core 10k PK lookups <= 1.3x JDBC", Scenario.SHORT_SELECTS, Contender.CORE, "select", 1.3),
            new Target("ORM get on a new session each <= 1.8x JDBC", Scenario.SHORT_SELECTS, Contender.ORM,
                    "get-new-session", 1.8),
            new Target("Startup with 50 classes not slower than Hibernate's bootstrap", Scenario.STARTUP,
                    Contender.ORM, "cdi", 1.0),
            new Target("16 threads on one pool: Core throughput >= 0.9x raw JDBC on Agroal (time <= 1.11x)",
                    Scenario.CONCURRENCY, Contender.CORE, "engine", 1 / 0.9));

    /** The targets per database: ratio, and whether it holds. */
    String targets() {
        StringBuilder out = new StringBuilder("| target | db | ratio | holds |\n|---|---|---:|---|\n");
        for (Target target : TARGETS) {
            for (Database db : Database.values()) {
                Measurement m = find(target.scenario, db, target.contender, target.variant);
                if (m == null || Double.isNaN(m.ratioToJdbc)) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s |%n", target.label, db.key(),
                        m.ratioToJdbc, m.ratioToJdbc <= target.maxRatio ? "yes" : "**no**"));
            }
        }
        for (Database db : Database.values()) {
            Measurement hibernate = find(Scenario.BULK_INSERTS, db, Contender.HIBERNATE, "session-sequence");
            for (String variant : List.of("add-flush", "add-flush-sequence")) {
                Measurement orm = find(Scenario.BULK_INSERTS, db, Contender.ORM, variant);
                if (orm != null && hibernate != null) {
                    out.append(String.format(Locale.ROOT, "| ORM %s 100k faster than Hibernate SEQUENCE + batching"
                            + " (%.0f ms) | %s | %.2f | %s |%n", variant, hibernate.medianMs, db.key(),
                            orm.medianMs / hibernate.medianMs, orm.medianMs < hibernate.medianMs ? "yes" : "**no**"));
                }
            }
        }
        for (Database db : Database.values()) {
            Measurement bulk = find(Scenario.BULK_INSERTS, db, Contender.ORM, "bulk-insert-returning");
            Measurement core = find(Scenario.BULK_INSERTS, db, Contender.CORE, "executemany-returning");
            if (bulk != null && core != null) {
                double ratio = bulk.medianMs / core.medianMs;
                out.append(String.format(Locale.ROOT, "| ORM bulk INSERT 100k maps with keys <= 1.2x Core executemany"
                        + " returning (%.0f ms) | %s | %.2f | %s |%n", core.medianMs, db.key(), ratio,
                        ratio <= 1.2 ? "yes" : "**no**"));
            }
        }
        for (Database db : Database.values()) {
            Measurement orm = find(Scenario.LARGE_RESULTSETS, db, Contender.ORM, "load");
            Measurement hibernate = find(Scenario.LARGE_RESULTSETS, db, Contender.HIBERNATE, "session");
            if (orm != null && hibernate != null) {
                out.append(String.format(Locale.ROOT, "| ORM load 500k faster than Hibernate session (%.0f ms) | %s"
                        + " | %.2f | %s |%n", hibernate.medianMs, db.key(), orm.medianMs / hibernate.medianMs,
                        orm.medianMs < hibernate.medianMs ? "yes" : "**no**"));
            }
        }
        return out.toString();
    }
}
