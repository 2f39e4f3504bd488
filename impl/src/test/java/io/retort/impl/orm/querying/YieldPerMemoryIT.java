package io.retort.impl.orm.querying;

import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.TypedResult;
import io.retort.orm.QueryOption;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * yieldPer(1000) walks 2,000,000 objects in a JVM of 128 MB heap: impl's failsafe execution {@code heap-128m} runs
 * this class alone with {@code -Xmx128m} (see impl/pom.xml). Every object arrives with its fields, and the heap in use
 * (sampled) is printed. SQLAlchemy: test/orm/test_events.py::ORMExecuteTest::test_load_option_propagation_to_post_load
 * runs a yield_per query; the memory bound is Retort's own.
 */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
class YieldPerMemoryIT {
    private static final int ROWS = 2_000_000;

    @DatabaseTest
    void twoMillionObjectsUnder128Megabytes(Engine engine, TestDatabase database) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        Assumptions.assumeTrue(maxHeap <= 136L * 1024 * 1024, "runs in the heap-128m failsafe execution (-Xmx128m)");
        Registry registry = Registry.of(Reading.class);
        registry.createAll(engine);
        try {
            try (Connection conn = engine.connect()) {
                conn.execute(Sql.text(database == TestDatabase.POSTGRESQL
                        ? "INSERT INTO readings (name, value) SELECT 'user' || x, x % 100 FROM generate_series(1, "
                                + ROWS + ") AS x"
                        : "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < " + ROWS + ")"
                                + " INSERT INTO readings (name, value) SELECT 'user' || x, x % 100 FROM n"));
                conn.commit();
            }
            Runtime runtime = Runtime.getRuntime();
            long peak = 0;
            long count = 0;
            long ages = 0;
            long started = System.nanoTime();
            try (Session session = Session.open(engine);
                    TypedResult<Reading> readings = session.scalars(select(Reading.class).orderBy(Reading_.id)
                            .options(QueryOption.yieldPer(1000)))) {
                for (Reading reading : readings) {
                    count++;
                    ages += reading.value;
                    assertThat(reading.name).startsWith("user");
                    if (count % 10_000 == 0) {
                        peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
                    }
                }
            }
            System.out.printf("yieldPer [%s]: %d objects under -Xmx%dm, heap in use at most %d MB (sampled every 10,000), %d ms%n", database.id(),
                    count, maxHeap / (1024 * 1024), peak / (1024 * 1024), (System.nanoTime() - started) / 1_000_000);
            assertThat(count).isEqualTo(ROWS);
            assertThat(ages).isEqualTo(99L * 100 / 2 * (ROWS / 100));
        } finally {
            registry.dropAll(engine);
        }
    }
}
