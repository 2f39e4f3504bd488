package io.retort.impl.orm.relationships;

import static io.retort.orm.Orm.inspect;
import static io.retort.orm.Orm.makeTransient;
import static io.retort.orm.Orm.makeTransientToDetached;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.ObjectState;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;

/**
 * {@code Orm.makeTransient} and {@code Orm.makeTransientToDetached}, SQLAlchemy's {@code make_transient()} and
 * {@code make_transient_to_detached()}, ported from test/orm/test_session.py (SessionStateTest). Where Retort differs:
 * a closed Session is not used again (a new one is opened), and a field that was not loaded reads null rather than
 * being absent; a primitive one reads its default. {@code makeTransientToDetached} expires every attribute but the key,
 * since a Java field cannot tell "not set" from "set": SQLAlchemy keeps the attributes that were set as loaded.
 */
class TransienceIT {
    private static SessionFactory noAutoflush(Engine engine) {
        return SessionFactory.builder(engine).autoflush(false).build();
    }

    /**
     * test_make_transient: a loaded object, made transient, leaves the session and is new when added again; an
     * expired one loses the values it no longer has; it works twice; a deleted object, made transient, can be
     * inserted again.
     */
    @DatabaseTest
    void makeTransientLeavesTheSessionAndTheIdentity(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = noAutoflush(engine).open()) {
                User jack = session.get(User.class, id);
                makeTransient(jack);
                assertThat(session.contains(jack)).isFalse();
                assertThat(inspect(jack).state()).isEqualTo(ObjectState.TRANSIENT);
                assertThat(inspect(jack).identity()).isNull();
                assertThat(jack.name).as("loaded values stay").isEqualTo("jack");
                session.add(jack);
                assertThat(session.newObjects()).containsExactly(jack);
                session.expunge(jack);

                User again = session.get(User.class, id);
                assertThat(again).isNotSameAs(jack);
                session.expire(again);
                again.fullname = "set after the expire";
                makeTransient(again);
                assertThat(again.id).isNull();
                assertThat(again.name).as("expired: no value is known").isNull();
                assertThat(again.fullname).as("set since: kept").isEqualTo("set after the expire");
                makeTransient(again); // works twice
                assertThat(inspect(again).state()).isEqualTo(ObjectState.TRANSIENT);
            }
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                session.delete(jack);
                session.flush();
                assertThat(session.contains(jack)).isFalse();
                assertThatThrownBy(() -> session.add(jack)).isInstanceOf(InvalidRequestException.class);
                makeTransient(jack);
                jack.id = null; // a new row, with a key of its own
                session.add(jack);
                session.flush();
                assertThat(session.contains(jack)).isTrue();
                assertThat(jack.id).isNotNull(); // SQLite may give the deleted row's key again
                assertThat(jack.name).isEqualTo("jack");
                assertThat(session.scalars(io.retort.orm.Orm.select(User.class)).all()).containsExactly(jack);
            }
        });
    }

    /** test_make_transient_plus_rollback: a deletion flushed, the object made transient, then a rollback: transient. */
    @DatabaseTest
    void aRollbackDoesNotBringBackAnObjectMadeTransient(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                session.delete(jack);
                session.flush();
                makeTransient(jack);
                session.rollback();
                assertThat(inspect(jack).state()).isEqualTo(ObjectState.TRANSIENT);
                assertThat(session.contains(jack)).isFalse();
                assertThat(session.get(User.class, id)).as("the row is back, as another object").isNotSameAs(jack)
                        .isNotNull();
            }
        });
    }

    /**
     * A copy of a row with its relationships: a loaded collection keeps its elements (the addresses move to the copy,
     * as their reference now says), an unloaded one is empty; the copy is inserted as a new row.
     */
    @DatabaseTest
    void collectionsKeepWhatWasLoaded(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User loaded = session.get(User.class, id);
                assertThat(loaded.addresses).hasSize(1);
                makeTransient(loaded);
                assertThat(loaded.addresses).extracting(address -> address.emailAddress)
                        .containsExactly("jack@bean.com");
                User unloaded = session.get(User.class, id);
                makeTransient(unloaded);
                assertThat(unloaded.addresses).isEmpty();
                unloaded.id = null;
                unloaded.name = "copy";
                session.add(unloaded);
                session.commit();
                assertThat(unloaded.id).isNotNull().isNotEqualTo(id);
            }
        }, "jack@bean.com");
    }

    /**
     * test_make_transient_to_detached: a new object with the key of a row becomes detached under it; added to a
     * session it is persistent without an INSERT, and its other attributes load from the row (one SELECT).
     */
    @DatabaseTest
    void makeTransientToDetachedGivesTheObjectItsRowsIdentity(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            User stand = new User();
            stand.id = id;
            makeTransientToDetached(stand);
            assertThat(inspect(stand).state()).isEqualTo(ObjectState.DETACHED);
            assertThat(inspect(stand).identity()).isEqualTo(id);
            try (Session session = Session.open(engine)) {
                session.add(stand);
                assertThat(inspect(stand).state()).isEqualTo(ObjectState.PERSISTENT);
                recorder.clear();
                assertThat(stand.name).isEqualTo("jack");
                assertThat(stand.fullname).isEqualTo("Jack Bean");
                assertThat(recorder.sql()).hasSize(1).allMatch(sql -> sql.startsWith("SELECT user_account."));
                assertThat(stand.addresses).extracting(address -> address.emailAddress)
                        .containsExactly("jack@bean.com");
                stand.fullname = "Jack B. Bean";
                recorder.clear();
                session.commit();
                assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("INSERT"))
                        .contains("UPDATE user_account SET fullname=? WHERE user_account.id = ?");
            }
        }, "jack@bean.com");
    }

    /**
     * test_make_transient_to_detached_no_session_allowed and _no_key_allowed, and an object without its key: each
     * refused, naming the problem.
     */
    @DatabaseTest
    void makeTransientToDetachedRefusesWhatIsNotTransientOrHasNoKey(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User pending = new User("new", null);
                session.add(pending);
                assertThatThrownBy(() -> makeTransientToDetached(pending))
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageStartingWith("Given object must be transient: User (no identity yet)")
                        .hasMessageContaining("is pending in a session");
                User jack = session.get(User.class, id);
                session.expunge(jack);
                assertThatThrownBy(() -> makeTransientToDetached(jack))
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageStartingWith("Given object must be transient: User with identity " + id);
            }
            assertThatThrownBy(() -> makeTransientToDetached(new User("keyless", null)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot make User (no identity yet): User(keyless) detached: its primary key [id] is"
                            + " not set; set it to the key of the row it stands for");
        });
    }
}
