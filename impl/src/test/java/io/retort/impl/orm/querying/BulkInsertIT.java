package io.retort.impl.orm.querying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Capability;
import io.retort.engine.Engine;
import io.retort.exception.InvalidArgumentException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ORM bulk INSERT of maps on every database: keys and objects in the order of the maps, one statement per page. */
class BulkInsertIT {

    // SQLAlchemy: test/orm/dml/test_bulk_statements.py::BulkDMLReturningInhTest::test_heterogeneous_keys
    // (use_returning, sort_by_parameter_order: the returned keys follow the order of the parameter sets) and
    // ::InsertStmtTest::test_insert_returning_cols_dont_give_me_defaults
    @DatabaseTest
    void keysComeBackInTheOrderOfTheMaps(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(User.class, Address.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                Map<String, Object> row = new HashMap<>();
                row.put("name", "user" + i);
                row.put("age", i % 90);
                rows.add(row);
            }
            recorder.clear();
            List<Integer> ids = session.execute(Orm.insert(User.class).returning(User_.id), rows)
                    .scalars(Integer.class).all();
            assertThat(ids).hasSize(2500).isSorted().doesNotHaveDuplicates();
            if (engine.supports(Capability.INSERT_RETURNING)) {
                assertThat(recorder.eventsWithoutProbe()).hasSizeLessThanOrEqualTo(3); // pages of up to 1,000 rows
                // H2: SELECT id FROM FINAL TABLE (INSERT ... VALUES (...), (...)), its form of INSERT ... RETURNING
                assertThat(recorder.sql().get(0)).startsWith(engine.dialectName().equals("h2")
                        ? "SELECT id FROM FINAL TABLE (INSERT INTO users (" : "INSERT INTO users (").contains("), (");
            }
            Map<Integer, String> names = new HashMap<>();
            for (var row : session.execute(Orm.select(User_.id, User_.name))) {
                names.put(row.get(0, Integer.class), row.get(1, String.class));
            }
            for (int i = 0; i < ids.size(); i += 97) {
                assertThat(names.get(ids.get(i))).isEqualTo("user" + i);
            }
            assertThat(session.newObjects()).isEmpty(); // nothing built or held

            // Keyed by field name: the column is manager_id.
            long count = session.execute(Orm.insert(User.class), List.of(Map.of("name", "sub", "managerId",
                    ids.get(0)))).rowCount();
            assertThat(count).isEqualTo(1);
            assertThatThrownBy(() -> session.execute(Orm.insert(User.class), List.of(Map.of("nmae", "x"))))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageStartingWith("Class User maps no field named 'nmae'");
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/dml/test_bulk_statements.py::InsertStmtTest::test_insert_returning_star ("insert(User)
    // .returning(User)" gives the objects, database defaults included, in order)
    @DatabaseTest
    void scalarsOfAnInsertAreThePersistentObjectsInOrder(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(User.class, Address.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            List<User> users = session.scalars(Orm.insert(User.class), List.of(Map.of("name", "spongebob", "age",
                    20), Map.of("name", "sandy", "age", 21), Map.of("name", "patrick", "age", 22))).all();
            assertThat(users).extracting(u -> u.name).containsExactly("spongebob", "sandy", "patrick");
            assertThat(users).allSatisfy(u -> {
                assertThat(u.id).isNotNull();
                assertThat(Orm.inspect(u).state()).isEqualTo(ObjectState.PERSISTENT);
            });
            recorder.clear();
            assertThat(session.get(User.class, users.get(1).id)).isSameAs(users.get(1)); // identity-mapped
            assertThat(users.get(1).addresses).isEmpty(); // a lazy collection, loaded on use
            users.get(2).age = 23;
            session.commit();
            assertThat(recorder.dml()).containsExactly("UPDATE users SET age=? WHERE users.id = ?");
        } finally {
            registry.dropAll(engine);
        }
    }
}
