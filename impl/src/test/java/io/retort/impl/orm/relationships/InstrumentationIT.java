package io.retort.impl.orm.relationships;

import static io.retort.orm.Orm.inspect;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.DetachedInstanceException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.ObjectState;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What enhancement gives the ORM, on every database: both sides of a relationship in step at the moment either is
 * set, lazy references, expiry on commit and rollback with a reload on read, change tracking by writes, and the
 * detached-read error. Each test names the SQLAlchemy test (in {@code ../shared/reference/sqlalchemy/test/orm/}) whose
 * facts it ports.
 *
 * <p>Where Retort deliberately differs from SQLAlchemy:
 * <ul>
 *   <li>A Session bound to a JTA transaction, which closes when the transaction completes, detaches its objects with
 *       the values the transaction committed instead of expiring them: expiring them would make whatever a
 *       {@code @Transactional} method returns unreadable (a {@code DetachedInstanceException} on every field), and
 *       the values are those just committed. A request-scoped or application Session expires on commit as
 *       SQLAlchemy's does.</li>
 *   <li>A write to an expired versioned object is flushed against the version it had when it expired; SQLAlchemy
 *       would load the current version first. The row changed since then, so Retort raises
 *       {@code StaleDataException} rather than overwrite another transaction's change.</li>
 *   <li>Objects of a class with a value that can change in place (a {@code byte[]}) are compared at every flush, as
 *       no write reports such a change; SQLAlchemy needs {@code MutableDict}-style types for that.</li>
 * </ul>
 */
class InstrumentationIT {

    private static Registry registry() {
        return Registry.of(User.class, Address.class, Profile.class, Attachment.class);
    }

    private static List<String> emails(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(Sql.text("SELECT email_address FROM address ORDER BY id")).scalars(String.class)
                    .all();
        }
    }

    /**
     * The example, and SQLAlchemy's backref behaviour ({@code test_backref_mutations.py},
     * {@code O2MCollectionTest}): setting {@code a2.user} puts a2 in {@code u1.addresses} at once, so the
     * save-update cascade from u1 inserts it. Before enhancement a2 was silently never inserted.
     */
    @DatabaseTest
    void settingTheReferenceOfANewObjectPutsItInTheCollectionAndTheCascadeInsertsIt(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User u1 = new User("spongebob", "Spongebob Squarepants");
            Address a1 = new Address("spongebob@sqlalchemy.org");
            u1.addresses.add(a1);
            assertThat(a1.user).isSameAs(u1); // the collection side sets the reference, out of any session
            Address a2 = new Address("pearl@aol.com");
            a2.user = u1;
            assertThat(u1.addresses).containsExactly(a1, a2); // the reference side appends, out of any session
            session.add(u1);
            assertThat(inspect(a2).state()).isEqualTo(ObjectState.PENDING);
            session.connection();
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).hasSize(2);
            assertThat(recorder.dml().get(0)).startsWith("INSERT INTO user_account");
            assertThat(recorder.dml().get(1)).startsWith("INSERT INTO address");
            assertThat(inspect(a2).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(emails(engine)).containsExactly("spongebob@sqlalchemy.org", "pearl@aol.com");
            assertThat(a2.userId).isEqualTo(u1.id);
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * {@code test_backref_mutations.py} {@code O2MCollectionTest.test_scalar_move_preloaded}: setting the reference
     * of an address moves it out of its old user's loaded collection into the new user's, and the commit writes the
     * new foreign key.
     */
    @DatabaseTest
    void settingTheReferenceMovesTheChildBetweenParents(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User u1 = new User("jack", null);
            User u2 = new User("ed", null);
            Address a1 = new Address("a1");
            a1.user = u1;
            session.addAll(List.of(u1, u2, a1));
            session.commit();

            assertThat(u1.addresses).containsExactly(a1); // loaded
            a1.user = u2;
            assertThat(u1.addresses).doesNotContain(a1);
            recorder.clear();
            assertThat(u2.addresses).containsExactly(a1); // its load autoflushes the move first
            assertThat(recorder.dml()).containsExactly("UPDATE address SET user_id=? WHERE address.id = ?");
            session.commit();
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT user_id FROM address")).scalar(Integer.class))
                        .isEqualTo(u2.id);
            }
            // And back through the collection: the reference follows.
            u1.addresses.add(a1);
            assertThat(a1.user).isSameAs(u1);
            assertThat(u2.addresses).isEmpty();
            session.commit();
        }
        try (Session session = Session.open(engine)) {
            // a1 comes in through jack's collection, its own reference unloaded: appended to ed's collection, it
            // leaves jack's, whose user the identity map knows from the foreign key (no statement loads it).
            User jack = session.scalars(select(User.class).where(User_.name.eq("jack"))).one();
            User ed = session.scalars(select(User.class).where(User_.name.eq("ed"))).one();
            Address a1 = jack.addresses.get(0);
            assertThat(ed.addresses).isEmpty();
            recorder.clear();
            ed.addresses.add(a1);
            assertThat(recorder.sql()).isEmpty();
            assertThat(jack.addresses).isEmpty();
            assertThat(a1.user).isSameAs(ed);
            session.commit();
            assertThat(ed.addresses).containsExactly(a1);
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * {@code test_lazy_relations.py} {@code LazyTest.test_many_to_one} and the "no N+1 by default" rule: a many-to-one
     * is lazy, loads on the first read of its field, and that read loads the references of every object of the same
     * query in one {@code SELECT ... IN}: 100 addresses of 10 users, 2 statements. A target the session holds loads
     * with no statement.
     */
    @DatabaseTest
    void aLazyManyToOneLoadsOnFirstReadBatchedOverItsQuery(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                for (int i = 0; i < 10; i++) {
                    User user = new User("user" + i, null);
                    for (int j = 0; j < 10; j++) {
                        user.addresses.add(new Address("u" + i + "." + j));
                    }
                    session.add(user);
                }
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                session.connection();
                recorder.clear();
                List<Address> addresses = session.scalars(select(Address.class).orderBy(Address_.id)).all();
                assertThat(addresses).hasSize(100);
                assertThat(recorder.sql()).hasSize(1);
                List<String> names = new ArrayList<>();
                for (Address address : addresses) {
                    names.add(address.user.name);
                }
                assertThat(names).hasSize(100).startsWith("user0").endsWith("user9");
                assertThat(recorder.sql()).hasSize(2);
                assertThat(recorder.sql().get(1)).isEqualTo("SELECT user_account.id, user_account.name,"
                        + " user_account.fullname FROM user_account WHERE user_account.id IN (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?)");
            }
            try (Session session = Session.open(engine)) {
                User user3 = session.scalars(select(User.class).where(User_.name.eq("user3"))).one();
                session.connection();
                recorder.clear();
                Address address = session.scalars(select(Address.class).where(Address_.emailAddress.eq("u3.4")))
                        .one();
                assertThat(address.user).isSameAs(user3); // the identity map: no statement for the reference
                assertThat(recorder.sql()).hasSize(1);
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * {@code test_transaction.py} {@code test_attrs_on_rollback}, the seed's walkthrough: after a rollback a changed
     * attribute reads the committed value (the rolled-back one is never shown), loaded with one SELECT.
     */
    @DatabaseTest
    void afterARollbackAChangedAttributeReadsTheCommittedValueWithOneSelect(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User sandy = new User("sandy", "Sandy Cheeks");
            session.add(sandy);
            session.commit();
            sandy.fullname = "Sandy Squirrel";
            session.flush();
            session.rollback();
            assertThat(inspect(sandy).expired()).isTrue();
            recorder.clear();
            assertThat(sandy.fullname).isEqualTo("Sandy Cheeks");
            assertThat(recorder.sql()).containsExactly("SELECT user_account.id, user_account.name,"
                    + " user_account.fullname FROM user_account WHERE user_account.id = ?");
            assertThat(inspect(sandy).expired()).isFalse();
            assertThat(sandy.name).isEqualTo("sandy");
            assertThat(recorder.sql()).hasSize(1);
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * {@code test_transaction.py} {@code test_no_expire_on_commit}: by default a commit expires every object (its next
     * read loads it in a new transaction, seeing another transaction's change); with {@code expireOnCommit(false)} the
     * values stay until {@code expireAll()}.
     */
    @DatabaseTest
    void commitExpiresObjectsUnlessExpireOnCommitIsOff(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                User ed = new User("ed", null);
                session.add(ed);
                session.commit();
                assertThat(inspect(ed).expired()).isTrue();
                rename(engine, "ed", "edward");
                recorder.clear();
                assertThat(ed.name).isEqualTo("edward");
                assertThat(recorder.sql()).hasSize(1);
            }
            SessionFactory keeping = SessionFactory.builder(engine).expireOnCommit(false).build();
            try (Session session = keeping.open()) {
                User ed = new User("ed2", null);
                session.add(ed);
                session.commit();
                assertThat(inspect(ed).expired()).isFalse();
                rename(engine, "ed2", "edward2");
                recorder.clear();
                assertThat(ed.name).isEqualTo("ed2");
                assertThat(recorder.sql()).isEmpty();
                session.expireAll();
                assertThat(ed.name).isEqualTo("edward2");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    private static void rename(Engine engine, String from, String to) {
        engine.begin(conn -> conn.execute(Sql.text("UPDATE user_account SET name = :to WHERE name = :from"),
                Map.of("to", to, "from", from)));
    }

    /**
     * {@code test_expire.py} {@code ExpireTest.test_no_session}: reading an expired attribute of a detached object is
     * a {@code DetachedInstanceException}, as is reading a lazy reference that was never loaded; with
     * {@code expireOnCommit(false)} the committed values stay readable after the session closes.
     */
    @DatabaseTest
    void readingAnExpiredOrUnloadedAttributeOfADetachedObjectIsAnError(Engine engine) {
        Registry registry = registry();
        registry.createAll(engine);
        try {
            User sandy = new User("sandy", "Sandy Cheeks");
            try (Session session = Session.open(engine)) {
                sandy.addresses.add(new Address("sandy@x.org"));
                session.add(sandy);
                session.commit();
            }
            assertThat(inspect(sandy).state()).isEqualTo(ObjectState.DETACHED);
            assertThatThrownBy(() -> String.valueOf(sandy.fullname)).isInstanceOf(DetachedInstanceException.class)
                    .hasMessage("Cannot read User.fullname: the User with identity " + inspect(sandy).identity()
                            + " is detached (its Session is closed, or it was expunged) and the attribute is expired"
                            + " (a commit or rollback expired it), so there is no value to show and no Session to"
                            + " load it through. Read it before the Session closes, or keep the values loaded at"
                            + " commit with SessionFactory.builder(engine).expireOnCommit(false)"
                            + " (retort.expire-on-commit=false in CDI)");

            Address address;
            try (Session session = SessionFactory.builder(engine).expireOnCommit(false).build().open()) {
                address = session.scalars(select(Address.class)).one();
            }
            assertThat(address.emailAddress).isEqualTo("sandy@x.org"); // loaded, kept: readable detached
            assertThatThrownBy(() -> String.valueOf(address.user)).isInstanceOf(DetachedInstanceException.class)
                    .hasMessage("Cannot read Address.user: the Address with identity " + inspect(address).identity()
                            + " is detached (its Session is closed, or it was expunged) and the relationship was"
                            + " never loaded, so there is no Session to load it through. Load it with the query that"
                            + " loads the object, e.g. select(Address.class).options(selectIn(Address_.user)), or read"
                            + " it before the Session closes");

            // A collection never loaded: the same exception and message (it was an InvalidRequestException).
            User loaded;
            try (Session session = SessionFactory.builder(engine).expireOnCommit(false).build().open()) {
                loaded = session.scalars(select(User.class)).one();
            }
            assertThatThrownBy(() -> loaded.addresses.size()).isInstanceOf(DetachedInstanceException.class)
                    .hasMessage("Cannot read User.addresses: the User with identity " + inspect(loaded).identity()
                            + " is detached (its Session is closed, or it was expunged) and the relationship was"
                            + " never loaded, so there is no Session to load it through. Load it with the query that"
                            + " loads the object, e.g. select(User.class).options(selectIn(User_.addresses)), or read"
                            + " it before the Session closes");
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * {@code test_expire.py} {@code ExpireTest.test_expire_doesntload_on_set} (a write to an expired attribute runs no
     * SQL, and the flush writes it) and {@code test_expire_preserves_changes} (the load of the expired row does not
     * revert it), here after a rollback, the retry pattern.
     */
    @DatabaseTest
    void aWriteToAnExpiredObjectSurvivesItsReloadAndIsFlushed(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User sandy = new User("sandy", "Sandy Cheeks");
            session.add(sandy);
            session.commit();
            sandy.name = "sandy2";
            session.flush();
            session.rollback();
            recorder.clear();
            sandy.fullname = "Sandy Squirrel"; // expired: written, not loaded
            assertThat(recorder.sql()).isEmpty();
            assertThat(sandy.name).isEqualTo("sandy"); // the row loads: the rolled-back name is gone
            assertThat(recorder.sql()).hasSize(1);
            assertThat(sandy.fullname).isEqualTo("Sandy Squirrel"); // the write was kept through the reload
            assertThat(session.isModified(sandy)).isTrue();
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).containsExactly("UPDATE user_account SET fullname=? WHERE user_account.id = ?");
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT name, fullname FROM user_account")).one().values())
                        .containsExactly("sandy", "Sandy Squirrel");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * Change tracking by writes, and what no write reports: a field written by the class's own method is flushed; a
     * {@code byte[]} changed in place is flushed too (its class is compared at every flush); an object nobody wrote
     * is not updated.
     */
    @DatabaseTest
    void writesInsideTheClassAndChangesInPlaceAreFlushed(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = SessionFactory.builder(engine).expireOnCommit(false).build().open()) {
            Attachment first = new Attachment("first", new byte[] {1, 2});
            Attachment second = new Attachment("second", new byte[] {3});
            session.addAll(List.of(first, second));
            session.commit();
            first.relabel("renamed");
            second.content[0] = 9;
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).containsExactly("UPDATE attachment SET label=? WHERE attachment.id = ?",
                    "UPDATE attachment SET content=? WHERE attachment.id = ?");
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).isEmpty(); // nothing written since: no UPDATE
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT label FROM attachment ORDER BY id")).scalars(String.class)
                        .all()).containsExactly("renamed", "second");
                assertThat(conn.execute(Sql.text("SELECT content FROM attachment WHERE label = 'second'"))
                        .scalar(byte[].class)).containsExactly(9);
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * A lazy reference never loaded keeps its foreign key through flushes of other changes, and a reference whose
     * loading is RAISE refuses to be read, naming the option that loads it ({@code test_lazy_relations.py}, raiseload).
     */
    @DatabaseTest
    void anUnloadedReferenceKeepsItsForeignKeyAndRaiseRefusesTheRead(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                User owner = new User("owner", null);
                owner.addresses.add(new Address("owner@x.org"));
                session.add(owner);
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                Address address = session.scalars(select(Address.class)).one();
                address.emailAddress = "changed@x.org"; // the user reference is never read
                recorder.clear();
                session.commit();
                assertThat(recorder.dml()).containsExactly(
                        "UPDATE address SET email_address=? WHERE address.id = ?");
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT a.user_id = u.id FROM address a, user_account u"))
                        .scalar(Boolean.class)).isTrue();
            }
            try (Session session = Session.open(engine)) {
                Address raising = session.scalars(select(Address.class)
                        .options(io.retort.orm.Load.raise(Address_.user))).one();
                assertThatThrownBy(() -> String.valueOf(raising.user))
                        .isInstanceOf(io.retort.exception.InvalidRequestException.class)
                        .hasMessage("Relationship Address.user is not loaded and its loading is RAISE, so reading it"
                                + " is an error; load it with the query, e.g."
                                + " select(Address.class).options(selectIn(Address_.user))");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * The state table of SQLAlchemy's Session documentation, and {@code test_session.py}'s "not in sess" after a
     * flushed delete: after the flush the object is DELETED and no longer in the session; after the commit, DETACHED.
     */
    @DatabaseTest
    void aFlushedDeleteLeavesTheSession(Engine engine) {
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User gary = new User("gary", null);
            session.add(gary);
            session.commit();
            session.delete(gary);
            assertThat(session.contains(gary)).isTrue(); // marked, not flushed
            session.flush();
            assertThat(inspect(gary).state()).isEqualTo(ObjectState.DELETED);
            assertThat(session.contains(gary)).isFalse();
            session.commit();
            assertThat(inspect(gary).state()).isEqualTo(ObjectState.DETACHED);
            assertThat(session.contains(gary)).isFalse();
        } finally {
            registry.dropAll(engine);
        }
    }
}
