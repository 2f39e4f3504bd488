package io.retort.impl.engine;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.text;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Issue 20, cases 9 and 10: connect() racing dispose(), and table names that are LIKE patterns. */
class EngineRacesAndNamesIT {

    /**
     * Case 9: a thread that has chosen the current pool when another thread disposes it still gets its connection;
     * dispose() closes the old pool only once no connection of it is in use or about to be taken.
     */
    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void connectRacingDisposeAlwaysGetsAWorkingConnection(Engine engine) throws Exception {
        int threads = 4;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger served = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                started.countDown();
                while (!stop.get() && failures.isEmpty()) {
                    try (Connection conn = engine.connect()) {
                        assertThat(conn.scalar(text("SELECT 1"), java.util.Map.of())).isNotNull();
                        served.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        started.await();
        for (int i = 0; i < 300 && failures.isEmpty(); i++) {
            engine.dispose();
            Thread.onSpinWait();
        }
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(failures).isEmpty();
        assertThat(served.get()).isPositive();
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    /**
     * Case 10: a table whose name holds LIKE's escape character (a backslash on MariaDB) or its wildcards is found
     * by dropAll(checkFirst) and hasTable, so the next createAll can create it again.
     */
    @DatabaseTest
    void tablesWhoseNamesHoldLikeCharactersAreDroppedAndRecreated(Engine engine) {
        MetaData metadata = new MetaData();
        metadata.table("back\\slash", column("id", INTEGER).primaryKey());
        metadata.table("per%cent_under", column("id", INTEGER).primaryKey());
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            assertThat(conn.inspector().hasTable("back\\slash")).isTrue();
            assertThat(conn.inspector().hasTable("per%cent_under")).isTrue();
            assertThat(conn.inspector().hasTable("per_cent_under")).isFalse();
        }
        engine.dropAll(metadata, true);
        try (Connection conn = engine.connect()) {
            assertThat(conn.inspector().hasTable("back\\slash")).isFalse();
            assertThat(conn.inspector().tableNames()).doesNotContain("back\\slash", "per%cent_under");
        }
        metadata.createAll(engine);
        engine.dropAll(metadata, true);
    }
}
