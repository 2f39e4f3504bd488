package io.retort.impl.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Capability;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.StaleDataException;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.math.BigDecimal;

/**
 * Issue 20, case 5: where the driver answers a batch with SUCCESS_NO_INFO instead of row counts (MariaDB Connector/J
 * with useBulkStmts, MySQL Connector/J with rewriteBatchedStatements), optimistic locking still catches a lost update:
 * the dialect says so (Capability.BATCH_ROW_COUNTS, SQLAlchemy's supports_sane_multi_rowcount) and versioned rows are
 * then written one statement per row (SQLAlchemy's persistence.py does the same for versioned mappers).
 */
@OnlyOn(TestDatabase.MARIADB)
class BatchRowCountIT {
    @DatabaseTest
    void aLostUpdateIsCaughtWhenTheDriverReportsNoBatchCounts(TestEngines engines) {
        Engine engine = engines.create(EngineOptions.builder().connectArg("useBulkStmts", "true").build());
        assertThat(engine.supports(Capability.BATCH_ROW_COUNTS)).isFalse();
        assertThat(engines.engine().supports(Capability.BATCH_ROW_COUNTS)).isTrue();
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try {
            try (Session setup = Session.open(engine)) {
                setup.add(new Account("plankton", new BigDecimal("1.00")));
                setup.add(new Account("karen", new BigDecimal("1.00")));
                setup.commit();
            }
            try (Session first = Session.open(engine); Session second = Session.open(engine)) {
                Account mine = first.get(Account.class, 1L);
                Account theirs = second.get(Account.class, 1L);
                Account other = second.get(Account.class, 2L);
                second.commit();
                mine.balance = new BigDecimal("2.00");
                first.commit();
                theirs.balance = new BigDecimal("3.00");
                other.balance = new BigDecimal("3.00");
                assertThatThrownBy(second::flush).isInstanceOf(StaleDataException.class)
                        .hasMessageContaining("expected to match 1 row, but matched 0");
                second.rollback();
            }
            try (Session check = Session.open(engine)) {
                assertThat(check.get(Account.class, 1L).balance).isEqualByComparingTo("2.00");
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
