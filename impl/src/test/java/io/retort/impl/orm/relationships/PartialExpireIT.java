package io.retort.impl.orm.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.DetachedInstanceException;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.Session;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.Map;

/**
 * {@code session.expire(object, names...)} and {@code session.refresh(object, names...)}, SQLAlchemy's
 * {@code attribute_names}: only the named attributes are expired (or loaded), their unflushed changes discarded; the
 * first read of an expired column loads every expired column in one SELECT, and an expired collection loads by
 * itself. Ported from test/orm/test_expire.py. Where Retort differs: SQLAlchemy's {@code refresh()} autoflushes first
 * and refuses a pending change to the primary key; Retort's loads the named attributes by the key the row has, and
 * a pending key change stays pending. SQLAlchemy expires any attribute alone; Retort refuses the columns it cannot
 * leave unloaded (key, version, foreign-key, join, {@code @Composite}, and those of a class in an inheritance
 * hierarchy), as it refuses to defer them, with the whole-object {@code expire(object)} as the fix.
 */
class PartialExpireIT {
    private static void sqlUpdate(Session session, int id, String fullname) {
        session.execute(Sql.text("UPDATE user_account SET fullname = :f, name = 'jim' WHERE id = :id"),
                Map.of("f", fullname, "id", id));
    }

    /**
     * test_expire.py::ExpireTest::test_partial_expire: an expired attribute loads on its next read, with one SELECT,
     * the row's value; another attribute changed before the expire keeps its change, and is flushed; expiring several
     * loads them together.
     */
    @DatabaseTest
    void expiredColumnsLoadTogetherOnTheirFirstReadAndOtherChangesStay(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                session.expire(jack, "fullname");
                sqlUpdate(session, id, "Jack Changed");
                recorder.clear();
                assertThat(jack.fullname).isEqualTo("Jack Changed");
                assertThat(recorder.sql()).containsExactly("SELECT user_account.fullname FROM user_account WHERE"
                        + " user_account.id = ?");
                assertThat(jack.name).as("not expired: as loaded").isEqualTo("jack");

                jack.name = "jacques";
                session.expire(jack, "fullname");
                recorder.clear();
                assertThat(jack.fullname).isEqualTo("Jack Changed");
                assertThat(recorder.sql()).hasSize(1);
                assertThat(jack.name).isEqualTo("jacques");
                recorder.clear();
                session.flush();
                assertThat(recorder.sql()).containsExactly("UPDATE user_account SET name=? WHERE user_account.id = ?");

                session.expire(jack, "name", "fullname"); // SQLAlchemy's test expires "id" too: see errors()
                recorder.clear();
                assertThat(jack.fullname).isEqualTo("Jack Changed");
                assertThat(jack.name).isEqualTo("jacques");
                assertThat(recorder.sql()).containsExactly("SELECT user_account.name, user_account.fullname FROM"
                        + " user_account WHERE user_account.id = ?");

                session.expire(jack, new String[0]); // no names: nothing is expired
                recorder.clear();
                assertThat(jack.name).isEqualTo("jacques");
                assertThat(recorder.sql()).isEmpty();
            }
        }, "jack@bean.com");
    }

    /**
     * The change an expire discards is not written: test_expire.py::ExpireTest::test_expire_committed, per attribute.
     * The write lost here is the one the application asked to lose; the row keeps its value.
     */
    @DatabaseTest
    void aChangeToAnExpiredAttributeIsDiscarded(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                jack.fullname = "Discarded";
                jack.name = "kept";
                session.expire(jack, "fullname");
                recorder.clear();
                session.commit();
                assertThat(recorder.sql()).containsExactly("UPDATE user_account SET name=? WHERE user_account.id = ?");
                assertThat(jack.fullname).isEqualTo("Jack Bean");
                assertThat(jack.name).isEqualTo("kept");
            }
        }, "jack@bean.com");
    }

    /**
     * test_expire.py::ExpireTest::test_expire_doesntload_on_set and test_expire_preserves_changes: a write to an
     * expired attribute loads nothing and is flushed; a query that returns the row fills the other expired attributes
     * and leaves the written one as written.
     */
    @DatabaseTest
    void aWriteToAnExpiredAttributeLoadsNothingAndIsFlushed(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                session.expire(jack, "name", "fullname");
                recorder.clear();
                jack.name = "somenewname";
                assertThat(recorder.sql()).isEmpty();
                sqlUpdate(session, id, "From SQL"); // autoflushes the new name first
                recorder.clear();
                assertThat(session.scalars(io.retort.orm.Orm.select(User.class)).all()).containsExactly(jack);
                assertThat(recorder.sql()).hasSize(1);
                recorder.clear();
                assertThat(jack.fullname).as("expired, filled by the query's row").isEqualTo("From SQL");
                // Written after the expire, so loaded: the row's later value (the SQL UPDATE ran after the autoflush)
                // does not overwrite it, as for any loaded attribute of an object the identity map holds.
                assertThat(jack.name).isEqualTo("somenewname");
                assertThat(recorder.sql()).isEmpty();
            }
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                session.expire(jack, "name");
                jack.name = "written";
                session.commit();
                session.expungeAll();
                assertThat(session.get(User.class, id).name).isEqualTo("written");
            }
        }, "jack@bean.com");
    }

    /**
     * test_expire.py::ExpireTest::test_partial_expire_lazy: an expired collection loads by itself on its next use (one
     * SELECT), leaving the expired column unloaded; the column then loads with one SELECT of its own.
     */
    @DatabaseTest
    void anExpiredCollectionLoadsByItself(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                assertThat(jack.addresses).hasSize(1);
                session.execute(Sql.text("INSERT INTO address (email_address, user_id) VALUES ('new@bean.com', :id)"),
                        Map.of("id", id));
                session.expire(jack, "fullname", "addresses");
                recorder.clear();
                assertThat(jack.addresses).extracting(address -> address.emailAddress)
                        .containsExactlyInAnyOrder("jack@bean.com", "new@bean.com");
                assertThat(recorder.sql()).hasSize(1).allMatch(sql -> sql.startsWith("SELECT address."));
                recorder.clear();
                assertThat(jack.fullname).isEqualTo("Jack Bean");
                assertThat(recorder.sql()).containsExactly("SELECT user_account.fullname FROM user_account WHERE"
                        + " user_account.id = ?");
            }
        }, "jack@bean.com");
    }

    /**
     * A child moved to another parent by setting its reference (backPopulates moved it between the collections at
     * once), then expired, whole or its reference only: the move stands, as in SQLAlchemy, where the collections'
     * histories carry it; the flush writes the new foreign key, and the reference loads the new parent. Before, the
     * expired reference was loaded from the row to decide whether the child, gone from its delete-orphan collection,
     * had another parent; the row named the old one, and the flush deleted the child.
     */
    @DatabaseTest
    void aMovedChildThatIsExpiredKeepsItsMoveAndIsNotDeleted(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            int owner = id;
            for (boolean whole : new boolean[] {true, false}) {
                try (Session session = Session.open(engine)) {
                    User jack = session.get(User.class, owner);
                    Address address = jack.addresses.get(0);
                    User ed = new User(whole ? "ed" : "edna", null);
                    session.add(ed);
                    session.flush();
                    address.user = ed;
                    assertThat(jack.addresses).isEmpty();
                    assertThat(ed.addresses).containsExactly(address);
                    if (whole) {
                        session.expire(address);
                    } else {
                        session.expire(address, "user");
                    }
                    recorder.clear();
                    session.flush();
                    assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("DELETE"))
                            .contains("UPDATE address SET user_id=? WHERE address.id = ?");
                    assertThat(address.user).isSameAs(ed);
                    assertThat(session.execute(Sql.text("SELECT user_id FROM address WHERE id = :id"),
                            Map.of("id", address.id)).scalar()).isEqualTo(ed.id);
                    owner = ed.id; // the next round moves it on
                    session.commit();
                }
            }
        }, "jack@bean.com");
    }

    /**
     * test_expire.py::ExpireTest::test_load_only_relationships and test_no_pending_pks_on_refresh ({@code
     * sess.refresh(u, ["name", "addresses"])}, two statements for a lazy collection): the named column loads at once
     * with one SELECT, the collection with its own; what was not named keeps its change.
     */
    @DatabaseTest
    void refreshLoadsTheNamedAttributesNow(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                assertThat(jack.addresses).hasSize(1);
                jack.name = "kept";
                jack.fullname = "Discarded";
                session.flush();
                session.execute(Sql.text("UPDATE user_account SET fullname = 'From SQL' WHERE id = :id"),
                        Map.of("id", id));
                jack.fullname = "Discarded again";
                recorder.clear();
                session.refresh(jack, "fullname", "addresses");
                assertThat(recorder.sql()).hasSize(2);
                assertThat(recorder.sql().get(0)).isEqualTo("SELECT user_account.fullname FROM user_account WHERE"
                        + " user_account.id = ?");
                recorder.clear();
                assertThat(jack.fullname).isEqualTo("From SQL");
                assertThat(jack.addresses).hasSize(1);
                assertThat(jack.name).isEqualTo("kept");
                assertThat(recorder.sql()).isEmpty();
            }
        }, "jack@bean.com");
    }

    /**
     * On an object expired whole (after a commit), a write then an expire of that attribute: the write is dropped,
     * and not flushed before the object loads; {@code refresh(object, names)} of an expired object drops the writes
     * to the named attributes and keeps the others, as SQLAlchemy's. A refresh of a row that is gone says so.
     */
    @DatabaseTest
    void onAnExpiredObjectTheNamedWritesAreDropped(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                session.commit(); // expires jack
                jack.fullname = "Dropped";
                session.expire(jack, "fullname");
                recorder.clear();
                session.commit();
                assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("UPDATE"));
                assertThat(jack.fullname).isEqualTo("Jack Bean");

                session.commit();
                jack.fullname = "Dropped again";
                jack.name = "kept";
                session.refresh(jack, "fullname");
                assertThat(jack.fullname).isEqualTo("Jack Bean");
                assertThat(jack.name).isEqualTo("kept");
                recorder.clear();
                session.commit();
                assertThat(recorder.sql()).containsExactly("UPDATE user_account SET name=? WHERE user_account.id = ?");

                session.execute(Sql.text("DELETE FROM address"), Map.of());
                session.execute(Sql.text("DELETE FROM user_account"), Map.of());
                assertThatThrownBy(() -> session.refresh(jack, "addresses"))
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessage("Could not refresh User with identity " + id + ": User(kept): its row is gone"
                                + " from table user_account (deleted by another transaction?)");
            }
        }, "jack@bean.com");
    }

    /**
     * test_expire.py::ExpireTest::test_no_session and test_pending_raises, and a name the class does not map: each
     * an error that names the problem.
     */
    @DatabaseTest
    void errors(TestEngines engines) {
        RelationshipsFixtures.withJack(engines, (engine, recorder, id) -> {
            try (Session session = Session.open(engine)) {
                User jack = session.get(User.class, id);
                assertThatThrownBy(() -> session.expire(jack, "fulname"))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessage("User has no mapped attribute named 'fulname'; its attributes are [id, name,"
                                + " fullname, addresses, profile]");
                assertThatThrownBy(() -> session.expire(jack, "id"))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessage("Cannot expire User.id alone: a key, version, foreign-key, join or @Composite"
                                + " column is read from every loaded object and cannot be left unloaded; use"
                                + " session.expire(object) to expire the whole object");
                Address address = jack.addresses.get(0);
                assertThatThrownBy(() -> session.refresh(address, "userId"))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessageStartingWith("Cannot expire Address.userId alone");
                session.expire(jack, "name");
                session.expunge(jack);
                assertThatThrownBy(() -> jack.name.length())
                        .isInstanceOf(DetachedInstanceException.class)
                        .hasMessage("Cannot read name: the User with identity " + id + " is detached (its"
                                + " Session is closed, or it was expunged) and the attribute is expired"
                                + " (session.expire(object, \"name\") expired it), so there is no value to show and no"
                                + " Session to load it through. Read it before the Session closes, or refresh it with"
                                + " session.refresh(object, \"name\") while the object is in one");
                User pending = new User("new", null);
                session.add(pending);
                assertThatThrownBy(() -> session.expire(pending, "name"))
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("it is pending; only a persistent object has a row to load again (flush"
                                + " it first)");
                assertThatThrownBy(() -> session.refresh(pending, "name"))
                        .isInstanceOf(InvalidRequestException.class);
            }
        }, "jack@bean.com");
    }
}
