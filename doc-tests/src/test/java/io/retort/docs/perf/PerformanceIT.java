package io.retort.docs.perf;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;

import io.retort.docs.Printed;
import io.retort.docs.orm.Address;
import io.retort.docs.orm.Club;
import io.retort.docs.orm.User;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.ExecutionListener;
import io.retort.engine.StatementEvent;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/performance.md: what batches, counted with an ExecutionListener. */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class PerformanceIT {

    @DatabaseTest
    void batches(TestEngines engines, Printed printed) {
        String url = engines.url();
        printed.clear();
        // tag::count-statements[]
        List<StatementEvent> sent = new ArrayList<>();
        ExecutionListener recorder = new ExecutionListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                sent.add(event);
            }
        };
        Engine engine = Engine.create(url, EngineOptions.builder().addListener(recorder).build());
        // end::count-statements[]
        try {
            MetaData metadata = new MetaData();
            Table customer = metadata.table("customer", column("id", INTEGER).primaryKey(),
                    column("name", string(50)).notNull());
            metadata.createAll(engine);
            Registry.of(User.class, Address.class, Club.class).createAll(engine);
            sent.clear();
            // tag::executemany[]
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                rows.add(Map.of("name", "customer " + i));
            }
            try (Connection conn = engine.connect()) {
                conn.execute(insert(customer), rows);   // two pages of 1,000 rows in one batch, then 500 rows
                conn.commit();
            }
            for (StatementEvent event : sent) {
                String sql = event.sql();
                System.out.println("batch of " + event.parameterSets().size() + ": "
                        + (sql.length() > 50 ? sql.substring(0, 50) + "..." : sql));
            }
            // end::executemany[]
            printed.assertShown("perf/PerformanceIT.java#executemany");
            sent.clear();
            // tag::orm-batches[]
            try (Session session = Session.open(engine)) {
                for (int i = 0; i < 2500; i++) {
                    session.add(new User("user " + i, null));
                }
                session.commit();                                      // INSERT ... VALUES (...), ... RETURNING id
            }
            long inserts = sent.stream().filter(event -> event.sql().startsWith("INSERT")).count();
            System.out.println(inserts + " INSERT statements for 2500 objects");
            // end::orm-batches[]
            printed.assertShown("perf/PerformanceIT.java#orm-batches");
            // tag::bind-param[]
            var byId = select(customer.c("name")).where(customer.c("id").eq(bindParam("id", INTEGER)));
            try (Connection conn = engine.connect()) {
                for (int id = 1; id <= 3; id++) {
                    System.out.println(conn.execute(byId, Map.of("id", id)).scalar());   // compiled once, cached
                }
            }
            // end::bind-param[]
            printed.assertShown("perf/PerformanceIT.java#bind-param");
        } finally {
            engine.close();
        }
    }
}
