package io.retort.impl.orm.querying;

import static io.retort.orm.Orm.inspect;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Capability;
import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.Synchronize;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * ORM-enabled UPDATE and DELETE with synchronisation of the identity map, and bulk UPDATE by primary key, on every
 * database; the fixture is SQLAlchemy's of test/orm/dml/test_orm_upd_del_basic.py (john 25, jack 47, jill 29,
 * jane 37). Where the database has no UPDATE ... RETURNING (MariaDB), FETCH selects the keys first.
 */
class OrmDmlIT {

    private static void withUsers(TestEngines engines, BiConsumer<Engine, StatementRecorder> test) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(User.class, Address.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                session.add(new User("john", 25));
                session.add(new User("jack", 47));
                session.add(new User("jill", 29));
                session.add(new User("jane", 37));
                session.commit();
            }
            recorder.clear();
            test.accept(engine, recorder);
        } finally {
            registry.dropAll(engine);
        }
    }

    private static List<User> all(Session session) {
        return session.scalars(select(User.class).orderBy(User_.id)).all();
    }

    private static List<Integer> ages(Session session) {
        return session.execute(Orm.select(User_.age).orderBy(User_.id)).scalars(Integer.class).all();
    }

    // SQLAlchemy: test/orm/dml/test_orm_upd_del_basic.py::UpdateDeleteTest::test_update
    @DatabaseTest
    void updateEvaluatesAndFetches(TestEngines engines) {
        withUsers(engines, (engine, recorder) -> {
            try (Session session = Session.open(engine)) {
                List<User> users = all(session);
                User john = users.get(0);
                User jack = users.get(1);
                User jill = users.get(2);
                User jane = users.get(3);
                recorder.clear();
                long count = session.execute(Orm.update(User.class).set(User_.age, User_.age.minus(10))
                        .where(User_.age.gt(29)).synchronize(Synchronize.EVALUATE)).rowCount();
                assertThat(recorder.sql()).containsExactly("UPDATE users SET age=(users.age - ?) WHERE users.age > ?");
                assertThat(count).isEqualTo(2);
                recorder.clear();
                assertThat(List.of(john.age, jack.age, jill.age, jane.age)).containsExactly(25, 37, 29, 27);
                assertThat(recorder.sql()).isEmpty(); // no reload
                assertThat(session.isModified(jack)).isFalse();
                assertThat(ages(session)).containsExactly(25, 37, 29, 27);

                session.execute(Orm.update(User.class).values(Map.of("age", User_.age.minus(10)))
                        .where(User_.age.gt(29)).synchronize(Synchronize.EVALUATE));
                assertThat(List.of(john.age, jack.age, jill.age, jane.age)).containsExactly(25, 27, 29, 27);
                assertThat(ages(session)).containsExactly(25, 27, 29, 27);

                recorder.clear();
                session.execute(Orm.update(User.class).set(User_.age, User_.age.minus(10)).where(User_.age.eq(25))
                        .synchronize(Synchronize.FETCH));
                if (engine.supports(Capability.UPDATE_RETURNING)) {
                    assertThat(recorder.sql()).containsExactly("UPDATE users SET age=(users.age - ?) WHERE users.age"
                            + " = ? RETURNING id, age");
                } else {
                    assertThat(recorder.sql()).containsExactly("SELECT users.id FROM users WHERE users.age = ?",
                            "UPDATE users SET age=(users.age - ?) WHERE users.age = ?");
                }
                recorder.clear();
                // With RETURNING the new value is john's at once; without, john is expired and reloads on read.
                assertThat(List.of(john.age, jack.age, jill.age, jane.age)).containsExactly(15, 27, 29, 27);
                assertThat(recorder.sql()).hasSize(engine.supports(Capability.UPDATE_RETURNING) ? 0 : 1);
                assertThat(ages(session)).containsExactly(15, 27, 29, 27);
                session.commit();
            }
        });
    }

    // SQLAlchemy: test/orm/dml/test_orm_upd_del_basic.py::UpdateDeleteTest::test_update_returns_rowcount and
    // ::test_auto_synchronize (AUTO evaluates a literal, fetches what it cannot evaluate)
    @DatabaseTest
    void autoSynchronizeEvaluatesOrFetches(TestEngines engines) {
        withUsers(engines, (engine, recorder) -> {
            try (Session session = Session.open(engine)) {
                List<User> users = all(session);
                recorder.clear();
                assertThat(session.execute(Orm.update(User.class).set(User_.name, "JILL")
                        .where(User_.name.eq("jill"))).rowCount()).isEqualTo(1);
                assertThat(recorder.sql()).containsExactly("UPDATE users SET name=? WHERE users.name = ?");
                assertThat(users.get(2).name).isEqualTo("JILL");
                recorder.clear();
                // LIKE is not evaluated in Java: AUTO fetches the keys.
                session.execute(Orm.update(User.class).set(User_.name, "JANE").where(User_.name.like("ja%e")));
                assertThat(recorder.sql().get(0)).startsWith(engine.supports(Capability.UPDATE_RETURNING)
                        ? "UPDATE users SET name=? WHERE users.name LIKE ?" : "SELECT users.id FROM users");
                assertThat(users.get(3).name).isEqualTo("JANE");
                assertThat(users.get(1).name).isEqualTo("jack");
                assertThatThrownBy(() -> session.execute(Orm.update(User.class).set(User_.name, "x")
                        .where(User_.name.like("j%")).synchronize(Synchronize.EVALUATE)))
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageStartingWith("Could not evaluate the criteria of UPDATE users SET name=:name WHERE"
                                + " users.name LIKE :name_1 in Java")
                        .hasMessageEndingWith("use synchronize(Synchronize.FETCH)");
                assertThat(ages(session)).containsExactly(25, 47, 29, 37); // nothing ran
            }
        });
    }

    // SQLAlchemy: test/orm/dml/test_orm_upd_del_basic.py::UpdateDeleteTest::test_delete (evaluate, fetch, none)
    @DatabaseTest
    void deleteTakesTheMatchingObjectsOutOfTheSession(TestEngines engines) {
        withUsers(engines, (engine, recorder) -> {
            for (Synchronize how : List.of(Synchronize.EVALUATE, Synchronize.FETCH, Synchronize.NONE)) {
                try (Session session = Session.open(engine)) {
                    List<User> users = all(session);
                    User john = users.get(0);
                    User jill = users.get(2);
                    long deleted = session.execute(Orm.delete(User.class).where(Sql.or(User_.name.eq("john"),
                            User_.name.eq("jill"))).synchronize(how)).rowCount();
                    assertThat(deleted).as(how.name()).isEqualTo(2);
                    if (how != Synchronize.NONE) {
                        assertThat(session.contains(john)).isFalse();
                        assertThat(session.contains(jill)).isFalse();
                        assertThat(inspect(john).state()).isEqualTo(ObjectState.DELETED);
                    } else {
                        assertThat(session.contains(john)).isTrue(); // stale: NONE leaves it
                    }
                    assertThat(all(session)).extracting(u -> u.name).containsExactly("jack", "jane");
                    session.rollback(); // SQLAlchemy: ::test_delete_rollback
                    assertThat(all(session)).hasSize(4);
                    assertThat(session.contains(john)).isTrue();
                }
            }
        });
    }

    // SQLAlchemy: test/orm/dml/test_orm_upd_del_basic.py::UpdateDeleteTest::test_evaluate_dont_refresh_expired_objects
    // and ::test_update_changes_resets_dirty ("bulk" variant: an UPDATE by primary key from a list of maps)
    @DatabaseTest
    void bulkUpdateByPrimaryKeyUpdatesTheHeldObjects(TestEngines engines) {
        withUsers(engines, (engine, recorder) -> {
            try (Session session = Session.open(engine)) {
                List<User> users = all(session);
                session.expire(users.get(3));
                recorder.clear();
                long count = session.execute(Orm.update(User.class), List.of(Map.of("id", 1, "age", 26),
                        Map.of("id", 2, "age", 48), Map.of("id", 3, "name", "jillian"),
                        Map.of("id", 4, "age", 38))).rowCount();
                assertThat(recorder.sql()).containsExactly("UPDATE users SET age=? WHERE users.id = ?",
                        "UPDATE users SET name=? WHERE users.id = ?");
                assertThat(count).isEqualTo(4);
                recorder.clear();
                assertThat(users).extracting(u -> u.name + u.age).containsExactly("john26", "jack48", "jillian29",
                        "jane38");
                assertThat(recorder.sql()).hasSize(1); // jane was expired: reloaded, not evaluated
                assertThat(session.dirtyObjects()).isEmpty();
                assertThatThrownBy(() -> session.execute(Orm.update(User.class), List.of(Map.of("age", 1))))
                        .hasMessage("A bulk UPDATE by primary key needs User.id in every map; this one has [age]");
            }
        });
    }
}
