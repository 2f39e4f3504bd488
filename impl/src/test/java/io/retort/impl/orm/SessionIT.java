package io.retort.impl.orm;

import static io.retort.orm.Orm.inspect;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The Session's operations on every database: the identity map, get, delete, refresh, expire, merge, expunge. */
class SessionIT {

    @DatabaseTest
    void getHitsTheIdentityMapFirst(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                session.add(new User("sandy", "Sandy Cheeks"));
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                User first = session.get(User.class, 1);
                User second = session.get(User.class, 1);
                assertThat(second).isSameAs(first);
                assertThat(recorder.sql()).hasSize(1);
                assertThat(recorder.sql().get(0)).startsWith("SELECT user_account.id, user_account.name,"
                        + " user_account.fullname FROM user_account WHERE user_account.id = ?");
                // A query returning the same row gives the same instance too.
                assertThat(session.scalars(select(User.class)).one()).isSameAs(first);
                assertThat(session.get(User.class, 99)).isNull();

                first.fullname = "Sandy";
                recorder.clear();
                session.commit();
                assertThat(recorder.sql()).containsExactly("UPDATE user_account SET fullname=? WHERE"
                        + " user_account.id = ?");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aFlushedPrimaryKeyChangeRefilesTheObjectUnderItsNewKey(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        // Without expiry on commit, so that the identity map answers get() with no statement after each commit.
        try (Session session = SessionFactory.builder(engine).expireOnCommit(false).build().open()) {
            session.add(new User("sandy", null));
            session.add(new User("patrick", null));
            session.commit();
            User sandy = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
            User patrick = session.scalars(select(User.class).where(User_.name.eq("patrick"))).one();
            int patrickId = patrick.id;
            sandy.id = 1000;
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).containsExactly("UPDATE user_account SET id=? WHERE user_account.id = ?");
            assertThat(inspect(sandy).identity()).isEqualTo(1000);
            recorder.clear();
            assertThat(session.get(User.class, 1000)).isSameAs(sandy); // from the identity map
            assertThat(session.get(User.class, patrickId)).isSameAs(patrick);
            assertThat(recorder.sql()).isEmpty();
            session.commit();
            assertThat(recorder.sql()).isEmpty(); // nothing left to write
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT name FROM user_account WHERE id = 1000")).scalar())
                        .isEqualTo("sandy");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void objectStatesOutliveTheSessionsThatHeldThousandsOfOthers(Engine engine) {
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try {
            List<User> kept = new java.util.ArrayList<>();
            // Kept objects are read after their session closed: they must not be expired by the commit.
            try (Session session = SessionFactory.builder(engine).expireOnCommit(false).build().open()) {
                for (int i = 0; i < 3000; i++) {
                    User user = new User("user" + i, null);
                    session.add(user);
                    if (i % 100 == 0) {
                        kept.add(user);
                    }
                }
                session.commit();
            }
            List<User> loaded;
            try (Session session = Session.open(engine)) {
                loaded = session.scalars(select(User.class)).all();
                assertThat(loaded).hasSize(3000).allSatisfy(user -> {
                    assertThat(inspect(user).state()).isEqualTo(ObjectState.PERSISTENT);
                    assertThat(kept).doesNotContain(user); // new instances: the kept ones are detached
                });
                for (User user : kept) {
                    assertThat(inspect(user).state()).isEqualTo(ObjectState.DETACHED);
                    assertThat(inspect(user).identity()).isEqualTo(user.id);
                }
                assertThat(inspect(new User("nobody", null)).state()).isEqualTo(ObjectState.TRANSIENT);
            }
            loaded = null;
            try (Session session = Session.open(engine)) {
                User first = kept.get(0);
                first.fullname = "changed while detached";
                session.add(first); // detached, not new: an UPDATE, no INSERT
                assertThat(inspect(first).state()).isEqualTo(ObjectState.PERSISTENT);
                session.commit();
                assertThat(session.get(User.class, first.id)).isSameAs(first);
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT COUNT(*) FROM user_account")).scalar(Long.class))
                        .isEqualTo(3000L);
                assertThat(conn.execute(Sql.text("SELECT fullname FROM user_account WHERE name = 'user0'"))
                        .scalar(String.class)).isEqualTo("changed while detached");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void autoflushBeforeQueriesAndDeleteStates(Engine engine) {
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User patrick = new User("patrick", null);
            session.add(patrick);
            // The query sees the pending object: autoflush.
            assertThat(session.scalars(select(User.class).where(User_.name.eq("patrick"))).one()).isSameAs(patrick);
            assertThat(inspect(patrick).state()).isEqualTo(ObjectState.PERSISTENT);
            session.commit();

            int id = patrick.id; // the commit expired patrick: read while it has a row to load from
            session.delete(patrick);
            assertThat(session.deletedObjects()).containsExactly(patrick);
            assertThat(inspect(patrick).state()).isEqualTo(ObjectState.PERSISTENT); // until flushed
            session.flush();
            assertThat(inspect(patrick).state()).isEqualTo(ObjectState.DELETED);
            assertThat(session.get(User.class, id)).isNull();
            session.commit();
            assertThat(inspect(patrick).state()).isEqualTo(ObjectState.DETACHED);
            assertThat(session.contains(patrick)).isFalse();

            // Deleting a pending object just makes it transient again.
            User gary = new User("gary", null);
            session.add(gary);
            session.delete(gary);
            assertThat(inspect(gary).state()).isEqualTo(ObjectState.TRANSIENT);
            session.commit();
            assertThat(session.scalars(select(User.class)).all()).isEmpty();

            assertThatThrownBy(() -> session.delete(new User("nobody", null)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Cannot delete User (no identity yet)")
                    .hasMessageContaining("it is transient (never added), not in this session");
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void refreshExpireMergeAndExpunge(Engine engine) {
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User mr = new User("krabs", "Eugene Krabs");
            session.add(mr);
            session.commit();
            // Someone else changes the row.
            try (Connection conn = engine.connect()) {
                conn.execute(Sql.update(registry.mapping(User.class).table()).values(Map.of("fullname", "Mr. Krabs")));
                conn.commit();
            }
            // The commit expired mr: its next read loads the row again (SQLAlchemy's expire_on_commit).
            assertThat(session.get(User.class, mr.id)).isSameAs(mr);
            assertThat(mr.fullname).isEqualTo("Mr. Krabs");
            session.refresh(mr);
            assertThat(mr.fullname).isEqualTo("Mr. Krabs");

            mr.fullname = "unsaved";
            session.expire(mr);
            assertThat(inspect(mr).expired()).isTrue();
            assertThat(session.isModified(mr)).isFalse(); // expired: its changes are discarded
            assertThat(session.get(User.class, mr.id)).isSameAs(mr);
            assertThat(mr.fullname).isEqualTo("Mr. Krabs"); // reloaded by get()

            // merge() copies a detached copy's state onto the session's instance.
            User copy = new User("krabs", "Eugene H. Krabs");
            copy.id = mr.id;
            User merged = session.merge(copy);
            assertThat(merged).isSameAs(mr);
            assertThat(mr.fullname).isEqualTo("Eugene H. Krabs");
            assertThat(session.dirtyObjects()).containsExactly(mr);
            assertThat(inspect(copy).state()).isEqualTo(ObjectState.TRANSIENT);
            User brandNew = session.merge(new User("pearl", null));
            assertThat(inspect(brandNew).state()).isEqualTo(ObjectState.PENDING);
            session.commit();

            int id = mr.id; // loads the expired row while mr is still in the session
            session.expunge(mr);
            assertThat(inspect(mr).state()).isEqualTo(ObjectState.DETACHED);
            User reloaded = session.get(User.class, id);
            assertThat(reloaded).isNotSameAs(mr);
            assertThat(reloaded.fullname).isEqualTo("Eugene H. Krabs");
            assertThatThrownBy(() -> session.add(mr)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("already holds another instance with that identity")
                    .hasMessageContaining("merge");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * A session lets go of its objects without visiting them (each detaches at its next use): after expungeAll() and
     * after close() every object reads as SQLAlchemy's state table says (pending ones transient, persistent and
     * deleted ones detached), the same session takes an expunged object back, and a write to an object of a closed
     * session is neither lost nor sent through it: the next session it joins writes it.
     *
     * <p>Ported from SQLAlchemy's {@code test/orm/test_events.py}
     * {@code SessionLifecycleEventsTest.test_persistent_to_detached_via_expunge_all} (after {@code expunge_all()}
     * the object is detached, not persistent nor deleted, and not in the session). Retort differs: it has no
     * {@code persistent_to_detached} lifecycle event, and it detaches each object at its next use instead of during
     * {@code expungeAll()}/{@code close()}; what the object reports is the same.
     */
    @DatabaseTest
    void expungeAllAndCloseDetachEveryObjectAtItsNextUse(Engine engine) {
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try {
            SessionFactory sessions = SessionFactory.builder(engine).expireOnCommit(false).build();
            sessions.begin(session -> session.addAll(List.of(new User("kept", null), new User("gone", null))));
            User kept;
            try (Session session = sessions.open()) {
                kept = session.scalars(select(User.class).where(User_.name.eq("kept"))).one();
                User gone = session.scalars(select(User.class).where(User_.name.eq("gone"))).one();
                session.delete(gone);
                session.flush();
                assertThat(inspect(gone).state()).isEqualTo(ObjectState.DELETED);
                User pending = new User("pending", null);
                session.add(pending);
                assertThat(inspect(pending).state()).isEqualTo(ObjectState.PENDING);

                session.expungeAll();
                assertThat(inspect(kept).state()).isEqualTo(ObjectState.DETACHED);
                assertThat(inspect(gone).state()).isEqualTo(ObjectState.DETACHED);
                assertThat(inspect(pending).state()).isEqualTo(ObjectState.TRANSIENT);
                assertThat(session.contains(kept)).isFalse();
                assertThat(session.contains(pending)).isFalse();

                session.add(kept); // the same session takes it back, under its identity
                assertThat(inspect(kept).state()).isEqualTo(ObjectState.PERSISTENT);
                assertThat(session.contains(kept)).isTrue();
                assertThat(session.get(User.class, inspect(kept).identity())).isSameAs(kept);
                session.commit(); // the flushed DELETE commits; the expunged pending object was never inserted
            }
            assertThat(inspect(kept).state()).isEqualTo(ObjectState.DETACHED);
            kept.fullname = "written while detached";
            try (Session session = sessions.open()) {
                assertThat(session.contains(kept)).isFalse();
                session.add(kept);
                assertThat(inspect(kept).modified()).containsExactly("fullname");
                session.commit();
            }
            List<String> names = sessions.inTransaction(session -> session.scalars(select(User.class)).all().stream()
                    .map(user -> user.name).sorted().toList());
            assertThat(names).containsExactly("kept");
            Object keptId = inspect(kept).identity();
            String fullname = sessions.inTransaction(session -> session.get(User.class, keptId).fullname);
            assertThat(fullname).isEqualTo("written while detached");
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void detachedObjectsCanBeAddedToANewSession(Engine engine) {
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try {
            User sandy = new User("sandy", "Sandy");
            SessionFactory sessions = SessionFactory.of(engine);
            sessions.begin(session -> session.add(sandy));
            assertThat(inspect(sandy).state()).isEqualTo(ObjectState.DETACHED);
            sandy.fullname = "Sandy Cheeks";
            sessions.begin(session -> {
                session.add(sandy);
                assertThat(inspect(sandy).state()).isEqualTo(ObjectState.PERSISTENT);
                assertThat(inspect(sandy).modified()).containsExactly("fullname");
            });
            // sandy is detached and expired again (the commit): its identity, not its fields, names its row.
            Object id = inspect(sandy).identity();
            String fullname = sessions.inTransaction(session -> session.get(User.class, id).fullname);
            assertThat(fullname).isEqualTo("Sandy Cheeks");
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void uuidKeysEnumsServerDefaultsAndCompositeKeys(Engine engine) {
        Registry registry = Registry.of(Ticket.class, Enrollment.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Ticket ticket = new Ticket("Fix the fryer", Ticket.Priority.HIGH);
            Ticket other = new Ticket("Clean the grill", Ticket.Priority.LOW);
            other.points = 3;
            session.addAll(List.of(ticket, other));
            session.commit();
            assertThat(ticket.id).isNotNull();
            assertThat(ticket.points).isEqualTo(7); // the server default, read back
            assertThat(other.points).isEqualTo(3);
            session.close();

            try (Session again = Session.open(engine)) {
                Ticket loaded = again.get(Ticket.class, ticket.id);
                assertThat(loaded.priority).isEqualTo(Ticket.Priority.HIGH);
                assertThat(loaded.open).isTrue();
                assertThat(loaded.scratch).isEqualTo("not mapped");
                assertThat(loaded.closedAt).isNull();

                Enrollment enrollment = new Enrollment("biology", 7);
                again.add(enrollment);
                again.commit();
                enrollment.grade = "A";
                again.commit();
                assertThat(again.get(Enrollment.class, List.of("biology", 7))).isSameAs(enrollment);
                assertThat(again.get(Enrollment.class, Map.of("course", "biology", "student", 7)))
                        .isSameAs(enrollment);
                assertThat(inspect(enrollment).identity()).isEqualTo(List.of("biology", 7));
                assertThatThrownBy(() -> again.get(Enrollment.class, "biology"))
                        .hasMessageContaining("Enrollment has a composite primary key [course, student]");
                again.expungeAll();
                Enrollment fresh = again.get(Enrollment.class, new Object[] {"biology", 7});
                assertThat(fresh.grade).isEqualTo("A");
                assertThat(Orm.mapping(Enrollment.class).primaryKeyAttributes()).containsExactly("course", "student");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void accountsKeepDecimalsAndVersions(Engine engine) {
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Account account = new Account("plankton", new BigDecimal("10.50"));
            session.add(account);
            session.commit();
            assertThat(account.version).isEqualTo(1);
            assertThat(account.id).isEqualTo(1L);
            account.balance = new BigDecimal("10.5"); // the same value: no UPDATE
            assertThat(session.isModified(account)).isFalse();
            account.balance = new BigDecimal("99.99");
            session.commit();
            assertThat(account.version).isEqualTo(2);
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * A factory given a registry maps its classes only: an object, a {@code get} or a query of another mapped class is
     * refused before any statement, instead of being written to (or read from) a table that no schema generation or
     * validation of the registry covers. SQLAlchemy maps a class through one registry; Retort's class mapping is
     * shared, so the factory's registry is what bounds a session.
     */
    @DatabaseTest
    void aSessionOfAFactoryWithARegistryMapsOnlyTheRegistrysClasses(Engine engine) {
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        SessionFactory sessions = SessionFactory.builder(engine).registry(registry).build();
        assertThat(sessions.registry()).isSameAs(registry);
        String refused = "Class io.retort.impl.orm.Account is not mapped by this session: the registry of its"
                + " SessionFactory maps [User]. Add the class to the Registry given to"
                + " SessionFactory.builder(engine).registry(...) (in CDI: to a package of the database's"
                + " retort.packages, or to a scanned bean archive)";
        try (Session session = sessions.open()) {
            User user = new User("sandy", null);
            session.add(user);
            assertThatThrownBy(() -> session.add(new Account("eve", BigDecimal.ONE)))
                    .isInstanceOf(io.retort.exception.InvalidArgumentException.class).hasMessage(refused);
            assertThatThrownBy(() -> session.get(Account.class, 1L)).hasMessage(refused);
            assertThatThrownBy(() -> session.scalars(select(Account.class))).hasMessage(refused);
            assertThat(session.newObjects()).containsExactly(user); // the refused object is not pending
            session.commit();
            int id = user.id;
            session.expungeAll();
            assertThat(session.get(User.class, id).name).isEqualTo("sandy");
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void rollbackOfAnObjectInsertedAndDeletedInOneTransactionLeavesItTransient(Engine engine) {
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User temp = new User("temp", null);
            session.add(temp);
            session.flush();
            session.delete(temp);
            session.flush();
            session.rollback();
            assertThat(inspect(temp).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(temp.id).isNull();
            User next = new User("next", null);
            session.add(next);
            session.commit();
            assertThat(session.get(User.class, next.id)).isSameAs(next);

            // After a rollback, fields assigned are written by the next commit (the retry pattern).
            session.rollback();
            next.fullname = "Next One"; // written to an expired object: kept, and written by the commit
            session.commit();
            int id = next.id;
            session.expungeAll();
            assertThat(session.get(User.class, id).fullname).isEqualTo("Next One");
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aDeletedRowsKeyCanBeTakenByANewObjectInTheSameFlush(Engine engine) {
        Registry registry = Registry.of(Author.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Author old = new Author(1, "old");
            session.add(old);
            session.commit();
            session.delete(old);
            Author replacement = new Author(1, "new");
            session.add(replacement);
            session.commit();
            assertThat(session.get(Author.class, 1)).isSameAs(replacement);
            session.expungeAll();
            assertThat(session.get(Author.class, 1).name).isEqualTo("new");
        } finally {
            registry.dropAll(engine);
        }
    }

    /** Adds a user with an address and a profile in a session that it closes; only a weak reference is left. */
    private static java.lang.ref.WeakReference<Object> addAndClose(Engine engine) {
        try (Session session = Session.open(engine)) {
            Object user = io.retort.impl.orm.relationships.RelationshipsFixtures.userWithAddress();
            session.add(user);
            session.commit();
            return new java.lang.ref.WeakReference<>(user);
        }
    }

    @org.junit.jupiter.api.Test
    void closedSessionsDoNotKeepTheirObjectsAlive() throws Exception {
        try (Engine engine = Engine.create("h2:mem:")) {
            Registry registry = Registry.of(io.retort.impl.orm.relationships.User.class,
                    io.retort.impl.orm.relationships.Address.class, io.retort.impl.orm.relationships.Profile.class);
            registry.createAll(engine);
            java.lang.ref.WeakReference<Object> ref = addAndClose(engine);
            // Collected by allocation pressure, not only by System.gc() (which -XX:+DisableExplicitGC ignores).
            assertThat(io.retort.testing.GarbageCollection.until(() -> ref.get() == null, 20))
                    .as("the object of a closed session is collected").isTrue();
        }
    }
}
