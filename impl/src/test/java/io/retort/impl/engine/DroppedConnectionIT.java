package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Issue 20, case 7: a Connection or Session dropped without close() gives its pooled connection back when the
 * garbage collector finds it, rolled back, with a warning naming where it was checked out (and the whole stack with
 * poolLeakDetection). Before, the connection stayed "idle in transaction" holding its locks and the pool ran dry.
 */
class DroppedConnectionIT {
    private final Logger logger = Logger.getLogger("io.retort.engine");
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == java.util.logging.Level.WARNING) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    private static Engine onePooledConnection(TestEngines engines, boolean leakDetection) {
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(0)
                .poolTimeout(Duration.ofSeconds(2)).poolLeakDetection(leakDetection).build());
        engine.begin(conn -> conn.execute(text("CREATE TABLE IF NOT EXISTS held (id int PRIMARY KEY)")));
        return engine;
    }

    private static void dropConnection(Engine engine) {
        Connection conn = engine.connect();
        conn.execute(text("INSERT INTO held (id) VALUES (1)"));
    }

    private static void dropSession(Engine engine) {
        Session session = Session.open(engine);
        session.execute(text("INSERT INTO held (id) VALUES (2)"));
    }

    private static void awaitReturned(Engine engine) throws InterruptedException {
        for (int i = 0; i < 200 && engine.poolStatus().checkedOut() > 0; i++) {
            System.gc();
            Thread.sleep(25);
        }
        assertThat(engine.poolStatus().checkedOut()).as("connections still checked out").isZero();
    }

    /** The reaper's thread logs the warning just after it gave the connection back: wait for it too. */
    private void awaitWarning() throws InterruptedException {
        for (int i = 0; i < 200 && warnings.isEmpty(); i++) {
            Thread.sleep(25);
        }
    }

    private static long rows(Engine engine) {
        try (Connection conn = engine.connect()) {
            return ((Number) conn.scalar(text("SELECT count(*) FROM held"), Map.of())).longValue();
        }
    }

    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB, TestDatabase.H2})
    void aDroppedConnectionIsRolledBackAndReturnedWithAWarningNamingLeakDetection(TestEngines engines)
            throws InterruptedException {
        // Without leak detection the place of the checkout is not recorded (a stack walk per checkout cost a fifth
        // of a lookup on a new Session): the warning says how to record it.
        Engine engine = onePooledConnection(engines, false);
        dropConnection(engine);
        awaitReturned(engine);
        awaitWarning();
        assertThat(rows(engine)).isZero();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).isEqualTo("A Connection (or the Session using it) was"
                + " garbage-collected without close(): its database connection has been rolled back and returned to"
                + " the pool. Until the garbage collector found it, it held its transaction and locks. Close every"
                + " Session and Connection when done (try-with-resources); set retort.pool.leak-detection=true"
                + " (EngineOptions.poolLeakDetection) to record where each is checked out, and log it");
        assertThat(warnings.get(0).getThrown()).isNull();
    }

    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB, TestDatabase.H2})
    void aDroppedSessionGivesItsConnectionBackAndLeakDetectionShowsTheStack(TestEngines engines)
            throws InterruptedException {
        Engine engine = onePooledConnection(engines, true);
        dropSession(engine);
        awaitReturned(engine);
        awaitWarning();
        assertThat(rows(engine)).isZero();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("checked out at"
                + " io.retort.impl.engine.DroppedConnectionIT.dropSession(DroppedConnectionIT.java:");
        Throwable stack = warnings.get(0).getThrown();
        assertThat(stack).hasMessage("The dropped Connection was checked out here");
        assertThat(stack.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("dropSession"));
    }

    /**
     * Many Connections of one thread dropped at once, more than the leases' table lets one thread probe (the rest go
     * to its overflow set): each is rolled back and returned, with a warning each, and the pool serves again.
     */
    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB, TestDatabase.H2})
    void manyConnectionsDroppedAtOnceAreAllReturned(TestEngines engines) throws InterruptedException {
        Engine engine = engines.create(EngineOptions.builder().poolSize(12).maxOverflow(0)
                .poolTimeout(Duration.ofSeconds(2)).build());
        engine.begin(conn -> conn.execute(text("CREATE TABLE IF NOT EXISTS held (id int PRIMARY KEY)")));
        dropTwelve(engine);
        awaitReturned(engine);
        for (int i = 0; i < 200 && warnings.size() < 12; i++) {
            Thread.sleep(25);
        }
        assertThat(warnings).hasSize(12);
        assertThat(rows(engine)).isZero();
        List<Connection> again = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                again.add(engine.connect()); // all twelve are back in the pool
            }
            assertThat(engine.poolStatus().checkedOut()).isEqualTo(12);
        } finally {
            again.forEach(Connection::close);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    private static void dropTwelve(Engine engine) {
        for (int i = 0; i < 12; i++) {
            Connection conn = engine.connect();
            conn.execute(text("INSERT INTO held (id) VALUES (" + (100 + i) + ")"));
        }
    }
}
