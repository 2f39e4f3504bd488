package io.retort.it.reliability;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Server restart: a PostgreSQL the test starts itself (embedded, on a free port, its data under target/; never the
 * shared server) is stopped and started again under ORM load: 4 threads committing two-row Sessions. No committed
 * transaction is lost, none is half-applied, and the first commit after the restart is reported.
 */
class ServerRestartIT {
    private static final int WORKERS = 4;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static EmbeddedPostgres start(int port, Path data, boolean clean) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(clean)
                .setRegisterShutdownHook(false).start();
    }

    @Test
    void noCommittedTransactionIsLostOrHalfAppliedAcrossARestart() throws Exception {
        int port = freePort();
        Path data = Files.createTempDirectory(Path.of("target"), "restart-pg");
        EmbeddedPostgres postgres = start(port, data, false);
        Engine engine = Engine.create("postgresql://postgres@127.0.0.1:" + port + "/postgres", EngineOptions
                .builder().poolSize(5).maxOverflow(5).poolTimeout(Duration.ofSeconds(2)).build());
        Registry registry = Registry.of(Transfer.class);
        registry.createAll(engine);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> committed = new ConcurrentLinkedQueue<>();
        AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong firstSuccessAfter = new AtomicLong(Long.MAX_VALUE);
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        List<Thread> workers = new java.util.ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    int batch = nextBatch.incrementAndGet();
                    try (Session session = Session.open(engine)) {
                        session.add(new Transfer(batch, 1, "restart"));
                        session.add(new Transfer(batch, 2, "restart"));
                        session.commit();
                        committed.add(batch);
                        long now = System.nanoTime();
                        if (now > restartedAt.get()) {
                            firstSuccessAfter.accumulateAndGet(now, Math::min);
                        }
                    } catch (io.retort.exception.RetortException e) {
                        failures.incrementAndGet();
                        sleep(20);
                    } catch (Throwable e) {
                        unexpected.add(e);
                        return;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        try {
            sleep(1500);
            int beforeStop = committed.size();
            long stoppedAt = System.nanoTime();
            postgres.close();
            sleep(1000);
            postgres = start(port, data, false);
            restartedAt.set(System.nanoTime());
            sleep(3000);
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(30_000);
            }
            assertThat(unexpected).isEmpty();
            try (Connection conn = engine.connect()) {
                List<Object[]> perBatch = conn.execute(text("SELECT batch, count(*) FROM rel_transfer GROUP BY"
                        + " batch")).arrays().all();
                long halfApplied = perBatch.stream().filter(row -> ((Number) row[1]).intValue() != 2).count();
                java.util.Set<Integer> present = new java.util.HashSet<>();
                for (Object[] row : perBatch) {
                    present.add(((Number) row[0]).intValue());
                }
                long lost = committed.stream().filter(batch -> !present.contains(batch)).count();
                long recovery = firstSuccessAfter.get() == Long.MAX_VALUE ? -1
                        : (firstSuccessAfter.get() - restartedAt.get()) / 1_000_000;
                long outage = firstSuccessAfter.get() == Long.MAX_VALUE ? -1
                        : (firstSuccessAfter.get() - stoppedAt) / 1_000_000;
                Figures.report("server restart [postgresql, embedded]", "committed " + committed.size() + " ("
                        + beforeStop + " before the stop), failed " + failures + ", lost " + lost + ", half-applied "
                        + halfApplied + ", first commit " + recovery + " ms after the restart (" + outage
                        + " ms after the stop, 1000 ms of it down)");
                assertThat(lost).isZero();
                assertThat(halfApplied).isZero();
                assertThat(recovery).as("a commit succeeded after the restart").isBetween(0L, 3000L);
            }
        } finally {
            stop.set(true);
            engine.close();
            postgres.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
