package io.retort.cdi.jta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.cdi.RetortExtension;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * What Retort logs of JTA work. Issue 22: with {@code retort.echo=true}, the SQL log shows how a JTA transaction the
 * Session joined ended, COMMIT or ROLLBACK, as it does for a resource-local one, not only its BEGIN. Issue 20 case 3:
 * a request whose own Session only read, while a {@code @Transactional} method wrote and committed, ends without the
 * warning about uncommitted writes.
 */
@OnlyOn({TestDatabase.H2, TestDatabase.POSTGRESQL})
class JtaEchoIT {
    private final List<String> echoed = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            echoed.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @DatabaseTest
    void theEchoShowsTheCommitAndTheRollbackOfTheJtaTransaction(TestEngines engines) {
        Logger logger = Logger.getLogger("io.retort.engine");
        Level level = logger.getLevel();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config config = ConfigProviderResolver.instance().getBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new io.smallrye.config.PropertiesConfigSource(Map.of("retort.url", engines.url(),
                        "retort.schema-generation", "drop-and-create", "retort.echo", "true"), "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        logger.setLevel(Level.INFO);
        logger.addHandler(handler);
        WeldContainer weld = new Weld("retort-jta-echo-" + System.nanoTime()).disableDiscovery()
                .property("org.jboss.weld.se.shutdownHook", false)
                .addExtension(new RetortExtension())
                .addExtension(new com.arjuna.ats.jta.cdi.TransactionExtension())
                .addBeanClasses(Ledger.class, Audit.class, LedgerEntry.class)
                .initialize();
        try {
            Ledger ledger = weld.select(Ledger.class).get();
            echoed.clear();
            ledger.write("kept", () -> { });
            assertThat(echoed).first().isEqualTo("BEGIN (joined the JTA transaction)");
            assertThat(echoed).last().isEqualTo("COMMIT (the JTA transaction committed)");
            // H2's INSERT ... RETURNING is SELECT ... FROM FINAL TABLE (INSERT INTO ...)
            assertThat(echoed).filteredOn(line -> line.contains("INSERT INTO cdi_ledger")).hasSize(1);

            echoed.clear();
            assertThatThrownBy(() -> ledger.writeAndFail(new LedgerEntry("doomed")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(echoed).first().isEqualTo("BEGIN (joined the JTA transaction)");
            assertThat(echoed).last().isEqualTo("ROLLBACK (the JTA transaction rolled back)");
        } finally {
            weld.shutdown();
            ConfigProviderResolver.instance().releaseConfig(config);
            logger.removeHandler(handler);
            logger.setLevel(level);
        }
    }

    @DatabaseTest
    void aRequestThatReadsThenWritesInATransactionEndsWithoutAWarning(TestEngines engines) {
        Logger logger = Logger.getLogger("io.retort.cdi");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config config = ConfigProviderResolver.instance().getBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new io.smallrye.config.PropertiesConfigSource(Map.of("retort.url", engines.url(),
                        "retort.schema-generation", "drop-and-create"), "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        logger.addHandler(handler);
        WeldContainer weld = new Weld("retort-jta-warning-" + System.nanoTime()).disableDiscovery()
                .property("org.jboss.weld.se.shutdownHook", false)
                .addExtension(new RetortExtension())
                .addExtension(new com.arjuna.ats.jta.cdi.TransactionExtension())
                .addBeanClasses(Ledger.class, Audit.class, LedgerEntry.class)
                .initialize();
        try {
            Ledger ledger = weld.select(Ledger.class).get();
            RequestContextController request = weld.select(RequestContextController.class).get();
            request.activate();
            assertThat(ledger.find(1)).isNull();   // the request's Session reads: it is in a transaction now
            ledger.write("kept", () -> { });        // the JTA transaction's Session writes and commits
            echoed.clear();
            request.deactivate();
            assertThat(echoed).noneMatch(line -> line.contains("never committed"));
        } finally {
            weld.shutdown();
            ConfigProviderResolver.instance().releaseConfig(config);
            logger.removeHandler(handler);
        }
    }
}
