package io.retort.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The CI smoke run: every benchmark of every scenario once, on {@value BenchmarkSuite#SMOKE_SIZE} rows (the whole
 * startup model, two threads of the concurrency scenario: {@link Scenario#smokeSize}), in this JVM
 * (JMH without forks, no warmup, one single-shot iteration), on H2, SQLite and PostgreSQL when it answers. It proves
 * that each contender's code runs and leaves the rows it should (each benchmark checks its table after its
 * iteration); it measures nothing. The full suite is {@code BenchmarkSuite} (see benchmarks/README.md).
 */
class SmokeRunTest {

    /**
     * Each benchmark ran once at the smoke size and left its rows (each checks its table after its iteration, and a
     * failed one produces no measurement), and each got its ratio to the raw-JDBC baseline of the same database: a
     * benchmark that failed, ran at another size, or lost its baseline fails here. A PostgreSQL that does not answer
     * is a skip with the reason, and a failure when {@code TEST_RETORT_REQUIRE} names it (as CI does).
     */
    @Test
    void everyBenchmarkRunsOnceOnEveryDatabase() throws Exception {
        if (!Database.POSTGRESQL.available()) {
            String reason = "Smoke run: PostgreSQL (RETORT_BENCH_POSTGRESQL_URL, else 127.0.0.1:5432) is not"
                    + " reachable";
            String required = System.getenv("TEST_RETORT_REQUIRE");
            assertThat(required == null ? List.<String>of() : Arrays.asList(required.split(",")))
                    .as(reason + ", and TEST_RETORT_REQUIRE requires it").doesNotContain("postgresql");
            System.out.println(reason + ": skipped");
            Assumptions.abort(reason);
        }
        BenchmarkSuite.Options options = BenchmarkSuite.Options.parse("-smoke");
        Report report = BenchmarkSuite.run(options);

        List<String> expected = new ArrayList<>();
        for (Database db : Database.values()) {
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
            String name = m.scenario.key() + " " + m.db.key() + " " + m.method;
            measured.add(name);
            assertThat(m.size).as("size of %s", name).isEqualTo(m.scenario.smokeSize(BenchmarkSuite.SMOKE_SIZE));
            assertThat(m.samples).as("iterations of %s", name).isEqualTo(1);
            assertThat(m.ratioToJdbc).as("ratio to the raw-JDBC baseline of %s", name).isFinite();
        }
        assertThat(measured).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.csv()).startsWith(Report.CSV_HEADER + "\n")
                .contains("bulk_inserts,h2,jdbc,batch,").contains("short_selects,sqlite,retort-orm,get-new-session,")
                .contains(",postgresql,");
    }
}
