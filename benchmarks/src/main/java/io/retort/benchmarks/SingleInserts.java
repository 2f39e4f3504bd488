package io.retort.benchmarks;

import static io.retort.sql.Sql.insert;

import io.retort.orm.Session;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * SQLAlchemy's {@code single_inserts}: {@code inserts} rows, each in its own transaction on a connection (or
 * session) taken from the pool for it, as a web request would. Every commit is durable (fsync on SQLite and
 * PostgreSQL), so the suite runs fewer on SQLite (see the README).
 *
 * <p>Raw JDBC is the baseline: per row, a pooled connection, {@code prepareStatement}, execute, commit, close.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SingleInserts {
    @Param({"h2"})
    public String db;

    @Param({"10000"})
    public int inserts;

    Fixture fixture;
    String[] names;
    String[] descriptions;

    @Setup(Level.Trial)
    public void openFixture(BenchmarkParams params) {
        fixture = Fixture.open(db, params);
        names = Fixture.names(inserts);
        descriptions = Fixture.descriptions(inserts);
    }

    @Setup(Level.Iteration)
    public void emptyTable() throws SQLException {
        fixture.truncate();
    }

    @TearDown(Level.Iteration)
    public void check() throws SQLException {
        fixture.expectRows(inserts);
    }

    @TearDown(Level.Trial)
    public void closeFixture() throws SQLException {
        fixture.close();
    }

    @Benchmark
    public void jdbc_connection_each() throws SQLException {
        for (int i = 0; i < inserts; i++) {
            try (java.sql.Connection conn = fixture.dataSource.getConnection();
                    PreparedStatement insert = conn.prepareStatement(BulkInserts.INSERT)) {
                insert.setString(1, names[i]);
                insert.setString(2, descriptions[i]);
                insert.executeUpdate();
                conn.commit();
            }
        }
    }

    /** {@code engine.begin(conn -> conn.execute(insert(t).values(Map.of(...))))} per row. */
    @Benchmark
    public void core_begin() {
        for (int i = 0; i < inserts; i++) {
            Map<String, Object> values = Map.of("name", names[i], "description", descriptions[i]);
            fixture.engine().begin(conn -> conn.execute(insert(fixture.customers).values(values)));
        }
    }

    /** A new session per row: {@code add(new Customer(...)); commit()}. */
    @Benchmark
    public void orm_session_each() {
        for (int i = 0; i < inserts; i++) {
            try (Session session = Session.open(fixture.engine())) {
                session.add(new OrmCustomer(names[i], descriptions[i]));
                session.commit();
            }
        }
    }

    /** A new Hibernate session per row: begin, {@code persist}, commit. */
    @Benchmark
    public void hibernate_session_each() {
        for (int i = 0; i < inserts; i++) {
            try (org.hibernate.Session session = fixture.hibernate().openSession()) {
                Transaction transaction = session.beginTransaction();
                session.persist(new JpaCustomer(names[i], descriptions[i]));
                transaction.commit();
            }
        }
    }

    /** A new stateless session per row: begin, {@code insert}, commit. */
    @Benchmark
    public void hibernate_stateless_each() {
        for (int i = 0; i < inserts; i++) {
            try (StatelessSession session = fixture.hibernate().openStatelessSession()) {
                Transaction transaction = session.beginTransaction();
                session.insert(new JpaCustomer(names[i], descriptions[i]));
                transaction.commit();
            }
        }
    }

    /** {@code ctx.transaction(c -> c.dsl().insertInto(...).values(...).execute())} on the pooled data source. */
    @Benchmark
    public void jooq_transaction() {
        for (int i = 0; i < inserts; i++) {
            String name = names[i];
            String description = descriptions[i];
            fixture.jooq().transaction(configuration -> DSL.using(configuration)
                    .insertInto(Fixture.J_TABLE, Fixture.J_NAME, Fixture.J_DESCRIPTION).values(name, description)
                    .execute());
        }
    }
}
