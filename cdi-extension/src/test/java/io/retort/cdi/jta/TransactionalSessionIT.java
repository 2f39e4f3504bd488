package io.retort.cdi.jta;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.cdi.RetortExtension;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * {@code @Inject Session} in {@code @Transactional} methods, in Weld SE with Narayana's CDI extension, on H2,
 * PostgreSQL and MariaDB: the container's transactions commit and roll back the session's work.
 */
@OnlyOn({TestDatabase.H2, TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
class TransactionalSessionIT {

    /** A Weld container with Retort and Narayana, configured for this run's database. */
    private static final class Container implements AutoCloseable {
        final WeldContainer weld;
        final Config config;

        Container(String url) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            config = ConfigProviderResolver.instance().getBuilder().forClassLoader(loader).addDefaultSources()
                    .withSources(new io.smallrye.config.PropertiesConfigSource(Map.of("retort.url", url,
                            "retort.schema-generation", "drop-and-create"), "test", 500)).build();
            ConfigProviderResolver.instance().registerConfig(config, loader);
            weld = new Weld("retort-jta-" + System.nanoTime()).disableDiscovery()
                    .property("org.jboss.weld.se.shutdownHook", false)
                    .addExtension(new RetortExtension())
                    .addExtension(new com.arjuna.ats.jta.cdi.TransactionExtension())
                    .addBeanClasses(Ledger.class, Audit.class, LedgerEntry.class)
                    .initialize();
        }

        <T> T get(Class<T> type) {
            return weld.select(type).get();
        }

        @Override
        public void close() {
            try {
                weld.shutdown();
            } finally {
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }

    private static List<String> notes(Engine plain) {
        try (Connection conn = plain.connect()) {
            return conn.execute(text("SELECT note FROM cdi_ledger ORDER BY id")).scalars(String.class).all();
        }
    }

    @DatabaseTest
    void rowsAreInvisibleUntilTheTransactionCommits(TestEngines engines) {
        Engine plain = engines.engine();
        try (Container container = new Container(engines.url())) {
            AtomicLong seenDuring = new AtomicLong(-1);
            // A plain thread: no request context, yet the @Transactional method has a Session.
            LedgerEntry entry = container.get(Ledger.class).write("first", () -> seenDuring.set(notes(plain).size()));
            assertThat(seenDuring.get()).isZero();
            assertThat(notes(plain)).containsExactly("first");
            assertThat(Orm.inspect(entry).state()).isEqualTo(ObjectState.DETACHED); // its session ended with it
            assertThat(entry.id).isNotNull();
        }
    }

    @DatabaseTest
    void anExceptionLeavesNoRowsAndResetsTheObjects(TestEngines engines) {
        Engine plain = engines.engine();
        try (Container container = new Container(engines.url())) {
            LedgerEntry entry = new LedgerEntry("doomed");
            assertThatThrownBy(() -> container.get(Ledger.class).writeAndFail(entry))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(notes(plain)).isEmpty();
            assertThat(Orm.inspect(entry).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(entry.id).isNull();

            assertThatThrownBy(() -> container.get(Ledger.class).writeAndFailChecked("checked"))
                    .isInstanceOf(Exception.class).hasMessage("checked");
            assertThatThrownBy(() -> container.get(Ledger.class).writeAndFailWithoutRollback("kept"))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(notes(plain)).containsExactly("kept"); // dontRollbackOn: committed
        }
    }

    @DatabaseTest
    void aRequiresNewCommitSurvivesTheOuterRollback(TestEngines engines) {
        Engine plain = engines.engine();
        try (Container container = new Container(engines.url())) {
            assertThatThrownBy(() -> container.get(Ledger.class).writeAuditedAndFail("outer"))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(notes(plain)).containsExactly("audit of outer");
        }
    }

    @DatabaseTest
    void sessionCommitInsideTheTransactionIsAnError(TestEngines engines) {
        try (Container container = new Container(engines.url())) {
            assertThatThrownBy(() -> container.get(Ledger.class).commitInside())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("This Session is part of a JTA transaction, which commits it: do not call"
                            + " session.commit()");
        }
    }

    @DatabaseTest
    void transactionTypesBehaveAsTheSpecificationSays(TestEngines engines) throws Exception {
        Engine plain = engines.engine();
        try (Container container = new Container(engines.url())) {
            Ledger ledger = container.get(Ledger.class);
            assertThatThrownBy(ledger::mandatory).isInstanceOf(TransactionalException.class);
            UserTransaction transaction = com.arjuna.ats.jta.UserTransaction.userTransaction();
            transaction.begin();
            ledger.mandatory();
            ledger.supports("supported");
            assertThatThrownBy(ledger::never).isInstanceOf(TransactionalException.class);
            // NOT_SUPPORTED suspends the transaction: outside any transaction and request the Session says so.
            assertThatThrownBy(ledger::countOutside).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("add @Transactional to the calling method, or activate a request context");
            transaction.commit(); // programmatic UserTransaction
            assertThat(notes(plain)).containsExactly("mandatory", "supported");

            // A thread of its own (a scheduler, a consumer) gets a Session through @Transactional alone.
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    ledger.write("from a worker", () -> { });
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            worker.start();
            worker.join();
            assertThat(failure.get()).isNull();
            assertThat(notes(plain)).contains("from a worker");
            // And outside any transaction and request, the injected Session refuses with the fix.
            assertThatThrownBy(() -> ledger.find(1)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("was used outside any request and outside any JTA transaction");
        }
    }
}
