package io.retort.impl.orm.querying;

import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Row;
import io.retort.engine.TypedResult;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.EntityAlias;
import io.retort.orm.Orm;
import io.retort.orm.QueryOption;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.schema.Table;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Entities from other statements, and the query options populateExisting, withForUpdate and yieldPer. */
class QueryOptionsIT {

    // SQLAlchemy: test/orm/test_eager_relations.py::EagerTest::test_from_statement and
    // test/orm/test_selectin_relations.py::EagerTest::test_from_statement (entities from a text())
    @DatabaseTest
    void entitiesFromATextStatement(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                User ed = session.get(User.class, 2);
                List<User> users = session.scalars(select(User.class).fromStatement(Sql.text("SELECT manager_id,"
                        + " name, age, id, 'extra' AS extra FROM users WHERE age >= :age ORDER BY id")),
                        Map.of("age", 40)).all();
                assertThat(users).extracting(u -> u.name).containsExactly("ed", "fred");
                assertThat(users.get(0)).isSameAs(ed);
                assertThat(users.get(1).managerId).isEqualTo(1);
                // Two entities from one text: their columns repeat (id), so they are matched by position.
                List<Row> rows = session.execute(Orm.select(User.class, Address.class).fromStatement(Sql.text(
                        "SELECT users.id, users.name, users.age, users.manager_id, addresses.id, addresses.email_address,"
                        + " addresses.user_id FROM users JOIN addresses ON users.id = addresses.user_id"
                        + " WHERE users.name = 'fred'"))).all();
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).get(1, Address.class).emailAddress).isEqualTo("fred@fred.com");
                assertThatThrownBy(() -> session.scalars(select(User.class).fromStatement(
                        Sql.text("SELECT id, name FROM users"))).all())
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageStartingWith("The statement given to fromStatement returns no column age");
            }
        });
    }

    // SQLAlchemy: test/orm/test_core_compilation.py::RawSelectTest::test_select_from_aliased_entity (an entity read
    // from a subquery through aliased(User, subquery); here the subquery is a UNION)
    @DatabaseTest
    void entitiesFromAUnionThroughAnAliasOfTheSubquery(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                Table users = Orm.mapping(User.class).table();
                var union = Sql.select(users).where(users.c("name").eq("jack"))
                        .union(Sql.select(users).where(users.c("name").eq("chuck")));
                EntityAlias<User> u = Orm.aliased(User.class, union.subquery("u"));
                List<User> found = session.execute(Orm.select(u).orderBy(u.get(User_.id))).scalars(User.class).all();
                assertThat(found).extracting(x -> x.name).containsExactly("jack", "chuck");
                assertThat(found.get(0)).isSameAs(session.get(User.class, 1));
                // The same union straight into fromStatement.
                assertThat(session.scalars(select(User.class).fromStatement(union)).all()).hasSize(2);
            }
        });
    }

    // SQLAlchemy: test/orm/test_events.py::RefreshTest::test_populate_existing and
    // test/orm/test_eager_relations.py::LoadOnExistingTest::test_populate_existing_propagate
    @DatabaseTest
    void populateExistingOverwritesHeldObjects(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            try (Session session = SessionFactory.builder(engine).autoflush(false).build().open()) {
                User jack = session.get(User.class, 1);
                jack.name = "unflushed";
                session.connection().execute(Sql.text("UPDATE users SET age = 31 WHERE id = 1"));
                User again = session.scalars(select(User.class).where(User_.id.eq(1))).one();
                assertThat(again).isSameAs(jack);
                assertThat(jack.age).isEqualTo(30); // the identity map's object is not overwritten...
                assertThat(jack.name).isEqualTo("unflushed");
                session.scalars(select(User.class).where(User_.id.eq(1)).options(QueryOption.populateExisting()))
                        .one();
                assertThat(jack.age).isEqualTo(31); // ...unless asked
                assertThat(jack.name).isEqualTo("jack");
                assertThat(session.isModified(jack)).isFalse();
            }
        });
    }

    // SQLAlchemy: test/orm/test_selectin_relations.py::LoadOnExistingTest::test_populate_existing_propagate and
    // test/orm/test_eager_relations.py::LoadOnExistingTest::test_populate_existing_propagate (a loaded collection is
    // reverted, and the related objects the query's loaders meet are refilled too); with the default lazy loading the
    // collection is unloaded, and loads again on access
    @DatabaseTest
    void populateExistingRefreshesLoadedCollections(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            for (io.retort.orm.LoadOption loader : List.of(io.retort.orm.Load.selectIn(User_.addresses),
                    io.retort.orm.Load.joined(User_.addresses), io.retort.orm.Load.lazy(User_.addresses))) {
                try (Session session = SessionFactory.builder(engine).autoflush(false).build().open()) {
                    User ed = session.get(User.class, 2);
                    ed.addresses.get(2).emailAddress = "foofoo";
                    ed.addresses.remove(1);
                    recorder.clear();
                    User again = session.scalars(select(User.class).where(User_.id.eq(2)).options(loader)
                            .options(QueryOption.populateExisting())).one();
                    assertThat(again).isSameAs(ed);
                    boolean lazy = loader.path().get(0).loading() == io.retort.orm.Loading.LAZY;
                    assertThat(recorder.sql()).hasSize(lazy || loader.toString().startsWith("joined") ? 1 : 2);
                    assertThat(ed.addresses).hasSize(3); // the collection is reverted
                    assertThat(recorder.sql()).hasSize(lazy ? 2 : loader.toString().startsWith("joined") ? 1 : 2);
                    if (!lazy) { // the related objects the query loaded are refilled
                        assertThat(ed.addresses.get(2).emailAddress).isEqualTo("ed@lala.com");
                        assertThat(session.dirtyObjects()).isEmpty();
                    }
                    assertThat(session.isModified(ed)).isFalse();
                }
            }
        });
    }

    // Retort's own rule, beside SQLAlchemy's populate_existing: a field set while the object was expired is kept when
    // the object is refilled. A joined collection repeats its owner's row; each repeat must not expire and refill the
    // owner again, which lost that field.
    @DatabaseTest
    void populateExistingKeepsAFieldSetWhileExpiredAcrossRepeatedRows(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            try (Session session = SessionFactory.builder(engine).autoflush(false).build().open()) {
                User ed = session.get(User.class, 2);
                session.expire(ed);
                ed.name = "edward"; // written while expired
                User again = session.scalars(select(User.class).where(User_.id.eq(2))
                        .options(io.retort.orm.Load.joined(User_.addresses))
                        .options(QueryOption.populateExisting())).one();
                assertThat(again).isSameAs(ed);
                assertThat(ed.addresses).hasSize(3); // three rows of ed
                assertThat(ed.name).isEqualTo("edward");
                assertThat(session.isModified(ed)).isTrue();
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                assertThat(session.get(User.class, 2).name).isEqualTo("edward");
            }
        });
    }

    // SQLAlchemy: test/orm/test_events.py::ORMExecuteTest::test_load_option_propagation_to_post_load (yield_per
    // loads relationships per batch, after each batch's rows); Retort's own: rows are read one batch at a time
    @DatabaseTest
    void yieldPerLoadsBatchByBatch(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                session.get(User.class, 1); // jack, held before the query
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    rows.add(Map.of("name", "u" + i, "age", i));
                }
                session.execute(Orm.insert(User.class), rows);
                recorder.clear();
                int seen = 0;
                List<User> kept = new ArrayList<>();
                try (TypedResult<User> users = session.scalars(select(User.class).where(User_.age.ge(0))
                        .orderBy(User_.id).options(QueryOption.yieldPer(100)))) {
                    for (User user : users) {
                        seen++;
                        if (user.name.equals("u7") || user.name.equals("jack")) {
                            kept.add(user);
                        }
                        if (user.name.equals("u8")) {
                            user.age = 800; // changed in the loop: stays in the session and is flushed
                            kept.add(user);
                        }
                    }
                }
                assertThat(seen).isEqualTo(250 + 3);
                assertThat(recorder.sql()).hasSize(1);
                // jack was held before the query: it stays. u7, unchanged, left with its batch: a write is refused.
                assertThat(session.contains(kept.get(0))).isTrue();
                assertThat(session.contains(kept.get(1))).isFalse();
                assertThatThrownBy(() -> kept.get(1).age = 70).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("it was loaded by a query with yieldPer");
                assertThat(session.contains(kept.get(2))).isTrue();
                session.commit();
                assertThat(session.execute(Orm.select(User_.age).where(User_.name.eq("u8"))).scalars(Integer.class)
                        .one()).isEqualTo(800);
                List<String> names = session.execute(Orm.select(User.class, User_.age).where(User_.age.lt(3))
                        .orderBy(User_.age, User_.id).options(QueryOption.yieldPer(2))).stream()
                        .map(r -> r.get(0, User.class).name + r.get(1, Integer.class)).toList();
                assertThat(names).containsExactly("u00", "u11", "u22");
            }
        });
    }

    // SQLAlchemy: test/orm/test_session.py::SessionUtilTest::test_get_with_for_update_use (FOR UPDATE rendered)
    @DatabaseTest
    void withForUpdateLocksTheRows(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                User jack = session.scalars(select(User.class).where(User_.id.eq(1)).withForUpdate()).one();
                assertThat(jack.name).isEqualTo("jack");
                String sql = recorder.sql().get(0);
                if (engines.database() != io.retort.testing.TestDatabase.SQLITE) {
                    assertThat(sql).endsWith("FOR UPDATE");
                }
                assertThat(Orm.select(User.class, Address.class).join(User_.addresses).withForUpdate().toString())
                        .endsWith("FOR UPDATE");
            }
        });
    }
}
