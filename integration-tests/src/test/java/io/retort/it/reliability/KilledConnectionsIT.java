package io.retort.it.reliability;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.RetortException;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.ServerSessions;
import io.retort.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Killed connections: the server session of a Core Connection and of a Session is killed in the middle of a
 * two-row transaction, 20 times each. The transaction fails, rollback() recovers the same Connection or Session,
 * the retry commits, and in the end every committed batch has both rows: none lost, none half-applied.
 */
@OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
class KilledConnectionsIT {
    private static final int ROUNDS = 20;
    private static final String INSERT = "INSERT INTO rel_transfer (batch, leg, note) VALUES (:batch, :leg, 'core')";

    @DatabaseTest
    void coreConnectionsAndSessionsRecoverFromAKilledServerSession(Engine engine, TestDatabase database) {
        Registry registry = Registry.of(Transfer.class);
        registry.createAll(engine);
        List<Integer> committed = new ArrayList<>();
        int failed = 0;
        long started = System.nanoTime();
        try (Connection conn = engine.connect()) {
            for (int round = 0; round < ROUNDS; round++) {
                int batch = round;
                conn.execute(text(INSERT), Map.of("batch", batch, "leg", 1));
                ServerSessions.kill(conn);
                assertThatThrownBy(() -> conn.execute(text(INSERT), Map.of("batch", batch, "leg", 2)))
                        .isInstanceOf(RetortException.class);
                failed++;
                conn.rollback();
                conn.execute(text(INSERT), Map.of("batch", batch, "leg", 1));
                conn.execute(text(INSERT), Map.of("batch", batch, "leg", 2));
                conn.commit();
                committed.add(batch);
            }
        }
        try (Session session = Session.open(engine)) {
            for (int round = 0; round < ROUNDS; round++) {
                int batch = 1000 + round;
                session.add(new Transfer(batch, 1, "session"));
                session.flush();
                ServerSessions.kill(session.connection());
                session.add(new Transfer(batch, 2, "session"));
                assertThatThrownBy(session::commit).isInstanceOf(RetortException.class);
                failed++;
                session.rollback();
                session.add(new Transfer(batch, 1, "session"));
                session.add(new Transfer(batch, 2, "session"));
                session.commit();
                committed.add(batch);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        try (Connection conn = engine.connect()) {
            List<Object[]> perBatch = conn.execute(text("SELECT batch, count(*) FROM rel_transfer GROUP BY batch"))
                    .arrays().all();
            long halfApplied = perBatch.stream().filter(row -> ((Number) row[1]).intValue() != 2).count();
            long lost = committed.stream().filter(batch -> perBatch.stream()
                    .noneMatch(row -> ((Number) row[0]).intValue() == batch)).count();
            Figures.report("killed connections [" + database.id() + "]", "killed " + (2 * ROUNDS)
                    + " (Core " + ROUNDS + ", Session " + ROUNDS + "), failed and rolled back " + failed
                    + ", recovered and committed " + committed.size() + ", lost " + lost + ", half-applied "
                    + halfApplied + ", " + millis + " ms");
            assertThat(lost).isZero();
            assertThat(halfApplied).isZero();
            assertThat(perBatch).hasSize(2 * ROUNDS);
        } finally {
            registry.dropAll(engine);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }
}
