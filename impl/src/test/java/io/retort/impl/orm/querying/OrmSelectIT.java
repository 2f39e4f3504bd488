package io.retort.impl.orm.querying;

import static io.retort.orm.Load.joined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.engine.Row;
import io.retort.exception.InvalidArgumentException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.EntityAlias;
import io.retort.orm.Orm;
import io.retort.orm.OrmResult;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.Tuple2;
import io.retort.orm.Tuple3;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;
import java.util.function.Consumer;

/**
 * ORM selects of several elements on every database: entities, aliases, attributes and Core columns in one select list,
 * rows of identity-mapped objects, joins through relationships and to aliases. Retort renders a relationship's ON
 * clause as {@code target.fk = owner.key} where SQLAlchemy writes {@code owner.key = target.fk}; the meaning is the
 * same.
 */
class OrmSelectIT {
    private static final String USER_COLUMNS = "users.id, users.name, users.age, users.manager_id";
    private static final String ADDRESS_COLUMNS = "addresses.id, addresses.email_address, addresses.user_id";

    static void withData(TestEngines engines, StatementRecorder recorder, Consumer<Engine> test) {
        Engine engine = engines.create(recorder.options());
        Registry registry = QueryFixtures.registry();
        registry.createAll(engine);
        try {
            QueryFixtures.load(engine);
            recorder.clear();
            test.accept(engine);
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/test_core_compilation.py::JoinTest::test_join_from_w_relationship and
    // ::RawSelectTest::test_columns_clause_entity (entities in the columns clause; here two, rows identity-mapped)
    @DatabaseTest
    void rowsOfTwoEntitiesHoldTheIdentityMappedObjects(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                User ed = session.get(User.class, 2);
                recorder.clear();
                OrmResult result = session.execute(Orm.select(User.class, Address.class).join(User_.addresses)
                        .where(User_.name.eq("ed")).orderBy(Address_.id));
                assertThat(recorder.sql()).containsExactly("SELECT " + USER_COLUMNS + ", " + ADDRESS_COLUMNS
                        + " FROM users JOIN addresses ON addresses.user_id = users.id WHERE users.name = ?"
                        + " ORDER BY addresses.id");
                assertThat(result.keys()).containsExactly("User", "Address");
                List<Row> rows = result.all();
                assertThat(rows).hasSize(3);
                for (Row row : rows) {
                    assertThat(row.get(0, User.class)).isSameAs(ed);
                    assertThat(row.get("Address", Address.class).user).isSameAs(ed);
                }
                assertThat(rows.stream().map(r -> r.get(1, Address.class).emailAddress))
                        .containsExactly("ed@wood.com", "ed@bettyboop.com", "ed@lala.com");
                // The loaded addresses are the ones ed's collection then holds.
                assertThat(ed.addresses).containsExactlyElementsOf(rows.stream().map(r -> r.get(1, Address.class))
                        .toList());
                assertThatThrownBy(() -> rows.get(0).get(0, Address.class))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("Element 0 (User) of this row is a " + User.class.getName());
            }
        });
    }

    // SQLAlchemy: test/orm/test_core_compilation.py::RawSelectTest::test_columns_clause_columns and
    // ::test_join_to_entity_no_onclause (a column beside an entity, the ON clause inferred)
    @DatabaseTest
    void aColumnAndAnEntityInOneRowTyped(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                List<Tuple2<String, Address>> pairs = session.execute(Orm.select(User_.name, Address.class)
                        .join(Address.class).orderBy(Address_.id)).tuples(String.class, Address.class).all();
                assertThat(recorder.sql()).containsExactly("SELECT users.name, " + ADDRESS_COLUMNS
                        + " FROM users JOIN addresses ON addresses.user_id = users.id ORDER BY addresses.id");
                assertThat(pairs).extracting(Tuple2::first).containsExactly("jack", "ed", "ed", "ed", "fred");
                assertThat(pairs.get(4).second().emailAddress).isEqualTo("fred@fred.com");
                assertThat(pairs.get(4).second()).isSameAs(session.get(Address.class, 5));

                // A Core column and a count, converted as a Core row's values are.
                List<Tuple3<User, Long, Integer>> counts = session.execute(Orm.select(User.class,
                        Sql.count(Address_.id).label("n"), Orm.mapping(User.class).table().c("age"))
                        .outerJoin(User_.addresses).groupBy(User_.id, User_.name, User_.age, User_.managerId)
                        .orderBy(User_.id)).tuples(User.class, Long.class, Integer.class).all();
                assertThat(counts).extracting(t -> t.first().name + ":" + t.second() + ":" + t.third())
                        .containsExactly("jack:1:30", "ed:3:40", "fred:1:50", "chuck:0:null");
                assertThatThrownBy(() -> session.execute(Orm.select(User.class)
                        .join(User_.addresses)).tuples(User.class, Address.class))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessage("tuples() of 2 types was asked of rows of 1 elements [User]");
            }
        });
    }

    // SQLAlchemy: test/orm/test_core_compilation.py::RelationshipNaturalCompileTest::test_of_type_explicit_join
    // (a join through a relationship to an alias; here two aliases of one class)
    @DatabaseTest
    void twoAliasesOfOneClassJoinedThroughTheRelationship(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                EntityAlias<Address> a1 = Orm.aliased(Address.class, "a1");
                EntityAlias<Address> a2 = Orm.aliased(Address.class, "a2");
                List<Tuple3<User, Address, Address>> rows = session.execute(Orm.select(User.class, a1, a2)
                        .join(User_.addresses, a1).join(User_.addresses, a2)
                        .where(a1.get(Address_.emailAddress).eq("ed@wood.com"),
                                a2.get(Address_.emailAddress).eq("ed@lala.com")))
                        .tuples(User.class, Address.class, Address.class).all();
                assertThat(recorder.sql()).containsExactly("SELECT " + USER_COLUMNS
                        + ", a1.id, a1.email_address, a1.user_id, a2.id, a2.email_address, a2.user_id FROM users"
                        + " JOIN addresses AS a1 ON a1.user_id = users.id JOIN addresses AS a2 ON a2.user_id = users.id"
                        + " WHERE a1.email_address = ? AND a2.email_address = ?");
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).first().name).isEqualTo("ed");
                // Aliased rows are the same identity-mapped objects as unaliased ones.
                assertThat(rows.get(0).second()).isSameAs(session.get(Address.class, 2));
                assertThat(rows.get(0).third()).isSameAs(session.get(Address.class, 4));

                // Unnamed aliases never share a name.
                EntityAlias<Address> x = Orm.aliased(Address.class);
                EntityAlias<Address> y = Orm.aliased(Address.class);
                assertThat(x.name()).startsWith("addresses_").isNotEqualTo(y.name());
            }
        });
    }

    // SQLAlchemy: test/orm/test_core_compilation.py::RawSelectTest::test_columns_clause_aliased_entity (here in an
    // alias self-join)
    @DatabaseTest
    void anAliasSelfJoinReturnsEachUserWithItsManager(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                EntityAlias<User> manager = Orm.aliased(User.class, "manager");
                List<Tuple2<User, User>> pairs = session.execute(Orm.select(User.class, manager)
                        .outerJoin(manager, User_.managerId.eq(manager.get(User_.id))).orderBy(User_.id))
                        .tuples(User.class, User.class).all();
                assertThat(recorder.sql()).containsExactly("SELECT " + USER_COLUMNS + ", manager.id, manager.name,"
                        + " manager.age, manager.manager_id FROM users LEFT OUTER JOIN users AS manager"
                        + " ON users.manager_id = manager.id ORDER BY users.id");
                assertThat(pairs).extracting(p -> p.first().name + "<" + (p.second() == null ? "-" : p.second().name))
                        .containsExactly("jack<-", "ed<jack", "fred<jack", "chuck<-");
                assertThat(pairs.get(1).second()).isSameAs(pairs.get(0).first()); // one jack
                assertThat(Orm.select(manager).toString()).isEqualTo("SELECT manager.id, manager.name, manager.age,"
                        + " manager.manager_id FROM users AS manager");
            }
        });
    }

    // SQLAlchemy: test/orm/test_core_compilation.py::JoinTest::test_join_from_alised_w_relationship
    // (join(u1.addresses))
    @DatabaseTest
    void aRelationshipOfAnAliasJoinsFromTheAlias(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                EntityAlias<User> u1 = Orm.aliased(User.class, "users_1");
                List<Row> rows = session.execute(Orm.select(u1, Address_.emailAddress)
                        .join(u1, User_.addresses, null).where(u1.get(User_.name).eq("fred"))).all();
                assertThat(recorder.sql()).containsExactly("SELECT users_1.id, users_1.name, users_1.age,"
                        + " users_1.manager_id, addresses.email_address FROM users AS users_1 JOIN addresses"
                        + " ON addresses.user_id = users_1.id WHERE users_1.name = ?");
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).get("users_1", User.class)).isSameAs(session.get(User.class, 3));
                assertThat(rows.get(0).get("emailAddress")).isEqualTo("fred@fred.com");
            }
        });
    }

    // SQLAlchemy: test/orm/test_eager_relations.py::EagerTest::test_inner_join (assert_compile of a query with a
    // joined eager load: the compiled SQL includes the eager join)
    @DatabaseTest
    void toStringShowsTheJoinedLoadersJoins(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                var select = Orm.select(User.class).where(User_.id.eq(2)).options(joined(User_.addresses));
                String shown = select.toString();
                assertThat(shown).contains("LEFT OUTER JOIN addresses AS addresses_1 ON addresses_1.user_id"
                        + " = users.id");
                User ed = session.scalars(select).one();
                assertThat(recorder.sql()).hasSize(1);
                assertThat(recorder.sql().get(0).replace("\n", "")).isEqualTo(shown.replace("\n", "")
                        .replace(":id", "?"));
                assertThat(ed.addresses).hasSize(3);
            }
        });
    }
}
