package io.retort.impl.orm.clearing;

import static io.retort.impl.orm.clearing.Rows.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/** Ported from SQLAlchemy's test/orm/test_cascade.py and test/orm/test_transaction.py (found missing 2026-12-06). */
class CascadeAndRollbackIT {
    /**
     * test/orm/test_cascade.py::M2MCascadeTest::test_cascade_delete: deleting an object whose many-to-many cascades
     * delete removes the association rows and the targets. Before, the targets stayed (the cascade stopped at
     * many-to-many relationships).
     */
    @DatabaseTest
    void aManyToManyThatCascadesDeleteDeletesItsTargets(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Playlist.class, Track.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Playlist playlist = new Playlist("p1");
            Track track = new Track("t1");
            playlist.tracks.add(track);
            session.add(playlist);
            session.flush();
            session.delete(playlist);
            session.flush();
            assertThat(Orm.inspect(track).state()).isEqualTo(ObjectState.DELETED);
            session.commit();
            assertThat(count(engine, "fk_playlist_track")).isZero();
            assertThat(count(engine, "fk_track")).isZero();
            assertThat(count(engine, "fk_playlist")).isZero();
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test/orm/test_transaction.py::NaturalPKRollbackTest::test_key_replaced_by_oob_insert: an object deleted and
     * flushed, its key taken by a row inserted by other means and loaded as another object; the rollback restores
     * the first object and the session lets go of the second. Before, both stayed in the session under the same key,
     * and changes to the second were silently not written.
     */
    @DatabaseTest
    void aRollbackRestoringADeletedObjectLetsGoOfTheObjectThatTookItsKey(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Account first = new Account("u1");
            session.add(first);
            session.commit();
            session.delete(first);
            session.flush();
            session.execute(Sql.text("INSERT INTO fk_account (name) VALUES ('u1')"));
            Account second = session.get(Account.class, "u1");
            assertThat(second).isNotNull().isNotSameAs(first);
            assertThat(session.contains(first)).isFalse();
            session.rollback();
            assertThat(session.contains(first)).isTrue();
            assertThat(session.contains(second)).isFalse();
            assertThat(Orm.inspect(second).state()).isEqualTo(ObjectState.DETACHED);
            assertThat(session.get(Account.class, "u1")).isSameAs(first);
            first.note = "written";
            session.commit();
        } finally {
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT note FROM fk_account")).scalars(String.class).all())
                        .isEqualTo(List.of("written"));
            }
            registry.dropAll(engine);
        }
    }

    /**
     * test/orm/test_transaction.py::NaturalPKRollbackTest::test_key_replaced_by_update: u1 deleted and flushed, u2's
     * key changed to u1 and flushed, then a rollback. SQLAlchemy gives u2 its key back and both objects their rows.
     * Before, u2 kept the rolled-back key "u1" in its fields and in the identity map, and its next change was written
     * to row u1.
     */
    @DatabaseTest
    void aRollbackGivesAnObjectTheKeyItHadBeforeTheTransaction(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Account u1 = new Account("u1");
            Account u2 = new Account("u2");
            session.addAll(List.of(u1, u2));
            session.commit();
            session.delete(u1);
            session.flush();
            u2.name = "u1";
            session.flush();
            assertThat(session.get(Account.class, "u1")).isSameAs(u2);
            session.rollback();
            assertThat(u2.name).isEqualTo("u2");
            assertThat(Orm.inspect(u2).identity()).isEqualTo("u2");
            assertThat(session.get(Account.class, "u2")).isSameAs(u2);
            assertThat(session.get(Account.class, "u1")).isSameAs(u1);
            assertThat(u1.name).isEqualTo("u1");
            u2.note = "written through u2";
            session.commit();
        } finally {
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT name, note FROM fk_account ORDER BY name")).arrays().all())
                        .containsExactly(new Object[] {"u1", null}, new Object[] {"u2", "written through u2"});
            }
            registry.dropAll(engine);
        }
    }

    /**
     * The same change of key, without anything deleted, and a change to the object after the rollback without reading
     * it first (it is expired): the UPDATE names the object's own row.
     */
    @DatabaseTest
    void aChangeAfterARolledBackKeyChangeIsWrittenToTheObjectsOwnRow(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Account account = new Account("before");
            session.add(account);
            session.commit();
            account.name = "after";
            session.flush();
            session.rollback();
            account.note = "kept";
            session.commit();
            assertThat(account.name).isEqualTo("before");
        } finally {
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT name, note FROM fk_account")).arrays().all())
                        .containsExactly(new Object[] {"before", "kept"});
            }
            registry.dropAll(engine);
        }
    }

    /**
     * test/orm/test_session.py::SessionStateTest::test_deleted_flag: an object whose DELETE was flushed cannot be added
     * again, nor after the commit; a rollback brings it back. Before, add() made it persistent again without a row,
     * and its next change failed at commit as if another transaction had deleted it. (SQLAlchemy's make_transient()
     * has no Retort counterpart: the message says to add a new object.)
     */
    @DatabaseTest
    void aDeletedObjectCannotBeAddedAgain(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Account account = new Account("u1");
            session.add(account);
            session.commit();
            session.delete(account);
            session.flush();
            assertThat(session.contains(account)).isFalse();
            assertThatThrownBy(() -> session.add(account)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("its row was deleted by this session's flush (a rollback brings it back);"
                            + " to insert the row again, add a new object with its values");
            session.rollback();
            assertThat(session.contains(account)).isTrue();
            session.delete(account);
            session.commit();
            assertThat(Orm.inspect(account).state()).isEqualTo(ObjectState.DETACHED);
            assertThatThrownBy(() -> session.add(account)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("its row was deleted and committed");
            session.add(new Account("u1"));
            session.commit();
            assertThat(count(engine, "fk_account")).isEqualTo(1);
        } finally {
            registry.dropAll(engine);
        }
    }
}
