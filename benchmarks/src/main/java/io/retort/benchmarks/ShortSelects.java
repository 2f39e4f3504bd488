package io.retort.benchmarks;

import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;

import io.retort.engine.Connection;
import io.retort.engine.Row;
import io.retort.orm.Session;
import io.retort.schema.Table;
import io.retort.sql.Select;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hibernate.StatelessSession;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
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
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * SQLAlchemy's {@code short_selects}: {@code lookups} single-row selects by primary key, in a shuffled order, over a
 * table of as many rows.
 *
 * <p>Raw JDBC is the baseline: one connection, and per lookup {@code prepareStatement}, execute, read the row into a
 * {@link Customer}, close. {@code jdbc connection-each} also takes a pooled connection per lookup, as an ORM session
 * per lookup does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShortSelects {
    @Param({"h2"})
    public String db;

    @Param({"10000"})
    public int lookups;

    Fixture fixture;
    int[] ids;

    @Setup(Level.Trial)
    public void openFixture(BenchmarkParams params) throws SQLException {
        fixture = Fixture.open(db, params);
        ids = shuffledKeys(); // assigned here, where NullAway sees the @Setup initializer set it
    }

    /** Seeds {@code lookups} rows and shuffles their keys (also for {@link CorePaired}). */
    void shuffleKeys() throws SQLException {
        ids = shuffledKeys();
    }

    private int[] shuffledKeys() throws SQLException {
        fixture.seed(lookups);
        List<Integer> keys = new ArrayList<>(fixture.ids());
        Collections.shuffle(keys, new Random(42));
        return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    @TearDown(Level.Trial)
    public void closeFixture() throws SQLException {
        fixture.close();
    }

    static final String SELECT = "SELECT id, name, description FROM " + Fixture.TABLE + " WHERE id = ?";

    private static Customer lookup(java.sql.Connection conn, int id) throws SQLException {
        try (PreparedStatement query = conn.prepareStatement(SELECT)) {
            query.setInt(1, id);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return new Customer(result.getInt(1), result.getString(2), result.getString(3));
            }
        }
    }

    @Benchmark
    public void jdbc_prepare_each(Blackhole blackhole) throws SQLException {
        try (java.sql.Connection conn = fixture.dataSource.getConnection()) {
            for (int id : ids) {
                blackhole.consume(lookup(conn, id));
            }
            conn.commit();
        }
    }

    @Benchmark
    public void jdbc_connection_each(Blackhole blackhole) throws SQLException {
        for (int id : ids) {
            try (java.sql.Connection conn = fixture.dataSource.getConnection()) {
                blackhole.consume(lookup(conn, id));
                conn.commit();
            }
        }
    }

    private static void consume(Blackhole blackhole, Row row) {
        blackhole.consume(row.get(0, Integer.class));
        blackhole.consume(row.get(1, String.class));
        blackhole.consume(row.get(2, String.class));
    }

    /** A new {@code select(t).where(t.c("id").eq(id))} per lookup (compiled once, found in the cache). */
    @Benchmark
    public void core_select(Blackhole blackhole) {
        Table t = fixture.customers;
        try (Connection conn = fixture.engine().connect()) {
            for (int id : ids) {
                consume(blackhole, conn.execute(select(t.c("id"), t.c("name"), t.c("description"))
                        .where(t.c("id", Integer.class).eq(id))).one());
            }
            conn.commit();
        }
    }

    /** One statement with {@code bindParam("b_id", INTEGER)}, executed with each key. */
    @Benchmark
    public void core_bindparam(Blackhole blackhole) {
        Table t = fixture.customers;
        Select statement = select(t.c("id"), t.c("name"), t.c("description"))
                .where(t.c("id", Integer.class).eq(bindParam("b_id", INTEGER)));
        try (Connection conn = fixture.engine().connect()) {
            for (int id : ids) {
                consume(blackhole, conn.execute(statement, Map.of("b_id", id)).one());
            }
            conn.commit();
        }
    }

    /** {@code session.get(Customer.class, id)} on a new session per lookup. */
    @Benchmark
    public void orm_get_new_session(Blackhole blackhole) {
        for (int id : ids) {
            try (Session session = Session.open(fixture.engine())) {
                blackhole.consume(session.get(OrmCustomer.class, id));
            }
        }
    }

    /** {@code session.get(Customer.class, id)} of every key in one session (each one a SELECT: all distinct). */
    @Benchmark
    public void orm_get_one_session(Blackhole blackhole) {
        try (Session session = Session.open(fixture.engine())) {
            for (int id : ids) {
                blackhole.consume(session.get(OrmCustomer.class, id));
            }
        }
    }

    /** {@code session.get(JpaCustomer.class, id)} on a new Hibernate session per lookup. */
    @Benchmark
    public void hibernate_session_each(Blackhole blackhole) {
        for (int id : ids) {
            try (org.hibernate.Session session = fixture.hibernate().openSession()) {
                blackhole.consume(session.get(JpaCustomer.class, id));
            }
        }
    }

    /** {@code statelessSession.get(JpaCustomer.class, id)} on a new stateless session per lookup. */
    @Benchmark
    public void hibernate_stateless_each(Blackhole blackhole) {
        for (int id : ids) {
            try (StatelessSession session = fixture.hibernate().openStatelessSession()) {
                blackhole.consume(session.get(JpaCustomer.class, id));
            }
        }
    }

    /** {@code ctx.select(...).from(t).where(id.eq(id)).fetchOne()} on one connection. */
    @Benchmark
    public void jooq_select(Blackhole blackhole) throws SQLException {
        try (java.sql.Connection conn = fixture.dataSource.getConnection()) {
            DSLContext ctx = DSL.using(conn, fixture.db.jooqDialect(), fixture.jooqSettings());
            for (int id : ids) {
                Record3<Integer, String, String> record = ctx
                        .select(Fixture.J_ID, Fixture.J_NAME, Fixture.J_DESCRIPTION).from(Fixture.J_TABLE)
                        .where(Fixture.J_ID.eq(id)).fetchOne();
                if (record == null) {
                    throw new IllegalStateException("No customer " + id + " was found by jOOQ");
                }
                blackhole.consume(new Customer(record.value1(), record.value2(), record.value3()));
            }
            conn.commit();
        }
    }
}
