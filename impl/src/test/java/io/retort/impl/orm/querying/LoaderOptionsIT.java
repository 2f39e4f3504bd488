package io.retort.impl.orm.querying;

import static io.retort.orm.Load.containsEager;
import static io.retort.orm.Load.joined;
import static io.retort.orm.Load.raiseOnSql;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.EntityAlias;
import io.retort.orm.Orm;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/** The loader options containsEager, joined(...).innerJoin() and raiseOnSql on every database. */
class LoaderOptionsIT {
    private static final String USER_COLUMNS = "users.id, users.name, users.age, users.manager_id";

    // SQLAlchemy: test/orm/test_eager_relations.py::SecondaryOptionsTest::test_contains_eager (a relationship filled
    // from the query's own join, one statement)
    @DatabaseTest
    void containsEagerFillsTheCollectionFromTheQuerysJoin(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                List<User> users = session.scalars(select(User.class).join(User_.addresses)
                        .where(Address_.emailAddress.like("%@b%")).orderBy(User_.id)
                        .options(containsEager(User_.addresses))).all();
                assertThat(recorder.sql()).containsExactly("SELECT " + USER_COLUMNS + ", addresses.id,"
                        + " addresses.email_address, addresses.user_id FROM users JOIN addresses ON addresses.user_id"
                        + " = users.id WHERE addresses.email_address LIKE ? ORDER BY users.id");
                // jack@bean.com, ed@bettyboop.com: each collection holds only the rows the query matched.
                assertThat(users).extracting(u -> u.name).containsExactly("jack", "ed");
                assertThat(users.get(1).addresses).extracting(a -> a.emailAddress)
                        .containsExactly("ed@bettyboop.com");
                assertThat(recorder.sql()).hasSize(1);

                EntityAlias<Address> a = Orm.aliased(Address.class, "a");
                recorder.clear();
                session.expireAll();
                User fred = session.scalars(select(User.class).join(a, a.get(Address_.userId).eq(User_.id))
                        .where(User_.name.eq("fred")).options(containsEager(User_.addresses, a))).one();
                assertThat(fred.addresses).extracting(x -> x.emailAddress).containsExactly("fred@fred.com");
                assertThat(recorder.sql()).hasSize(1);
                assertThat(recorder.sql().get(0)).contains(", a.id, a.email_address, a.user_id FROM users JOIN"
                        + " addresses AS a ON a.user_id = users.id");
            }
        });
    }

    // SQLAlchemy: test/orm/test_eager_relations.py::EagerTest::test_inner_join (joined eager loading with an inner
    // join leaves out the user without addresses)
    @DatabaseTest
    void joinedInnerJoinUsesAnInnerJoin(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            try (Session session = Session.open(engine)) {
                List<User> users = session.scalars(select(User.class).orderBy(User_.id)
                        .options(joined(User_.addresses).innerJoin())).all();
                assertThat(recorder.sql()).containsExactly("SELECT " + USER_COLUMNS + ", addresses_1.id,"
                        + " addresses_1.email_address, addresses_1.user_id FROM users JOIN addresses AS addresses_1"
                        + " ON addresses_1.user_id = users.id ORDER BY users.id, addresses_1.id");
                assertThat(users).extracting(u -> u.name + u.addresses.size()).containsExactly("jack1", "ed3",
                        "fred1"); // chuck has none
                assertThat(joined(User_.addresses).innerJoin().toString()).isEqualTo(
                        "joined(User.addresses).innerJoin()");
            }
        });
    }

    // SQLAlchemy: test/orm/test_lazy_relations.py::LazyTest::test_uses_get (a many-to-one whose target the identity
    // map holds loads without SQL) with test/orm/test_selectin_relations.py's "raise_on_sql" loader: what needs SQL
    // raises
    @DatabaseTest
    void raiseOnSqlReadsWhatTheSessionHolds(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        OrmSelectIT.withData(engines, recorder, engine -> {
            try (Session session = SessionFactory.builder(engine).expireOnCommit(false).build().open()) {
                User ed = session.get(User.class, 2);
                List<Address> addresses = session.scalars(select(Address.class).orderBy(Address_.id)
                        .options(raiseOnSql(Address_.user))).all();
                recorder.clear();
                assertThat(addresses.get(1).user).isSameAs(ed); // held: no SQL
                assertThat(recorder.sql()).isEmpty();
                assertThatThrownBy(() -> assertThat(addresses.get(0).user).isNotNull())
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageStartingWith("Relationship Address.user is not loaded and its loading is"
                                + " RAISE_ON_SQL: reading it would send SQL (its target 1 is not in the session)");
                assertThat(recorder.sql()).isEmpty();
                User jack = session.scalars(select(User.class).where(User_.id.eq(1))
                        .options(raiseOnSql(User_.addresses))).one();
                assertThatThrownBy(() -> jack.addresses.size()).isInstanceOf(InvalidRequestException.class);
            }
        });
    }
}
