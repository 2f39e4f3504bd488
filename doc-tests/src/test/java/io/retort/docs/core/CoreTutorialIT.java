package io.retort.docs.core;

import static io.retort.sql.Sql.text;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.docs.Printed;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.NestedTransaction;
import io.retort.engine.Row;
import io.retort.exception.DatabaseException;
import io.retort.exception.IntegrityException;
import io.retort.exception.NoResultException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/core-tutorial.md: engine, connections, text(), results. */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class CoreTutorialIT {


    @DatabaseTest
    void createAnEngine(Printed printed) {
        printed.clear();
        // tag::create-engine[]
        try (Engine engine = Engine.create("sqlite+pysqlite:///:memory:",
                EngineOptions.builder().echo(true).build())) {
            System.out.println(engine.dialectName() + " " + engine.url());
        }
        // end::create-engine[]
        printed.assertShown("core/CoreTutorialIT.java#create-engine");
    }

    @DatabaseTest
    void connections(Engine engine, Printed printed) {
        printed.clear();
        // tag::commit-as-you-go[]
        try (Connection conn = engine.connect()) {             // a transaction begins with the first statement
            conn.execute(text("CREATE TABLE some_table (x int, y int)"));
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                    List.of(Map.of("x", 1, "y", 1), Map.of("x", 2, "y", 4)));   // executemany: one JDBC batch
            conn.commit();
        }                                                      // close() rolls back whatever was not committed
        // end::commit-as-you-go[]
        // tag::begin-once[]
        engine.begin(conn -> conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                List.of(Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10))));
        // end::begin-once[]
        // tag::in-transaction[]
        Integer total = engine.inTransaction(conn ->
                conn.execute(text("SELECT sum(y) FROM some_table")).scalar(Integer.class));
        System.out.println("total: " + total);
        // end::in-transaction[]
        printed.assertShown("core/CoreTutorialIT.java#in-transaction");
        // tag::rollback-on-close[]
        try (Connection conn = engine.connect()) {
            conn.execute(text("DELETE FROM some_table"));
        }                                                      // not committed: the rows are still there
        try (Connection conn = engine.connect()) {
            System.out.println(conn.execute(text("SELECT count(*) FROM some_table")).scalar(Integer.class));
        }
        // end::rollback-on-close[]
        printed.assertShown("core/CoreTutorialIT.java#rollback-on-close");
        // tag::begin-once-failure[]
        try {
            engine.begin(conn -> {
                conn.execute(text("INSERT INTO some_table (x, y) VALUES (100, 100)"));
                throw new IllegalStateException("changed my mind");
            });
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());                // rolled back: no row with x = 100
        }
        // end::begin-once-failure[]
        printed.assertShown("core/CoreTutorialIT.java#begin-once-failure");
        Integer left = engine.inTransaction(conn -> conn.execute(text("SELECT count(*) FROM some_table WHERE x = 100"))
                .scalar(Integer.class));
        assertThat(left).isZero();
    }

    @DatabaseTest
    void results(Engine engine, Printed printed) {
        fillSomeTable(engine);
        printed.clear();
        // tag::rows[]
        try (Connection conn = engine.connect()) {
            for (Row row : conn.execute(text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y"),
                    Map.of("y", 6))) {
                System.out.println("x: " + row.get("x") + " y: " + row.get("y", Integer.class));
            }
        }
        // end::rows[]
        printed.assertShown("core/CoreTutorialIT.java#rows");
        try (Connection conn = engine.connect()) {
            // tag::result-forms[]
            record Point(int x, int y) {}
            List<Point> points = conn.execute(text("SELECT x, y FROM some_table ORDER BY x")).mapTo(Point.class).all();
            List<Integer> xs = conn.execute(text("SELECT x FROM some_table ORDER BY x")).scalars(Integer.class).all();
            List<Map<String, Object>> maps = conn.execute(text("SELECT x, y FROM some_table ORDER BY x"))
                    .mappings().all();
            List<Object[]> pairs = conn.execute(text("SELECT x, y FROM some_table ORDER BY x")).arrays().all();
            Row one = conn.execute(text("SELECT * FROM some_table WHERE x = :x"), Map.of("x", 1)).one();
            System.out.println(points.get(0) + " " + xs + " " + maps.get(1) + " " + pairs.size() + " " + one.asMap());
            // end::result-forms[]
            printed.assertShown("core/CoreTutorialIT.java#result-forms");
            // tag::one-or-none[]
            Row none = conn.execute(text("SELECT * FROM some_table WHERE x = 42")).first();
            System.out.println(none);
            try {
                conn.execute(text("SELECT * FROM some_table WHERE x = 42")).one();
            } catch (NoResultException e) {
                System.out.println("one() found no row");
            }
            // end::one-or-none[]
            printed.assertShown("core/CoreTutorialIT.java#one-or-none");
            // tag::keys-and-values[]
            Row row = conn.execute(text("SELECT x, y FROM some_table WHERE x = 2")).one();
            System.out.println(row.keys() + " " + row.values() + " " + row.get(1) + " " + row.get(0, Long.class));
            // end::keys-and-values[]
            printed.assertShown("core/CoreTutorialIT.java#keys-and-values");
        }
    }

    @DatabaseTest
    void savepointsAndStreaming(Engine engine, Printed printed) {
        fillSomeTable(engine);
        printed.clear();
        try (Connection conn = engine.connect()) {
            // tag::savepoint[]
            try (NestedTransaction savepoint = conn.beginNested()) {       // SAVEPOINT
                conn.execute(text("DELETE FROM some_table"));
                savepoint.rollback();                                         // ROLLBACK TO SAVEPOINT
            }
            System.out.println(conn.execute(text("SELECT count(*) FROM some_table")).scalar(Integer.class));
            // end::savepoint[]
            printed.assertShown("core/CoreTutorialIT.java#savepoint");
            // tag::stream[]
            int seen = 0;
            for (Row row : conn.stream(text("SELECT x, y FROM some_table"), Map.of(), 1000)) {  // 1000 at a time
                seen++;
            }
            System.out.println(seen + " rows streamed");
            // end::stream[]
            printed.assertShown("core/CoreTutorialIT.java#stream");
        }
    }

    @DatabaseTest
    void parameters(Engine engine, Printed printed) {
        fillSomeTable(engine);
        printed.clear();
        try (Connection conn = engine.connect()) {
            // tag::expanding[]
            List<Integer> ys = conn.execute(text("SELECT y FROM some_table WHERE x IN :xs ORDER BY y")
                    .expanding("xs").bindTypes(Map.of("xs", INTEGER)), Map.of("xs", List.of(1, 2, 9)))
                    .scalars(Integer.class).all();
            List<Integer> none = conn.execute(text("SELECT y FROM some_table WHERE x IN :xs")
                    .expanding("xs").bindTypes(Map.of("xs", INTEGER)), Map.of("xs", List.of()))
                    .scalars(Integer.class).all();
            System.out.println(ys + " " + none);
            // end::expanding[]
            printed.assertShown("core/CoreTutorialIT.java#expanding");
            // tag::missing-parameter[]
            try {
                conn.execute(text("SELECT * FROM some_table WHERE x = :x AND y = :y"), Map.of("x", 1));
            } catch (RuntimeException e) {
                System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            // end::missing-parameter[]
            printed.assertShown("core/CoreTutorialIT.java#missing-parameter");
        }
    }

    @DatabaseTest
    void errors(Engine engine, Printed printed) {
        printed.clear();
        // tag::integrity-error[]
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE account (id int PRIMARY KEY, owner varchar(20))"));
            conn.execute(text("INSERT INTO account (id, owner) VALUES (:id, :owner)"), Map.of("id", 1, "owner", "a"));
            conn.commit();
            conn.execute(text("INSERT INTO account (id, owner) VALUES (:id, :owner)"), Map.of("id", 1, "owner", "b"));
        } catch (IntegrityException e) {                       // SQLSTATE class 23: a constraint refused the row
            System.out.println(e.sql());
            System.out.println(e.parameterSets());
        }
        // end::integrity-error[]
        printed.assertShown("core/CoreTutorialIT.java#integrity-error");
        assertThatThrownBy(() -> engine.begin(conn -> conn.execute(text("SELECT * FROM no_such_table"))))
                .isInstanceOf(DatabaseException.class);
    }

    private static void fillSomeTable(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE some_table (x int, y int)"));
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), List.of(Map.of("x", 1, "y", 1),
                    Map.of("x", 2, "y", 4), Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10)));
        });
    }
}
