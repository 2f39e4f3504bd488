package io.retort.benchmarks;

import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.retort.engine.Row;
import io.retort.schema.Table;
import io.retort.sql.Insert;
import io.retort.sql.Select;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.jspecify.annotations.Nullable;

/**
 * Many threads sharing one pool: {@code threads} threads (16), each doing {@value #LOOKUPS} primary-key lookups and
 * {@value #INSERTS} single-row insert transactions (one after every tenth lookup), each lookup and each insert on a
 * connection taken from the pool for it, as request threads of a web app do. The pool holds {@value #POOL}
 * connections, so threads wait for one. A shot is all threads' work; throughput is its operations divided by its
 * time, so a ratio of times below is the inverse ratio of throughputs.
 *
 * <p>Raw JDBC on an Agroal pool configured as Retort's own is the baseline ({@code jdbc agroal}), next to raw JDBC on
 * HikariCP ({@code jdbc hikari}) and Retort Core on one {@code Engine} ({@code retort-core engine}: a prepared
 * {@code select(...).where(id == bindParam)} and {@code engine.begin(conn -> conn.execute(insert(t), row))}).
 * Not on SQLite: it has one writer at a time, so the threads would measure its file lock, not the pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Concurrency {
    static final String ONE_WRITER = "SQLite has one writer at a time: the threads would measure its file lock";
    static final int LOOKUPS = 10_000;
    static final int INSERTS = LOOKUPS / 10;
    static final int POOL = 10;
    static final int SEEDED = 10_000;

    @Param({"h2"})
    public String db;

    @Param({"16"})
    public int threads;

    Fixture fixture;
    @Nullable HikariDataSource hikari;
    ExecutorService executor;
    int[] ids;
    Select lookup;
    Insert insertRow;

    @Setup(Level.Trial)
    public void openFixture(BenchmarkParams params) throws SQLException {
        fixture = Fixture.open(db, params, POOL);
        fixture.seed(SEEDED);
        List<Integer> keys = new ArrayList<>(fixture.ids());
        Collections.shuffle(keys, new Random(42));
        ids = keys.stream().mapToInt(Integer::intValue).toArray();
        if (params.getBenchmark().endsWith(".jdbc_hikari")) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(fixture.db.jdbcUrl());
            config.setUsername(fixture.db.user());
            config.setPassword(fixture.db.password());
            config.setAutoCommit(false);
            config.setMaximumPoolSize(POOL);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(30_000);
            hikari = new HikariDataSource(config);
        }
        Table t = fixture.customers;
        lookup = select(t.c("id"), t.c("name"), t.c("description"))
                .where(t.c("id", Integer.class).eq(bindParam("b_id", INTEGER)));
        insertRow = insert(t);
        executor = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Iteration)
    public void check() throws SQLException {
        fixture.expectRows(SEEDED + (long) threads * INSERTS);
        try (Statement statement = fixture.admin.createStatement()) {
            statement.execute("DELETE FROM " + Fixture.TABLE + " WHERE name LIKE 'concurrent %'");
        }
        fixture.analyze();
    }

    @TearDown(Level.Trial)
    public void closeFixture() throws SQLException {
        executor.shutdownNow();
        if (hikari != null) {
            hikari.close();
        }
        fixture.close();
    }

    /** One thread's work. */
    @FunctionalInterface
    interface Work {
        void run(int thread) throws Exception;
    }

    private void onAllThreads(Work work) throws InterruptedException, ExecutionException {
        List<Future<?>> done = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(executor.submit(() -> {
                work.run(thread);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
    }

    /** The key of a thread's {@code i}-th lookup: every thread walks the shuffled keys from its own offset. */
    private int key(int thread, int i) {
        return ids[(thread * (SEEDED / 16) + i) % ids.length];
    }

    private static String name(int thread, int i) {
        return "concurrent " + thread + " " + i;
    }

    @Benchmark
    @NotOn(value = Database.SQLITE, reason = ONE_WRITER)
    public void jdbc_agroal(Blackhole blackhole) throws Exception {
        onAllThreads(thread -> jdbcWork(fixture.dataSource, thread, blackhole));
    }

    @Benchmark
    @NotOn(value = Database.SQLITE, reason = ONE_WRITER)
    public void jdbc_hikari(Blackhole blackhole) throws Exception {
        HikariDataSource pool = hikari;
        if (pool == null) {
            throw new IllegalStateException("The setup of jdbc_hikari made no HikariCP pool");
        }
        onAllThreads(thread -> jdbcWork(pool, thread, blackhole));
    }

    private void jdbcWork(DataSource pool, int thread, Blackhole blackhole) throws SQLException {
        for (int i = 0; i < LOOKUPS; i++) {
            try (java.sql.Connection conn = pool.getConnection();
                    PreparedStatement query = conn.prepareStatement(ShortSelects.SELECT)) {
                query.setInt(1, key(thread, i));
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    blackhole.consume(new Customer(result.getInt(1), result.getString(2), result.getString(3)));
                }
                conn.commit();
            }
            if (i % 10 == 9) {
                try (java.sql.Connection conn = pool.getConnection();
                        PreparedStatement insert = conn.prepareStatement(BulkInserts.INSERT)) {
                    insert.setString(1, name(thread, i));
                    insert.setString(2, "inserted by thread " + thread);
                    insert.executeUpdate();
                    conn.commit();
                }
            }
        }
    }

    @Benchmark
    @NotOn(value = Database.SQLITE, reason = ONE_WRITER)
    public void core_engine(Blackhole blackhole) throws Exception {
        onAllThreads(thread -> {
            for (int i = 0; i < LOOKUPS; i++) {
                try (io.retort.engine.Connection conn = fixture.engine().connect()) {
                    Row row = conn.execute(lookup, Map.of("b_id", key(thread, i))).one();
                    // id and name are NOT NULL columns.
                    blackhole.consume(new Customer(Objects.requireNonNull(row.get(0, Integer.class)),
                            Objects.requireNonNull(row.get(1, String.class)), row.get(2, String.class)));
                    conn.commit();
                }
                if (i % 10 == 9) {
                    Map<String, Object> values = Map.of("name", name(thread, i),
                            "description", "inserted by thread " + thread);
                    fixture.engine().begin(conn -> conn.execute(insertRow, values));
                }
            }
        });
    }
}
