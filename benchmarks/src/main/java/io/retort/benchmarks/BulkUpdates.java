package io.retort.benchmarks;

import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;

import io.retort.engine.Connection;
import io.retort.engine.Row;
import io.retort.orm.Orm;
import io.retort.orm.Session;
import io.retort.schema.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.jooq.BatchBindStep;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * SQLAlchemy's {@code bulk_updates}: load {@code rows} customers, change every description, write the changes, in
 * one transaction. The load is timed too (ORM: load, change a column, flush). Each iteration writes a new
 * description, so every row really changes.
 *
 * <p>Raw JDBC is the baseline: a plain {@code ResultSet} loop building the objects, then one
 * {@code UPDATE ... SET description = ? WHERE id = ?} batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkUpdates {
    @Param({"h2"})
    public String db;

    @Param({"100000"})
    public int rows;

    Fixture fixture;
    int iteration;
    String description;

    @Setup(Level.Trial)
    public void openFixture(BenchmarkParams params) throws SQLException {
        fixture = Fixture.open(db, params);
        fixture.seed(rows);
    }

    @Setup(Level.Iteration)
    public void nextDescription() throws SQLException {
        fixture.analyze();
        description = "updated description " + (++iteration);
    }

    @TearDown(Level.Iteration)
    public void check() throws SQLException {
        long updated = fixture.countDescription(description);
        if (updated != rows) {
            throw new IllegalStateException(fixture.contender.label() + " on " + db + " updated " + updated
                    + " rows, expected " + rows);
        }
    }

    @TearDown(Level.Trial)
    public void closeFixture() throws SQLException {
        fixture.close();
    }

    static final String SELECT = "SELECT id, name, description FROM " + Fixture.TABLE;
    static final String UPDATE = "UPDATE " + Fixture.TABLE + " SET description = ? WHERE id = ?";

    @Benchmark
    public void jdbc_batch() throws SQLException {
        try (java.sql.Connection conn = fixture.dataSource.getConnection()) {
            List<Customer> customers = new ArrayList<>(rows);
            try (Statement query = conn.createStatement(); ResultSet result = query.executeQuery(SELECT)) {
                while (result.next()) {
                    customers.add(new Customer(result.getInt(1), result.getString(2), result.getString(3)));
                }
            }
            try (PreparedStatement update = conn.prepareStatement(UPDATE)) {
                for (Customer customer : customers) {
                    customer.description = description;
                    update.setString(1, customer.description);
                    update.setInt(2, customer.id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            conn.commit();
        }
    }

    /** {@code select(...).all()}, then one executemany of {@code update(t).where(id == :b_id)}. */
    @Benchmark
    public void core_executemany() {
        Table t = fixture.customers;
        try (Connection conn = fixture.engine().connect()) {
            List<Row> loaded = conn.execute(select(t.c("id"), t.c("name"), t.c("description"))).all();
            List<Map<String, Object>> sets = new ArrayList<>(loaded.size());
            for (Row row : loaded) {
                Map<String, Object> set = new HashMap<>(4);
                set.put("b_id", row.get(0, Integer.class));
                set.put("b_description", description);
                sets.add(set);
            }
            conn.execute(update(t).values(Map.of("description", bindParam("b_description", STRING)))
                    .where(t.c("id", Integer.class).eq(bindParam("b_id", INTEGER))), sets);
            conn.commit();
        }
    }

    /** {@code session.scalars(select(Customer))}, change each, {@code commit()}: the flush finds the changes. */
    @Benchmark
    public void orm_flush() {
        try (Session session = Session.open(fixture.engine())) {
            List<OrmCustomer> customers = session.scalars(Orm.select(OrmCustomer.class)).all();
            for (OrmCustomer customer : customers) {
                customer.description = description;
            }
            session.commit();
        }
    }

    /** HQL {@code from JpaCustomer}, change each, commit: dirty checking and batched UPDATEs (batch size 1,000). */
    @Benchmark
    public void hibernate_session() {
        try (org.hibernate.Session session = fixture.hibernate().openSession()) {
            Transaction transaction = session.beginTransaction();
            List<JpaCustomer> customers = session.createSelectionQuery("from JpaCustomer", JpaCustomer.class)
                    .getResultList();
            for (JpaCustomer customer : customers) {
                customer.description = description;
            }
            transaction.commit();
        }
    }

    /** A stateless session's query, then {@code update(each)} (batched, batch size 1,000). */
    @Benchmark
    public void hibernate_stateless() {
        try (StatelessSession session = fixture.hibernate().openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            List<JpaCustomer> customers = session.createSelectionQuery("from JpaCustomer", JpaCustomer.class)
                    .getResultList();
            for (JpaCustomer customer : customers) {
                customer.description = description;
                session.update(customer);
            }
            transaction.commit();
        }
    }

    /** {@code select(...).fetch()}, then a batch of {@code update(t).set(description, ?).where(id = ?)}. */
    @Benchmark
    public void jooq_batch() throws SQLException {
        try (java.sql.Connection conn = fixture.dataSource.getConnection()) {
            DSLContext ctx = DSL.using(conn, fixture.db.jooqDialect(), fixture.jooqSettings());
            Result<Record3<Integer, String, String>> loaded = ctx
                    .select(Fixture.J_ID, Fixture.J_NAME, Fixture.J_DESCRIPTION).from(Fixture.J_TABLE).fetch();
            BatchBindStep batch = ctx.batch(ctx.update(Fixture.J_TABLE).set(Fixture.J_DESCRIPTION, (String) null)
                    .where(Fixture.J_ID.eq((Integer) null)));
            for (Record3<Integer, String, String> record : loaded) {
                batch = batch.bind(description, record.value1());
            }
            batch.execute();
            conn.commit();
        }
    }
}
