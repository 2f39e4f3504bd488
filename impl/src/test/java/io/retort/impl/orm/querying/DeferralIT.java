package io.retort.impl.orm.querying;

import static io.retort.orm.Load.defer;
import static io.retort.orm.Load.joined;
import static io.retort.orm.Load.loadOnly;
import static io.retort.orm.Load.selectIn;
import static io.retort.orm.Load.undefer;
import static io.retort.orm.Load.undeferGroup;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.engine.Row;
import io.retort.exception.DetachedInstanceException;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.EntityAlias;
import io.retort.orm.Orm;
import io.retort.orm.QueryOption;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.Synchronize;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deferred column loading: loadOnly, defer, undefer, undeferGroup, mapping-level deferral and raiseOnLoad. Ported from
 * SQLAlchemy's test/orm/test_deferred.py (not in the reference folder; the cases are named as SQLAlchemy names them).
 */
class DeferralIT {
    private static final String USER_COLUMNS = "users.id, users.name, users.age, users.manager_id";

    static void withData(TestEngines engines, StatementRecorder recorder, Consumer<Engine> test) {
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(User.class, Address.class, Order.class);
        registry.createAll(engine);
        try {
            QueryFixtures.load(engine);
            try (Session session = Session.open(engine)) {
                session.add(new Order(1, 1, "order 1", false, "note 1"));
                session.add(new Order(2, 2, "order 2", true, "note 2"));
                session.commit();
            }
            recorder.clear();
            test.accept(engine);
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test_deferred.py::DeferredOptionsTest::test_load_only_no_pk and DeferredTest::test_basic (the column
    // left out of the SELECT loads alone, by primary key, on first read; the key and foreign keys always load)
    @DatabaseTest
    void loadOnlyLeavesTheOtherColumnsOutAndLoadsOneOnFirstRead(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                List<User> users = session.scalars(select(User.class).options(loadOnly(User_.name))
                        .orderBy(User_.id)).all();
                assertThat(recorder.sql()).containsExactly(
                        "SELECT users.id, users.name, users.manager_id FROM users ORDER BY users.id");
                recorder.clear();
                User jack = users.get(0);
                assertThat(jack.name).isEqualTo("jack");
                assertThat(recorder.sql()).isEmpty();
                assertThat(jack.age).isEqualTo(30);
                assertThat(recorder.sql()).containsExactly("SELECT users.age FROM users WHERE users.id = ?");
                assertThat(jack.age).isEqualTo(30);
                assertThat(recorder.sql()).hasSize(1);
                assertThat(session.isModified(jack)).isFalse();
                session.flush();
                assertThat(recorder.dml()).isEmpty();
            }
        });
    }

    // SQLAlchemy: test_deferred.py::DeferredTest::test_save (a flush writes only the changed loaded column; the
    // deferred one, never read, is neither compared nor written, and still loads its row's value afterwards)
    @DatabaseTest
    void aDeferredColumnNeverReadIsNeverWritten(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                User ed = session.scalars(select(User.class).where(User_.id.eq(2)).options(defer(User_.age))).one();
                ed.name = "edward";
                assertThat(session.dirtyObjects()).containsExactly(ed);
                recorder.clear();
                session.commit();
                assertThat(recorder.dml()).containsExactly("UPDATE users SET name=? WHERE users.id = ?");
            }
            try (Session session = Session.open(engine)) {
                User ed = session.get(User.class, 2);
                assertThat(ed.name).isEqualTo("edward");
                assertThat(ed.age).isEqualTo(40);
            }
        });
    }

    // SQLAlchemy: test_deferred.py::DeferredTest::test_unsaved and ::test_unsaved_2 (a deferred attribute set without
    // being loaded is written by the flush, even to NULL, and no SELECT loads it first)
    @DatabaseTest
    void aDeferredColumnSetWithoutReadingItIsWritten(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                User jack = session.scalars(select(User.class).where(User_.id.eq(1)).options(defer(User_.age)))
                        .one();
                recorder.clear();
                jack.age = null; // the row has 30: NULL must reach the database although the field held null
                assertThat(session.isModified(jack)).isTrue();
                session.commit();
                assertThat(recorder.sql()).containsExactly("UPDATE users SET age=? WHERE users.id = ?");
                List<Order> orders = session.scalars(select(Order.class).orderBy(Order_.id)).all();
                orders.get(0).isopen = true; // a primitive deferred in a group, written unread
                orders.get(1).notes = null;
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                assertThat(session.execute(Orm.select(User_.age).where(User_.id.eq(1))).scalars(Integer.class)
                        .one()).isNull();
                List<Row> rows = session.execute(Orm.select(Order_.isopen, Order_.notes).orderBy(Order_.id)).all();
                assertThat(rows.get(0).get(0, Boolean.class)).isTrue();
                assertThat(rows.get(0).get(1, String.class)).isEqualTo("note 1");
                assertThat(rows.get(1).get(1, String.class)).isNull();
            }
        });
    }

    // SQLAlchemy: test_deferred.py::DeferredTest::test_group and ::DeferredOptionsTest::test_undefer_group (columns
    // deferred by the mapping in a group load together on first read; undeferGroup and undefer load them with the
    // query)
    @DatabaseTest
    void mappingDeferredColumnsLoadByGroup(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                Order first = session.scalars(select(Order.class).where(Order_.id.eq(1))).one();
                assertThat(recorder.sql()).containsExactly("SELECT orders.id, orders.user_id, orders.address_id"
                        + " FROM orders WHERE orders.id = ?");
                recorder.clear();
                assertThat(first.description).isEqualTo("order 1");
                assertThat(first.isopen).isFalse();
                assertThat(recorder.sql()).containsExactly(
                        "SELECT orders.description, orders.isopen FROM orders WHERE orders.id = ?");
                assertThat(first.notes).isEqualTo("note 1");
                assertThat(recorder.sql()).hasSize(2).last().isEqualTo(
                        "SELECT orders.notes FROM orders WHERE orders.id = ?");
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                Order second = session.scalars(select(Order.class).where(Order_.id.eq(2))
                        .options(undeferGroup(Order.class, "primary"), undefer(Order_.notes))).one();
                assertThat(recorder.sql()).containsExactly("SELECT orders.id, orders.user_id, orders.address_id,"
                        + " orders.description, orders.isopen, orders.notes FROM orders WHERE orders.id = ?");
                assertThat(second.description).isEqualTo("order 2");
                assertThat(second.isopen).isTrue();
                assertThat(second.notes).isEqualTo("note 2");
                assertThat(recorder.sql()).hasSize(1);
                assertThatThrownBy(() -> session.scalars(select(Order.class).options(undeferGroup(Order.class,
                        "nope"))).all()).isInstanceOf(InvalidArgumentException.class)
                        .hasMessage("undeferGroup(\"nope\"): Order has no deferral group of that name; its groups are"
                                + " [primary]");
            }
        });
    }

    // SQLAlchemy: test_deferred.py::RaiseLoadTest::test_load_only_raise_option_raise_column_plain and
    // ::test_mapper_raise (a deferred column whose loading is raise: its read is an error, not a SELECT)
    @DatabaseTest
    void raiseOnLoadMakesTheReadAnError(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                User jack = session.scalars(select(User.class).where(User_.id.eq(1))
                        .options(defer(User_.age).raiseOnLoad())).one();
                recorder.clear();
                assertThatThrownBy(() -> assertThat(jack.age).isNotNull()).isInstanceOf(InvalidRequestException.class)
                        .hasMessage("Column User.age is deferred and its loading is raiseOnLoad, so reading it is an"
                                + " error; load it with the query, e.g. select(User.class).options(undefer(User_.age))");
                assertThat(recorder.sql()).isEmpty();
                User ed = session.scalars(select(User.class).where(User_.id.eq(2))
                        .options(loadOnly(User_.name).raiseOnLoad())).one();
                assertThatThrownBy(() -> assertThat(ed.age).isNotNull()).isInstanceOf(InvalidRequestException.class);
                ed.age = 41; // writing is allowed, and written
                session.commit();
                assertThat(recorder.dml()).containsExactly("UPDATE users SET age=? WHERE users.id = ?");
            }
        });
    }

    // SQLAlchemy: test_deferred.py::DeferredTest::test_deferred_on_detached (as test_expire.py::ExpireTest::
    // test_expire_detached: a detached object cannot load what it lacks)
    @DatabaseTest
    void aDeferredColumnOfADetachedObjectRaises(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            User jack;
            try (Session session = Session.open(engine)) {
                jack = session.scalars(select(User.class).where(User_.id.eq(1)).options(loadOnly(User_.name))).one();
            }
            User detached = jack;
            assertThat(detached.name).isEqualTo("jack");
            assertThatThrownBy(() -> assertThat(detached.age).isNotNull())
                    .isInstanceOf(DetachedInstanceException.class)
                    .hasMessageStartingWith("Cannot read age: the User with identity 1 is detached (its Session is"
                            + " closed, or it was expunged) and the column is deferred");
        });
    }

    // SQLAlchemy: test_deferred.py::DeferredOptionsTest::test_undefer_on_existing (a query that selects a column an
    // object held unloaded fills it) and test_query.py::PopulateExistingTest (populateExisting with defer: the column
    // is unloaded again and reloads on read)
    @DatabaseTest
    void existingObjectsAndPopulateExisting(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = SessionFactory.builder(engine).autoflush(false).build().open()) {
                User jack = session.scalars(select(User.class).where(User_.id.eq(1)).options(defer(User_.age)))
                        .one();
                session.scalars(select(User.class).where(User_.id.eq(1))).one();
                recorder.clear();
                assertThat(jack.age).isEqualTo(30); // filled by the second query
                assertThat(recorder.sql()).isEmpty();
                session.connection().execute(Sql.text("UPDATE users SET age = 31, name = 'jacky' WHERE id = 1"));
                session.scalars(select(User.class).where(User_.id.eq(1)).options(defer(User_.age))
                        .options(QueryOption.populateExisting())).one();
                assertThat(jack.name).isEqualTo("jacky");
                recorder.clear();
                assertThat(jack.age).isEqualTo(31);
                assertThat(recorder.sql()).containsExactly("SELECT users.age FROM users WHERE users.id = ?");
                session.refresh(jack);
                assertThat(jack.age).isEqualTo(31);
            }
        });
    }

    // SQLAlchemy: test_deferred.py::InheritanceTest / test_core_compilation.py::LoadOnlyTest (options of several
    // entities and of an alias), test_eager_relations.py::EagerTest::test_with_deferred and
    // test_deferred.py::DeferredOptionsTest::test_chained_multi_col_options (column options chained after joined and
    // selectin loaders)
    @DatabaseTest
    void optionsOnSeveralElementsAliasesAndRelationshipPaths(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                List<Row> rows = session.execute(Orm.select(User.class, Address.class).join(User_.addresses)
                        .where(User_.id.eq(2)).orderBy(Address_.id)
                        .options(loadOnly(User_.name), defer(Address_.emailAddress))).all();
                assertThat(recorder.sql()).containsExactly("SELECT users.id, users.name, users.manager_id,"
                        + " addresses.id, addresses.user_id FROM users JOIN addresses ON addresses.user_id = users.id"
                        + " WHERE users.id = ? ORDER BY addresses.id");
                assertThat(rows).hasSize(3);
                recorder.clear();
                assertThat(rows.get(1).get(1, Address.class).emailAddress).isEqualTo("ed@bettyboop.com");
                assertThat(recorder.sql()).containsExactly(
                        "SELECT addresses.email_address FROM addresses WHERE addresses.id = ?");
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                EntityAlias<User> u = Orm.aliased(User.class, "u");
                User fred = session.execute(Orm.select(u).where(u.get(User_.id).eq(3)).options(defer(User_.age)))
                        .scalars(User.class).one();
                assertThat(recorder.sql()).containsExactly(
                        "SELECT u.id, u.name, u.manager_id FROM users AS u WHERE u.id = ?");
                assertThat(fred.age).isEqualTo(50);
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                List<User> users = session.scalars(select(User.class).where(User_.id.eq(2))
                        .options(joined(User_.addresses).defer(Address_.emailAddress))).all();
                assertThat(recorder.sql()).containsExactly("SELECT " + USER_COLUMNS + ", addresses_1.id,"
                        + " addresses_1.user_id FROM users LEFT OUTER JOIN addresses AS addresses_1"
                        + " ON addresses_1.user_id = users.id WHERE users.id = ? ORDER BY addresses_1.id");
                assertThat(users.get(0).addresses).hasSize(3);
                recorder.clear();
                assertThat(users.get(0).addresses.get(2).emailAddress).isEqualTo("ed@lala.com");
                assertThat(recorder.sql()).hasSize(1);
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                List<User> users = session.scalars(select(User.class).where(User_.id.le(2)).orderBy(User_.id)
                        .options(selectIn(User_.addresses).loadOnly(Address_.id))).all();
                assertThat(recorder.sql()).hasSize(2);
                assertThat(recorder.sql().get(1)).startsWith(
                        "SELECT addresses.id, addresses.user_id FROM addresses WHERE addresses.user_id IN (");
                assertThat(users.get(1).addresses).extracting(a -> a.emailAddress)
                        .containsExactly("ed@wood.com", "ed@bettyboop.com", "ed@lala.com");
                assertThat(recorder.sql()).hasSize(5);
            }
        });
    }

    // Retort's own (SQLAlchemy's statement cache keys include the loader options, test/orm/test_cache_key.py::
    // CacheKeyTest::test_loader_criteria): two queries differing only in loadOnly share no compiled form or result
    // shape, so neither reads the other's columns
    @DatabaseTest
    void loadOnlyOfOtherColumnsIsAnotherStatement(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            for (int run = 0; run < 2; run++) {
                try (Session session = Session.open(engine)) {
                    recorder.clear();
                    User byName = session.scalars(select(User.class).where(User_.id.eq(2))
                            .options(loadOnly(User_.name))).one();
                    try (Session other = Session.open(engine)) {
                        User byAge = other.scalars(select(User.class).where(User_.id.eq(2))
                                .options(loadOnly(User_.age))).one();
                        assertThat(recorder.sql()).containsExactly(
                                "SELECT users.id, users.name, users.manager_id FROM users WHERE users.id = ?",
                                "SELECT users.id, users.age, users.manager_id FROM users WHERE users.id = ?");
                        assertThat(byAge.age).isEqualTo(40);
                        assertThat(byAge.name).isEqualTo("ed");
                    }
                    assertThat(byName.name).isEqualTo("ed");
                    assertThat(byName.age).isEqualTo(40);
                }
            }
            assertThat(select(User.class).options(loadOnly(User_.name)))
                    .isNotEqualTo(select(User.class).options(loadOnly(User_.age)));
        });
    }

    // SQLAlchemy: test/orm/dml/test_evaluator.py (an attribute the object has not loaded is loaded before the
    // criteria are evaluated on it) and test_deferred.py::DeferredTest::test_locates_col (key and foreign keys are
    // never deferred)
    @DatabaseTest
    void ormUpdateEvaluatesDeferredColumnsAndKeysStayLoaded(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                List<User> users = session.scalars(select(User.class).orderBy(User_.id)
                        .options(loadOnly(User_.name))).all();
                session.execute(Orm.update(User.class).where(User_.age.gt(35)).set(User_.name, "old")
                        .synchronize(Synchronize.EVALUATE));
                assertThat(users).extracting(u -> u.name).containsExactly("jack", "old", "old", "chuck");
                assertThatThrownBy(() -> session.scalars(select(User.class).options(defer(User_.id))).all())
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessage("defer(User.id): a key, version, foreign-key or join column is read from every"
                                + " loaded object and cannot be deferred");
            }
        });
    }
}
