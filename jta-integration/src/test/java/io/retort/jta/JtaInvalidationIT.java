package io.retort.jta;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.PendingRollbackException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import jakarta.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;

/**
 * A Connection invalidated inside a JTA transaction: the error names the way out that works there (the JTA
 * rollback), not {@code Connection.rollback()}, which a JTA transaction refuses.
 */
@OnlyOn({TestDatabase.H2, TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
class JtaInvalidationIT {
    private static final JtaTransactionCoordinator JTA = JtaTransactionCoordinator.narayana();
    private final TransactionManager tm = JTA.transactionManager();

    @AfterEach
    void noTransactionLeftOver() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
    }

    @DatabaseTest
    void anInvalidatedConnectionInAJtaTransactionPointsToTheJtaRollback(TestEngines engines) throws Exception {
        Engine engine = engines.create(EngineOptions.builder().transactionCoordinator(JTA).build());
        tm.begin();
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
            conn.invalidate();
            assertThatThrownBy(() -> conn.execute(text("SELECT 1"))).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("UserTransaction.rollback() or setRollbackOnly()")
                    .hasMessageNotContaining("Please rollback()");
            // What the old message advised is refused here.
            assertThatThrownBy(conn::rollback).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("do not call rollback()");
        }
        tm.rollback();
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT 2")).scalar(Integer.class)).isEqualTo(2);
        }
    }
}
