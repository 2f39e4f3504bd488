package io.retort.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI smoke run: every benchmark of every scenario once, on {@value BenchmarkSuite#SMOKE_SIZE} rows, in this JVM
 * (JMH without forks, no warmup, one single-shot iteration), on H2, SQLite and PostgreSQL when it answers. It proves
 * that each contender's code runs and leaves the rows it should (each benchmark checks its table after its
 * iteration); it measures nothing. The full suite is {@code BenchmarkSuite} (see benchmarks/README.md).
 */
class SmokeRunTest {

    @Test
    void everyBenchmarkRunsOnceOnEveryDatabase() throws Exception {
        BenchmarkSuite.Options options = BenchmarkSuite.Options.parse("-smoke");
        Report report = BenchmarkSuite.run(options);

        List<String> expected = new ArrayList<>();
        for (Database db : Database.values()) {
            if (!db.available()) {
                System.out.println("Smoke run: " + db.key() + " is not reachable, its benchmarks were not run");
                continue;
            }
            for (Scenario scenario : Scenario.values()) {
                for (String method : scenario.methods()) {
                    if (scenario.skippedOn(db).stream().noneMatch(skipped -> skipped[0].equals(method))) {
                        expected.add(scenario.key() + " " + db.key() + " " + method);
                    }
                }
            }
        }
        List<String> measured = new ArrayList<>();
        for (Measurement m : report.measurements()) {
            measured.add(m.scenario.key() + " " + m.db.key() + " " + m.method);
            assertThat(m.medianMs).as("%s %s %s", m.scenario.key(), m.db.key(), m.method).isPositive();
        }
        assertThat(measured).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.csv()).startsWith(Report.CSV_HEADER + "\n")
                .contains("bulk_inserts,h2,jdbc,batch,").contains("short_selects,sqlite,retort-orm,get-new-session,");
    }
}
