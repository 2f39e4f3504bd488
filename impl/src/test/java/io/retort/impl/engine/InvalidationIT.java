package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.NestedTransaction;
import io.retort.exception.DatabaseException;
import io.retort.exception.OperationalException;
import io.retort.exception.PendingRollbackException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.ServerSessions;
import io.retort.testing.TestDatabase;
import java.util.Map;

/**
 * Issue 20, case 6: SQLAlchemy's invalidation semantics. A connection whose server session died is discarded,
 * {@code rollback()} ends its transaction, and the next statement takes a new connection; {@code invalidate()} does
 * the same on request. Ported from SQLAlchemy's test/engine/test_reconnect.py (RealReconnectTest: test_reconnect,
 * test_close, test_with_transaction, test_rollback_on_invalid_plain, test_rollback_on_invalid_savepoint,
 * test_no_begin_on_invalid, test_invalidate_twice; MockReconnectTest.test_invalidate_on_commit_trans) and
 * test/engine/test_transaction.py (test_commit_inactive, test_rollback_inactive).
 */
class InvalidationIT {
    private static final String PENDING = "Can't reconnect until invalid transaction is rolled back. Please"
            + " rollback() fully before proceeding: the connection to the database was lost (or invalidate() was"
            + " called) during a transaction, whose uncommitted work is gone";

    private static Object selectOne(Connection conn) {
        return ((Number) conn.scalar(text("SELECT 1"), Map.of())).intValue();
    }

    private static void notes(Engine engine) {
        engine.begin(conn -> conn.execute(text("CREATE TABLE notes (id int PRIMARY KEY, body varchar(20))")));
    }

    private static long count(Connection conn) {
        return ((Number) conn.scalar(text("SELECT count(*) FROM notes"), Map.of())).longValue();
    }

    /** test_reconnect, test_with_transaction: a lost connection asks for rollback(), then reconnects. */
    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void aConnectionWhoseServerSessionDiedIsReplacedAfterRollback(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(selectOne(conn)).isEqualTo(1);
            for (int round = 0; round < 2; round++) {
                ServerSessions.kill(conn);
                assertThatThrownBy(() -> selectOne(conn)).isInstanceOf(OperationalException.class);
                assertThat(conn.isClosed()).isFalse();
                assertThat(conn.isInvalidated()).isTrue();
                assertThatThrownBy(() -> selectOne(conn)).isInstanceOf(PendingRollbackException.class)
                        .hasMessage(PENDING);
                assertThatThrownBy(conn::commit).isInstanceOf(PendingRollbackException.class).hasMessage(PENDING);
                assertThatThrownBy(() -> selectOne(conn)).isInstanceOf(PendingRollbackException.class);
                conn.rollback();
                assertThat(conn.isInvalidated()).isTrue();
                assertThat(selectOne(conn)).isEqualTo(1);
                assertThat(conn.isInvalidated()).isFalse();
            }
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    /** The report: rollback() on a connection killed while idle in transaction threw 08003, for ever. */
    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void rollbackOfAConnectionKilledIdleInTransactionSucceedsAndTheNextStatementReconnects(Engine engine) {
        notes(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO notes (id, body) VALUES (1, 'lost')"));
            ServerSessions.kill(conn);
            conn.rollback();
            assertThat(conn.isInTransaction()).isFalse();
            assertThat(count(conn)).isZero();
            conn.execute(text("INSERT INTO notes (id, body) VALUES (2, 'kept')"));
            conn.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(count(conn)).isEqualTo(1);
        }
    }

    /** test_invalidate_on_commit_trans: COMMIT on a dead connection; the error says the outcome is unknown. */
    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void aCommitThatFailsOnADeadConnectionSaysItsOutcomeIsUnknown(Engine engine) {
        notes(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO notes (id, body) VALUES (1, 'maybe')"));
            ServerSessions.kill(conn);
            assertThatThrownBy(conn::commit).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("[The connection was lost during COMMIT, so whether the transaction was"
                            + " committed is unknown: check the data before doing its work again. The Connection is"
                            + " invalidated: call rollback(), and the next statement takes a new connection]");
            assertThat(conn.isInvalidated()).isTrue();
            assertThatThrownBy(() -> selectOne(conn)).isInstanceOf(PendingRollbackException.class);
            assertThatThrownBy(conn::commit).isInstanceOf(PendingRollbackException.class);
            conn.rollback();
            assertThat(selectOne(conn)).isEqualTo(1);
            assertThat(conn.isInvalidated()).isFalse();
        }
    }

    /** test_close: a connection closed while invalidated goes back; the next connect works. */
    @DatabaseTest
    @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void aLostConnectionClosesCleanly(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(selectOne(conn)).isEqualTo(1);
            ServerSessions.kill(conn);
            assertThatThrownBy(() -> selectOne(conn)).isInstanceOf(OperationalException.class);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
        try (Connection conn = engine.connect()) {
            assertThat(selectOne(conn)).isEqualTo(1);
        }
    }

    /**
     * test_rollback_on_invalid_plain, test_no_begin_on_invalid, test_invalidate_twice, test_commit_inactive,
     * test_rollback_inactive: invalidate() on request.
     */
    @DatabaseTest
    void invalidateDiscardsTheConnectionAndItsTransaction(Engine engine) {
        notes(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO notes (id, body) VALUES (1, 'one')"));
            conn.commit();
            conn.execute(text("INSERT INTO notes (id, body) VALUES (2, 'two')"));
            java.sql.Connection before = conn.jdbcConnection();
            conn.invalidate();
            conn.invalidate();
            assertThat(conn.isInvalidated()).isTrue();
            assertThatThrownBy(conn::commit).isInstanceOf(PendingRollbackException.class).hasMessage(PENDING);
            assertThatThrownBy(() -> count(conn)).isInstanceOf(PendingRollbackException.class);
            conn.rollback();
            assertThat(count(conn)).isEqualTo(1);
            assertThat(conn.jdbcConnection()).isNotSameAs(before);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
        try (Connection conn = engine.connect()) {
            conn.invalidate(); // outside a transaction: the next statement reconnects at once
            assertThat(selectOne(conn)).isEqualTo(1);
        }
    }

    /** test_rollback_on_invalid_savepoint: rolling back a savepoint of an invalid transaction passes silently. */
    @DatabaseTest
    void aSavepointOfAnInvalidatedTransactionRollsBackSilently(Engine engine) {
        try (Connection conn = engine.connect()) {
            selectOne(conn);
            NestedTransaction savepoint = conn.beginNested();
            conn.invalidate();
            savepoint.rollback();
            assertThatThrownBy(conn::beginNested).isInstanceOf(PendingRollbackException.class).hasMessage(PENDING);
            conn.rollback();
            assertThat(selectOne(conn)).isEqualTo(1);
        }
    }
}
