package io.retort.it.reliability;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.PoolTimeoutException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pool exhaustion: 200 threads on a pool of 5 + overflow 5 with a 2 s timeout, each holding its connection for
 * 150 ms. Every call is served or gets PoolTimeoutException, nothing else fails, and nothing is left checked out.
 */
@OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
class PoolExhaustionIT {
    @DatabaseTest
    void twoHundredThreadsAreServedOrTimedOutAndNothingLeaks(TestEngines engines, TestDatabase database)
            throws InterruptedException {
        Engine engine = engines.create(EngineOptions.builder().poolSize(5).maxOverflow(5)
                .poolTimeout(Duration.ofSeconds(2)).build());
        int threads = 200;
        AtomicInteger served = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        List<Throwable> other = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        long began = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    try (Connection conn = engine.connect()) {
                        assertThat(((Number) conn.scalar(text("SELECT 1"), Map.of())).intValue()).isEqualTo(1);
                        Thread.sleep(150);
                        served.incrementAndGet();
                    }
                } catch (PoolTimeoutException e) {
                    timedOut.incrementAndGet();
                } catch (Throwable e) {
                    other.add(e);
                } finally {
                    done.countDown();
                }
            });
            worker.start();
        }
        start.countDown();
        done.await();
        long millis = (System.nanoTime() - began) / 1_000_000;
        Figures.report("pool exhaustion [" + database.id() + "]", "threads " + threads + ", served " + served
                + ", timed out " + timedOut + ", other errors " + other.size() + ", checked out after "
                + engine.poolStatus().checkedOut() + ", " + millis + " ms");
        assertThat(other).isEmpty();
        assertThat(served.get() + timedOut.get()).isEqualTo(threads);
        assertThat(served.get()).isGreaterThanOrEqualTo(10);
        assertThat(timedOut.get()).as("a 2 s timeout with 200 x 150 ms of work on 10 connections").isPositive();
        assertThat(engine.poolStatus().checkedOut()).isZero();
        try (Connection conn = engine.connect()) {
            assertThat(((Number) conn.scalar(text("SELECT 1"), Map.of())).intValue()).isEqualTo(1);
        }
    }
}
