package io.retort.jta;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.OperationalException;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * Sessions and connections inside Narayana transactions in Java SE, on H2, PostgreSQL and MariaDB: the transaction
 * manager commits and rolls back their work.
 */
@OnlyOn({TestDatabase.H2, TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
class JtaSessionIT {
    private static final JtaTransactionCoordinator JTA = JtaTransactionCoordinator.narayana();
    private final TransactionManager tm = JTA.transactionManager();

    private Engine jtaEngine(TestEngines engines) {
        return engines.create(EngineOptions.builder().transactionCoordinator(JTA).build());
    }

    private static long count(Engine plain) {
        try (Connection conn = plain.connect()) {
            return conn.execute(text("SELECT count(*) FROM jta_note")).scalar(Long.class);
        }
    }

    @AfterEach
    void noTransactionLeftOver() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
    }

    @DatabaseTest
    void sessionWorkIsCommittedByTheTransactionManager(TestEngines engines) throws Exception {
        Engine engine = jtaEngine(engines);
        Engine plain = engines.engine();
        Registry registry = Registry.of(JtaNote.class);
        registry.createAll(plain);
        try (Session session = Session.open(engine)) {
            tm.begin();
            JtaNote note = new JtaNote("written in JTA");
            session.add(note);
            session.flush();
            assertThat(count(plain)).isZero(); // invisible to another connection until the commit
            assertThatThrownBy(session::commit).isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("This Session is part of a JTA transaction, which commits it: do not call"
                            + " session.commit()");
            session.add(new JtaNote("flushed before completion"));
            tm.commit();
            assertThat(count(plain)).isEqualTo(2);
            assertThat(Orm.inspect(note).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(note.id).isNotNull();
        } finally {
            registry.dropAll(plain);
        }
    }

    /**
     * Issue 20, case 2: a query before {@code tm.begin()} gave the session a connection of its own, and the session
     * never joined the JTA transaction: the commit wrote nothing and the object stayed pending, without an error.
     */
    @DatabaseTest
    void aSessionThatQueriedBeforeTheTransactionBeganJoinsIt(TestEngines engines) throws Exception {
        Engine engine = jtaEngine(engines);
        Engine plain = engines.engine();
        Registry registry = Registry.of(JtaNote.class);
        registry.createAll(plain);
        try (Session session = Session.open(engine)) {
            assertThat(session.get(JtaNote.class, 404)).isNull(); // a query: the session takes a connection
            tm.begin();
            JtaNote note = new JtaNote("joined late");
            session.add(note);
            tm.commit();
            assertThat(count(plain)).isEqualTo(1);
            assertThat(Orm.inspect(note).state()).isEqualTo(ObjectState.PERSISTENT);
        } finally {
            registry.dropAll(plain);
        }
    }

    /** Issue 20, case 2: work written in the session's own transaction cannot join the JTA one: an error says so. */
    @DatabaseTest
    void aSessionThatWroteBeforeTheTransactionBeganRefusesToJoinIt(TestEngines engines) throws Exception {
        Engine engine = jtaEngine(engines);
        Engine plain = engines.engine();
        Registry registry = Registry.of(JtaNote.class);
        registry.createAll(plain);
        try (Session session = Session.open(engine)) {
            session.add(new JtaNote("own transaction"));
            session.flush();
            tm.begin();
            assertThatThrownBy(() -> session.add(new JtaNote("in JTA"))).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("This Session wrote in a transaction of its own, begun before the JTA transaction of"
                            + " this thread, so its work cannot become part of the JTA transaction: call"
                            + " session.commit() or session.rollback() before the JTA transaction begins, or use the"
                            + " Session only inside it");
            tm.rollback();
            session.commit();
            assertThat(count(plain)).isEqualTo(1);
        } finally {
            registry.dropAll(plain);
        }
    }

    /**
     * {@code Session.beginNested()} inside a JTA transaction is refused with the way out (XA branches have no
     * savepoints); the session's work goes on in the transaction, which commits it.
     */
    @DatabaseTest
    void aSavepointInsideTheTransactionIsRefused(TestEngines engines) throws Exception {
        Engine engine = jtaEngine(engines);
        Engine plain = engines.engine();
        Registry registry = Registry.of(JtaNote.class);
        registry.createAll(plain);
        try (Session session = Session.open(engine)) {
            tm.begin();
            session.add(new JtaNote("kept"));
            assertThatThrownBy(session::beginNested).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Savepoints are not available inside a JTA transaction")
                    .hasMessageContaining("@Transactional(REQUIRES_NEW)");
            tm.commit();
            assertThat(count(plain)).isEqualTo(1);
        } finally {
            registry.dropAll(plain);
        }
    }

    @DatabaseTest
    void aRollbackLeavesNoRowsAndResetsTheSession(TestEngines engines) throws Exception {
        Engine engine = jtaEngine(engines);
        Engine plain = engines.engine();
        Registry registry = Registry.of(JtaNote.class);
        registry.createAll(plain);
        try (Session session = Session.open(engine)) {
            tm.begin();
            JtaNote note = new JtaNote("rolled back");
            session.add(note);
            session.flush();
            assertThat(note.id).isNotNull();
            tm.rollback();
            assertThat(count(plain)).isZero();
            assertThat(Orm.inspect(note).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(note.id).isNull();

            // The same session works in the next transaction.
            tm.begin();
            session.add(note);
            tm.commit();
            assertThat(count(plain)).isEqualTo(1);
        } finally {
            registry.dropAll(plain);
        }
    }

    @DatabaseTest
    void anInnerTransactionCommitsOnItsOwnWhenTheOuterOneRollsBack(TestEngines engines) throws Exception {
        Engine engine = jtaEngine(engines);
        Engine plain = engines.engine();
        Registry registry = Registry.of(JtaNote.class);
        registry.createAll(plain);
        try {
            tm.begin();
            Session outer = Session.open(engine);
            outer.add(new JtaNote("outer"));
            outer.flush();
            Transaction suspended = tm.suspend(); // REQUIRES_NEW: its own transaction, connection and session
            tm.begin();
            try (Session inner = Session.open(engine)) {
                inner.add(new JtaNote("inner"));
                tm.commit();
            }
            tm.resume(suspended);
            tm.rollback();
            outer.close();
            try (Connection conn = plain.connect()) {
                assertThat(conn.execute(text("SELECT body FROM jta_note")).scalars(String.class).all())
                        .containsExactly("inner");
            }
        } finally {
            registry.dropAll(plain);
        }
    }

    @DatabaseTest
    void aCoreConnectionJoinsTheTransactionAndCannotCommitItself(TestEngines engines) throws Exception {
        Engine engine = jtaEngine(engines);
        Engine plain = engines.engine();
        Registry registry = Registry.of(JtaNote.class);
        registry.createAll(plain);
        try {
            tm.begin();
            try (Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO jta_note (body) VALUES (:body)"), Map.of("body", "core"));
                assertThatThrownBy(conn::commit).isInstanceOf(InvalidRequestException.class)
                        .hasMessageStartingWith("This Connection is part of a JTA transaction, which commits it: do"
                                + " not call commit() on it");
            }
            engine.begin(conn -> conn.execute(text("INSERT INTO jta_note (body) VALUES ('begin once')")));
            assertThat(count(plain)).isZero();
            tm.commit();
            assertThat(count(plain)).isEqualTo(2);

            // Outside a transaction, the same engine's connections are resource-local again.
            try (Connection conn = engine.connect()) {
                conn.execute(text("DELETE FROM jta_note"));
                conn.rollback();
            }
            assertThat(count(plain)).isEqualTo(2);
        } finally {
            registry.dropAll(plain);
        }
    }

    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void aStatementRunningPastTheTimeoutIsCancelledAndTheTransactionRollsBack(TestEngines engines, TestDatabase db)
            throws Exception {
        Engine engine = jtaEngine(engines);
        Engine plain = engines.engine();
        Registry registry = Registry.of(JtaNote.class);
        registry.createAll(plain);
        try {
            tm.setTransactionTimeout(2);
            tm.begin();
            try (Session session = Session.open(engine)) {
                session.add(new JtaNote("too slow"));
                session.flush();
                String sleep = db == TestDatabase.POSTGRESQL ? "SELECT pg_sleep(10)" : "SELECT SLEEP(10)";
                // The statement's own outcome tells a cancel from a sleep run out, not the clock: PostgreSQL fails
                // it, and MariaDB's SLEEP() returns 1 when interrupted (0 when it slept its 10 s).
                try {
                    Object slept = session.execute(text(sleep)).scalar();
                    assertThat(db).isEqualTo(TestDatabase.MARIADB);
                    assertThat(((Number) slept).intValue()).as("SLEEP() interrupted").isEqualTo(1);
                } catch (OperationalException e) {
                    assertThat(e.getMessage()).contains("[The statement was cancelled: it ran past the 2s left before"
                            + " the JTA transaction's timeout, which rolls the transaction back]");
                }
                assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
            }
            assertThat(count(plain)).isZero();
        } finally {
            tm.setTransactionTimeout(0);
            registry.dropAll(plain);
        }
    }
}
