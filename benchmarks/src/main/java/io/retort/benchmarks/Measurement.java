package io.retort.benchmarks;

import java.util.Locale;

/**
 * One measured benchmark: which scenario, database, contender and variant, at which size, the median of its
 * single-shot iterations in milliseconds, and that median divided by the scenario's raw-JDBC baseline on the same
 * database in the same run ({@code NaN} while unknown).
 */
public final class Measurement {
    final Scenario scenario;
    final Database db;
    final Contender contender;
    final String variant;
    final String method;
    final int size;
    final double medianMs;
    final long samples;
    /** Bytes allocated per unit of the shot (a row, lookup or insert; see {@link Scenario#units}), or NaN. */
    final double bytesPerUnit;
    double ratioToJdbc = Double.NaN;

    Measurement(Scenario scenario, Database db, String method, int size, double medianMs, long samples,
            double bytesPerUnit) {
        this.scenario = scenario;
        this.db = db;
        this.contender = Contender.ofMethod(method);
        this.variant = Contender.variantOfMethod(method);
        this.method = method;
        this.size = size;
        this.medianMs = medianMs;
        this.samples = samples;
        this.bytesPerUnit = bytesPerUnit;
    }

    boolean isBaseline() {
        return method.equals(scenario.baseline);
    }

    boolean is(Scenario scenario, Contender contender, String variant) {
        return this.scenario == scenario && this.contender == contender && this.variant.equals(variant);
    }

    /** {@code scenario,db,contender,variant,median_ms,ratio_to_jdbc,bytes_per_unit}. */
    String csvLine() {
        return String.join(",", scenario.key(), db.key(), contender.label(), variant,
                String.format(Locale.ROOT, "%.1f", medianMs),
                Double.isNaN(ratioToJdbc) ? "" : String.format(Locale.ROOT, "%.2f", ratioToJdbc),
                Double.isNaN(bytesPerUnit) ? "" : String.format(Locale.ROOT, "%.0f", bytesPerUnit));
    }
}
