package io.retort.jta;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.RetortException;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * Issue 20, case 8: Narayana's transaction reaper rolls a timed-out transaction back on its own thread, and runs the
 * session's {@code afterCompletion} there, while the application thread may be in the middle of a flush. The session
 * defers that work to its own thread (as Hibernate does): the reaper's thread never closes the session's connection
 * or touches its identity map. A flush of 10,000 rows under a 1 s timeout, 50 times, with the timeout landing
 * before, inside and after the flush: the only errors are the rollback itself ({@code RollbackException} from the
 * commit, Retort's error saying the transaction manager rolled the transaction back, or a statement the database
 * cancelled at the timeout), and each round leaves all its rows or none.
 */
@OnlyOn({TestDatabase.H2, TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
class ReaperCompletionIT {
    private static final int ROUNDS = 50;
    private static final int ROWS = 10_000;
    private static final JtaTransactionCoordinator JTA = JtaTransactionCoordinator.narayana();
    private final TransactionManager tm = JTA.transactionManager();

    @AfterEach
    void noTransactionLeftOver() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
        tm.setTransactionTimeout(0);
    }

    @DatabaseTest
    void aTimeoutRollbackOnTheReaperThreadNeverRacesTheFlushingThread(TestEngines engines, TestDatabase database)
            throws Exception {
        Engine engine = engines.create(EngineOptions.builder().transactionCoordinator(JTA).build());
        Engine plain = engines.engine();
        engines.mapped(JtaNote.class);
        int committed = 0;
        int rolledBack = 0;
        List<String> unexpected = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            tm.setTransactionTimeout(1);
            tm.begin();
            try (Session session = Session.open(engine)) {
                for (int i = 0; i < ROWS; i++) {
                    session.add(new JtaNote("r" + round + "-" + i));
                }
                // 600 to 992 ms of the transaction's second pass before the flush: the timeout lands before,
                // during or after it.
                Thread.sleep(600 + round * 8L % 400);
                session.flush();
                tm.commit();
                committed++;
            } catch (RollbackException e) {
                rolledBack++;
            } catch (RetortException e) {
                if (e.getMessage().contains("rolled back by the transaction manager")
                        || e.getMessage().contains("the JTA transaction's timeout, which rolls the transaction back")) {
                    rolledBack++;
                } else {
                    unexpected.add("round " + round + ": " + stackTrace(e));
                }
            } catch (RuntimeException e) {
                unexpected.add("round " + round + ": " + stackTrace(e));
            } finally {
                if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    tm.rollback();
                }
            }
            long rows = rows(plain, "r" + round + "-%");
            if (rows != 0 && rows != ROWS) {
                partial.add("round " + round + ": " + rows + " rows");
            }
        }
        System.out.println("[retort-jta] reaper [" + database.id() + "]: " + ROUNDS + " rounds of " + ROWS
                + " rows under a 1 s timeout: committed " + committed + ", rolled back " + rolledBack
                + ", other errors " + unexpected.size() + ", partly written " + partial.size());
        assertThat(unexpected).as("errors other than the rollback").isEmpty();
        assertThat(partial).as("rounds that left part of their rows").isEmpty();
        assertThat(rolledBack).as("rounds the timeout rolled back").isPositive();
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    private static long rows(Engine plain, String pattern) {
        try (Connection conn = plain.connect()) {
            return conn.execute(text("SELECT count(*) FROM jta_note WHERE body LIKE :pattern"),
                    Map.of("pattern", pattern)).scalar(Long.class);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
