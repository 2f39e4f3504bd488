package io.retort.impl.orm.relationships;

import static io.retort.orm.Load.defer;
import static io.retort.orm.Load.selectIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.InvalidArgumentException;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;

/**
 * {@code session.get(type, key, loaderOptions...)}, SQLAlchemy's {@code session.get(User, 7, options=[...])}: the
 * options shape the SELECT that loads the object, and do nothing to an object the session holds already.
 */
class GetWithOptionsIT {
    private static int seed(Engine engine) {
        return RelationshipsFixtures.commitJack(engine, "jack@bean.com", "jack@bean.org");
    }

    /**
     * SQLAlchemy: test/orm/test_selectin_relations.py::EagerTest::test_basic ({@code sess.get(User, 7,
     * options=[selectinload(User.addresses)])} in two statements). The user and its addresses come in two SELECTs;
     * reading the addresses runs none.
     */
    @DatabaseTest
    void loaderOptionsShapeTheLoad(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                recorder.clear();
                User jack = session.get(User.class, id, selectIn(User_.addresses));
                assertThat(recorder.sql()).hasSize(2);
                assertThat(recorder.sql().get(1)).startsWith("SELECT address.id, address.email_address,"
                        + " address.user_id FROM address WHERE address.user_id IN (?)");
                assertThat(jack.addresses).extracting(address -> address.emailAddress)
                        .containsExactlyInAnyOrder("jack@bean.com", "jack@bean.org");
                assertThat(recorder.sql()).hasSize(2);

                // Held by the session: returned as it is, without SQL (the options apply to a load only).
                recorder.clear();
                assertThat(session.get(User.class, id, selectIn(User_.addresses))).isSameAs(jack);
                assertThat(recorder.sql()).isEmpty();
            }
        }, "jack@bean.com", "jack@bean.org");
    }

    /**
     * SQLAlchemy: test/orm/test_expire.py::ExpireTest::test_expire_deferred ({@code sess.get(Order, 3,
     * options=[defer(Order.description)])}): the deferred column is left out of the SELECT and loads on first read.
     */
    @DatabaseTest
    void aDeferredColumnIsLeftOutAndLoadsOnRead(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                recorder.clear();
                User jack = session.get(User.class, id, defer(User_.fullname));
                assertThat(recorder.sql()).containsExactly("SELECT user_account.id, user_account.name FROM"
                        + " user_account WHERE user_account.id = ?");
                assertThat(jack.fullname).isEqualTo("Jack Bean");
                assertThat(recorder.sql()).hasSize(2);
            }
        }, "jack@bean.com", "jack@bean.org");
    }

    /** An option that starts at another class is refused with the message of a query's. */
    @DatabaseTest
    void anOptionOfAnotherClassIsRefused(Engine engine) {
        Registry registry = RelationshipsFixtures.createTables(engine);
        try {
            int id = seed(engine);
            try (Session session = Session.open(engine)) {
                assertThatThrownBy(() -> session.get(User.class, id, selectIn(Address_.user)))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessage("Loader option selectIn(Address.user) starts at Address, but this query selects"
                                + " User");
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
