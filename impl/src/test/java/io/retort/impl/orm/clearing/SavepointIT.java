package io.retort.impl.orm.clearing;

import static io.retort.impl.orm.clearing.Rows.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.engine.NestedTransaction;
import io.retort.exception.IntegrityException;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/**
 * {@code Session.beginNested()}, ported from SQLAlchemy's test/orm/test_transaction.py (SavepointTest and the nested
 * accounting tests; added 2026-12-06: the session had no savepoints, and one begun on its connection left the objects
 * as the rolled-back work had made them). Retort expires every object at a rollback to a savepoint, where SQLAlchemy
 * expires those changed since it began: more reloads, never a stale read.
 */
class SavepointIT {
    private static Registry tables(Engine engine) {
        Registry registry = Registry.of(Account.class, Client.class, ClientOrder.class, ClientNote.class, Pref.class);
        registry.createAll(engine);
        return registry;
    }

    private static List<String> names(Engine engine) {
        return column(engine, "SELECT name FROM oc_client ORDER BY id");
    }

    /** SavepointTest::test_savepoint_rollback. */
    @DatabaseTest
    void aRollbackToTheSavepointUndoesTheWorkSinceAndExpiresTheObjects(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client ed = new Client("ed");
            Client jack = new Client("jack");
            session.addAll(List.of(ed, jack));
            NestedTransaction savepoint = session.beginNested(); // flushes ed and jack first
            Client wendy = new Client("wendy");
            ed.name = "edward";
            session.add(wendy);
            session.flush();
            Client foo = new Client("foo"); // pending, never flushed
            session.add(foo);
            savepoint.rollback();
            assertThat(savepoint.isActive()).isFalse();
            assertThat(ed.name).isEqualTo("ed"); // expired: loaded again
            assertThat(Orm.inspect(ed).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(Orm.inspect(wendy).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(wendy.id).isNull(); // its generated key cleared with its row
            assertThat(Orm.inspect(foo).state()).isEqualTo(ObjectState.TRANSIENT);
            session.commit();
            assertThat(names(engine)).containsExactly("ed", "jack");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * A savepoint records how much the transaction had inserted and deleted, not copies of those sets. A deletion
     * flushed before it and expunged after it stays undone for nothing; a deletion flushed after it is undone by the
     * rollback to it (the object persistent again, its row kept), and commit deletes only the first row.
     */
    @DatabaseTest
    void aRollbackToTheSavepointUndoesOnlyTheDeletionsSinceEvenAfterAnExpunge(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client ed = new Client("ed");
            Client jack = new Client("jack");
            Client wendy = new Client("wendy");
            session.addAll(List.of(ed, jack, wendy));
            session.commit();
            session.delete(ed);
            session.flush();
            NestedTransaction savepoint = session.beginNested();
            session.expunge(ed); // flushed before the savepoint: detached
            session.delete(jack);
            session.flush();
            assertThat(Orm.inspect(jack).state()).isEqualTo(ObjectState.DELETED);
            savepoint.rollback();
            assertThat(Orm.inspect(jack).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(session.contains(jack)).isTrue();
            assertThat(jack.name).isEqualTo("jack");
            assertThat(Orm.inspect(ed).state()).isEqualTo(ObjectState.DETACHED);
            session.commit();
            assertThat(names(engine)).containsExactly("jack", "wendy");
            assertThat(Orm.inspect(ed).state()).isEqualTo(ObjectState.DETACHED);
        } finally {
            registry.dropAll(engine);
        }
    }

    /** SavepointTest::test_savepoint_commit: the savepoint's work is kept, and nothing is expired by it. */
    @DatabaseTest
    void aCommittedSavepointKeepsItsWork(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client ed = new Client("ed");
            session.add(ed);
            try (NestedTransaction savepoint = session.beginNested()) {
                ed.name = "edward";
                session.add(new Client("wendy"));
                savepoint.commit(); // flushes, then releases the savepoint
            }
            assertThat(Orm.inspect(ed).expired()).isFalse();
            session.commit();
            assertThat(names(engine)).containsExactly("edward", "wendy");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_nested_accounting_new_items_removed and test_nested_accounting_deleted_items_restored: what a committed
     * savepoint did is undone by the rollback of the session's transaction.
     */
    @DatabaseTest
    void theTransactionsRollbackUndoesACommittedSavepoint(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client kept = new Client("kept");
            session.add(kept);
            session.commit();
            NestedTransaction savepoint = session.beginNested();
            Client added = new Client("added");
            session.add(added);
            session.delete(kept);
            savepoint.commit();
            assertThat(session.contains(added)).isTrue();
            assertThat(session.contains(kept)).isFalse();
            session.rollback();
            assertThat(session.contains(added)).isFalse();
            assertThat(session.contains(kept)).isTrue();
            assertThat(kept.name).isEqualTo("kept");
        } finally {
            registry.dropAll(engine);
        }
    }

    /** A deletion flushed inside a savepoint that rolls back: the object is persistent again, its row kept. */
    @DatabaseTest
    void aDeletionRolledBackToTheSavepointIsPersistentAgain(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client ed = new Client("ed");
            ed.orders.add(new ClientOrder("o1"));
            session.add(ed);
            session.commit();
            NestedTransaction savepoint = session.beginNested();
            ClientOrder order = ed.orders.get(0);
            session.delete(ed); // the order goes with it (delete cascade)
            session.flush();
            assertThat(Orm.inspect(ed).state()).isEqualTo(ObjectState.DELETED);
            savepoint.rollback();
            assertThat(Orm.inspect(ed).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(Orm.inspect(order).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(ed.orders).containsExactly(order);
            session.commit();
            assertThat(names(engine)).containsExactly("ed");
            assertThat(column(engine, "SELECT description FROM oc_order")).containsExactly("o1");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * A flush that fails inside a savepoint rolls back to it, and the session's transaction goes on: the work before
     * the savepoint and after the failure is committed (SQLAlchemy's pattern for "insert unless it exists").
     */
    @DatabaseTest
    void aFailedFlushRollsBackToTheSavepointAndTheTransactionGoesOn(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            session.add(new Account("a"));
            session.commit();
            session.add(new Account("before"));
            Account duplicate = new Account("a");
            NestedTransaction savepoint = session.beginNested();
            session.add(duplicate);
            assertThatThrownBy(savepoint::commit).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("rolled back to the savepoint");
            assertThat(savepoint.isActive()).isFalse();
            assertThat(Orm.inspect(duplicate).state()).isEqualTo(ObjectState.TRANSIENT);
            session.add(new Account("after"));
            session.commit();
            assertThat(column(engine, "SELECT name FROM fk_account ORDER BY name"))
                    .containsExactly("a", "after", "before");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_key_replaced_by_update_nested: a primary key changed inside a savepoint that rolls back is the old one
     * again, in the object and the identity map.
     */
    @DatabaseTest
    void aKeyChangedInsideARolledBackSavepointIsRestored(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Account account = new Account("u1");
            session.add(account);
            session.commit();
            session.nested(nested -> account.name = "u2"); // flushed and released
            NestedTransaction savepoint = session.beginNested();
            account.name = "u3";
            session.flush();
            savepoint.rollback();
            assertThat(account.name).isEqualTo("u2");
            assertThat(session.get(Account.class, "u2")).isSameAs(account);
            session.rollback();
            assertThat(account.name).isEqualTo("u1");
            assertThat(session.get(Account.class, "u1")).isSameAs(account);
        } finally {
            registry.dropAll(engine);
        }
    }

    /** {@code nested(work)}: rolled back and rethrown when the work throws, the transaction going on. */
    @DatabaseTest
    void nestedRollsBackWhatItsWorkDidWhenItThrows(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = tables(engine);
        try (Session session = Session.open(engine)) {
            Client kept = new Client("kept");
            session.add(kept);
            Client dropped = new Client("dropped");
            assertThatThrownBy(() -> session.nested(nested -> {
                nested.add(dropped);
                nested.flush();
                throw new IllegalStateException("changed my mind");
            })).hasMessage("changed my mind");
            assertThat(Orm.inspect(dropped).state()).isEqualTo(ObjectState.TRANSIENT);
            session.commit();
            assertThat(names(engine)).containsExactly("kept");
        } finally {
            registry.dropAll(engine);
        }
    }
}
