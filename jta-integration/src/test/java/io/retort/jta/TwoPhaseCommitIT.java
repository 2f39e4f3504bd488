package io.retort.jta;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.testing.TestEnvironment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engines on two databases, PostgreSQL and MariaDB, in one JTA transaction with XA connections: they commit
 * together or roll back together, also when a resource fails at prepare. The PostgreSQL is an embedded one, since
 * XA needs {@code max_prepared_transactions} above 0; MariaDB is the test server ({@code TEST_RETORT_MARIADB_URL}
 * or 127.0.0.1:3306).
 */
class TwoPhaseCommitIT {
    private static final String TABLE = "xa_note";
    private static EmbeddedPostgres postgres;
    private static NarayanaRecovery recovery;
    private static Engine pg;
    private static Engine maria;
    private static TransactionManager tm;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("max_prepared_transactions", "10").start();
        recovery = new NarayanaRecovery();
        JtaTransactionCoordinator xa = JtaTransactionCoordinator.narayana().withXa(recovery);
        tm = xa.transactionManager();
        EngineOptions options = EngineOptions.builder().transactionCoordinator(xa).build();
        pg = Engine.create("postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres", options);
        String mariaUrl = TestEnvironment.get(TestEnvironment.MARIADB_URL);
        maria = Engine.create(mariaUrl != null ? mariaUrl : "mariadb://root@127.0.0.1:3306/test", options);
        for (Engine engine : List.of(pg, maria)) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("DROP TABLE IF EXISTS " + TABLE));
                conn.execute(text("CREATE TABLE " + TABLE + " (id INTEGER PRIMARY KEY, body VARCHAR(40))"));
                conn.commit();
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Engine engine : List.of(pg, maria)) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("DROP TABLE IF EXISTS " + TABLE));
                conn.commit();
            }
            engine.close();
        }
        postgres.close();
    }

    private static List<Integer> ids(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT id FROM " + TABLE + " ORDER BY id")).scalars(Integer.class).all();
        }
    }

    private static void write(int id) {
        for (Engine engine : List.of(pg, maria)) {
            try (Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO " + TABLE + " (id, body) VALUES (:id, :body)"),
                        Map.of("id", id, "body", "note " + id));
            }
        }
    }

    /**
     * Issue 20, case 12: an XA pool's resources are registered for recovery under a name made from its database
     * (the engine's URL without the password), not from a JVM-wide counter whose values change with the order the
     * engines were created in.
     */
    @Test
    void xaPoolsAreRegisteredForRecoveryUnderTheirDatabasesName() {
        assertThat(recovery.resourceNames()).containsExactlyInAnyOrder("retort-xa:" + pg.url().render(true),
                "retort-xa:" + maria.url().render(true));
    }

    @Test
    void bothDatabasesCommitTogether() throws Exception {
        tm.begin();
        write(1);
        tm.commit();
        assertThat(ids(pg)).contains(1);
        assertThat(ids(maria)).contains(1);
        assertThat(recovery.registeredResources()).isEqualTo(2); // each XA pool is known to recovery
    }

    @Test
    void bothDatabasesRollBackTogether() throws Exception {
        tm.begin();
        write(2);
        tm.rollback();
        assertThat(ids(pg)).doesNotContain(2);
        assertThat(ids(maria)).doesNotContain(2);
    }

    @Test
    void aFailureAtPrepareRollsBackBothDatabases() throws Exception {
        tm.begin();
        write(3);
        tm.getTransaction().enlistResource(new io.retort.testing.FailingXaResource());
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
        assertThat(ids(pg)).doesNotContain(3);
        assertThat(ids(maria)).doesNotContain(3);
    }
}
