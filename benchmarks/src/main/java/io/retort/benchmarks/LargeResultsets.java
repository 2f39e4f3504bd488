package io.retort.benchmarks;

import static io.retort.sql.Sql.select;

import io.retort.engine.Connection;
import io.retort.engine.Row;
import io.retort.orm.Orm;
import io.retort.orm.Session;
import io.retort.schema.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hibernate.StatelessSession;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.Result;
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
 * SQLAlchemy's {@code large_resultsets}: read all {@code rows} customers into memory. Every variant touches every
 * value it gets (Core reads the three values of each {@link Row}).
 *
 * <p>Raw JDBC is the baseline: a plain {@code ResultSet} loop building a {@link Customer} per row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LargeResultsets {
    @Param({"h2"})
    public String db;

    @Param({"500000"})
    public int rows;

    Fixture fixture;

    @Setup(Level.Trial)
    public void openFixture(BenchmarkParams params) throws SQLException {
        fixture = Fixture.open(db, params);
        fixture.seed(rows);
    }

    @TearDown(Level.Trial)
    public void closeFixture() throws SQLException {
        fixture.close();
    }

    static final String SELECT = "SELECT id, name, description FROM " + Fixture.TABLE;

    private List<?> expect(List<?> loaded) {
        if (loaded.size() != rows) {
            throw new IllegalStateException(fixture.contender.label() + " on " + db + " loaded " + loaded.size()
                    + " rows, expected " + rows);
        }
        return loaded;
    }

    @Benchmark
    public List<?> jdbc_objects() throws SQLException {
        List<Customer> customers = new ArrayList<>(rows);
        try (java.sql.Connection conn = fixture.dataSource.getConnection()) {
            try (Statement query = conn.createStatement(); ResultSet result = query.executeQuery(SELECT)) {
                while (result.next()) {
                    customers.add(new Customer(result.getInt(1), result.getString(2), result.getString(3)));
                }
            }
            conn.commit();
        }
        return expect(customers);
    }

    /** {@code conn.execute(select(id, name, description)).all()}, reading each row's three values. */
    @Benchmark
    public List<?> core_rows(Blackhole blackhole) {
        Table t = fixture.customers;
        List<Row> loaded;
        try (Connection conn = fixture.engine().connect()) {
            loaded = conn.execute(select(t.c("id"), t.c("name"), t.c("description"))).all();
            conn.commit();
        }
        for (Row row : loaded) {
            blackhole.consume(row.get(0, Integer.class));
            blackhole.consume(row.get(1, String.class));
            blackhole.consume(row.get(2, String.class));
        }
        return expect(loaded);
    }

    /**
     * {@code conn.execute(select(...)).map(row -> new Customer(row.get(0, Integer.class), ...)).all()}: the same
     * objects as the JDBC loop, each built from its row as the row is read (as {@code jooq objects}).
     */
    @Benchmark
    public List<?> core_objects() {
        Table t = fixture.customers;
        try (Connection conn = fixture.engine().connect()) {
            List<Customer> loaded = conn.execute(select(t.c("id"), t.c("name"), t.c("description")))
                    .map(row -> new Customer(Objects.requireNonNull(row.get(0, Integer.class)),
                            Objects.requireNonNull(row.get(1, String.class)), row.get(2, String.class)))
                    .all();
            conn.commit();
            return expect(loaded);
        }
    }

    /** {@code conn.execute(select(...)).mapTo(CustomerRow.class).all()}: records. */
    @Benchmark
    public List<?> core_mapto() {
        Table t = fixture.customers;
        try (Connection conn = fixture.engine().connect()) {
            List<CustomerRow> loaded = conn.execute(select(t.c("id"), t.c("name"), t.c("description")))
                    .mapTo(CustomerRow.class).all();
            conn.commit();
            return expect(loaded);
        }
    }

    /** {@code session.scalars(select(Customer.class)).all()}: mapped objects in the identity map. */
    @Benchmark
    public List<?> orm_load() {
        try (Session session = Session.open(fixture.engine())) {
            return expect(session.scalars(Orm.select(OrmCustomer.class)).all());
        }
    }

    /** HQL {@code from JpaCustomer} in a session (managed entities in the persistence context). */
    @Benchmark
    public List<?> hibernate_session() {
        try (org.hibernate.Session session = fixture.hibernate().openSession()) {
            return expect(session.createSelectionQuery("from JpaCustomer", JpaCustomer.class).getResultList());
        }
    }

    /** HQL {@code from JpaCustomer} in a stateless session (no persistence context). */
    @Benchmark
    public List<?> hibernate_stateless() {
        try (StatelessSession session = fixture.hibernate().openStatelessSession()) {
            return expect(session.createSelectionQuery("from JpaCustomer", JpaCustomer.class).getResultList());
        }
    }

    /** {@code ctx.select(id, name, description).from(t).fetch()}, reading each record's three values. */
    @Benchmark
    public List<?> jooq_records(Blackhole blackhole) throws SQLException {
        try (java.sql.Connection conn = fixture.dataSource.getConnection()) {
            DSLContext ctx = DSL.using(conn, fixture.db.jooqDialect(), fixture.jooqSettings());
            Result<Record3<Integer, String, String>> loaded = ctx
                    .select(Fixture.J_ID, Fixture.J_NAME, Fixture.J_DESCRIPTION).from(Fixture.J_TABLE).fetch();
            conn.commit();
            for (Record3<Integer, String, String> record : loaded) {
                blackhole.consume(record.value1());
                blackhole.consume(record.value2());
                blackhole.consume(record.value3());
            }
            return expect(loaded);
        }
    }

    /** {@code ...fetch(r -> new Customer(...))}: the same objects as the JDBC loop. */
    @Benchmark
    public List<?> jooq_objects() throws SQLException {
        try (java.sql.Connection conn = fixture.dataSource.getConnection()) {
            DSLContext ctx = DSL.using(conn, fixture.db.jooqDialect(), fixture.jooqSettings());
            List<Customer> loaded = ctx.select(Fixture.J_ID, Fixture.J_NAME, Fixture.J_DESCRIPTION)
                    .from(Fixture.J_TABLE).fetch(r -> new Customer(r.value1(), r.value2(), r.value3()));
            conn.commit();
            return expect(loaded);
        }
    }
}
