package io.retort.cdi;

import static io.retort.orm.Orm.select;
import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.cdi.TestContainers.Kind;
import io.retort.cdi.TestContainers.Running;
import io.retort.cdi.beans.Accounts;
import io.retort.cdi.beans.ReportingDesk;
import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.ResourceClosedException;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.schema.MetaData;
import io.retort.testing.model.Address;
import io.retort.testing.model.User;
import io.retort.testing.reporting.Report;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Any;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.Test;

/**
 * The beans' contract, run once per extension ({@link PortableExtensionIT}, {@link BuildCompatibleExtensionIT}):
 * whichever extension runs, the same configuration gives the same beans.
 */
abstract class BeanContractTests {
    private static final Map<String, String> SQLITE = Map.of(
            "retort.url", "sqlite:///:memory:",
            "retort.schema-generation", "create");

    /** The extension under test. */
    abstract Kind kind();

    private Running start(Map<String, String> config, Class<?>... beans) {
        return TestContainers.start(kind(), config, beans);
    }

    @Test
    void oneSessionPerRequestClosedAtItsEnd() {
        try (Running running = start(SQLITE, User.class, Address.class, Accounts.class)) {
            Accounts accounts = running.select(Accounts.class);
            RequestContextController request = running.select(RequestContextController.class);

            request.activate();
            Session first = ContextualSession.current(accounts.session());
            User squidward = accounts.register("squidward", "Squidward Tentacles");
            assertThat(ContextualSession.current(accounts.session())).isSameAs(first);
            assertThat(first.contains(squidward)).isTrue();
            assertThat(first.isClosed()).isFalse();
            request.deactivate();

            assertThat(first.isClosed()).isTrue();
            assertThat(Orm.inspect(squidward).state()).isEqualTo(ObjectState.DETACHED);

            request.activate();
            Session second = ContextualSession.current(accounts.session());
            assertThat(second).isNotSameAs(first);
            // squidward was expired by its commit and detached at the request's end: its identity names its row.
            User loaded = accounts.session().get(User.class, Orm.inspect(squidward).identity());
            assertThat(loaded).isNotSameAs(squidward);
            assertThat(loaded.name()).isEqualTo("squidward");
            request.deactivate();
            assertThat(second.isClosed()).isTrue();
        }
    }

    @Test
    void theRequestsEndRollsBackWhatWasNotCommitted() {
        try (Running running = start(SQLITE, User.class, Address.class, Accounts.class)) {
            Session session = running.select(Accounts.class).session();
            RequestContextController request = running.select(RequestContextController.class);

            List<String> warnings = new CopyOnWriteArrayList<>();
            Handler handler = warningsInto(warnings);
            Logger logger = Logger.getLogger("io.retort.cdi");
            logger.addHandler(handler);
            try {
                request.activate();
                session.add(new User("patrick", "Patrick Star"));
                session.flush();
                assertThat(session.isInTransaction()).isTrue();
                request.deactivate();
                // Issue 20, case 3: flushed writes that the request's end rolls back are never lost silently.
                assertThat(warnings).containsExactly("The request ended while the Session @Default had flushed 1"
                        + " writing statement(s) that were never committed: they are rolled back. Call"
                        + " session.commit() before the request ends, or make the method @Transactional with"
                        + " retort-jta on the class path.");

                warnings.clear();
                request.activate();
                assertThat(session.execute(text("SELECT count(*) FROM seed_user_account")).scalar(Long.class))
                        .isZero();
                session.add(new User("sandy", "Sandy Cheeks"));
                session.commit();
                session.execute(text("SELECT count(*) FROM seed_user_account"));
                request.deactivate();
                assertThat(warnings).isEmpty(); // committed writes, then only a read
            } finally {
                logger.removeHandler(handler);
            }
        }
    }

    @Test
    void outsideAnyRequestTheSessionSaysWhatToAdd() {
        try (Running running = start(SQLITE, User.class, Address.class, Accounts.class)) {
            Session session = running.select(Accounts.class).session();
            assertThatThrownBy(() -> session.add(new User("sandy", null)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("outside any request")
                    .hasMessageContaining("add @Transactional")
                    .hasMessageContaining("activate a request context");
            assertThatThrownBy(() -> ContextualSession.current(session)).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void theContainerClosesTheSessionNotTheApplication() {
        try (Running running = start(SQLITE, User.class, Address.class, Accounts.class)) {
            Session session = running.select(Accounts.class).session();
            RequestContextController request = running.select(RequestContextController.class);
            request.activate();
            assertThatThrownBy(session::close).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("closes it when the request ends");
            assertThat(ContextualSession.isContextual(session)).isTrue();
            assertThat(session.toString()).isEqualTo("Session @Default (of the current request)");
            request.deactivate();
        }
    }

    @Test
    void oneEnginePerContainerWhosePoolClosesAtShutdown() {
        Engine engine;
        try (Running running = start(SQLITE, User.class, Address.class, Accounts.class)) {
            Engine proxy = running.select(Engine.class);
            engine = (Engine) ((WeldClientProxy) proxy).getMetadata().getContextualInstance();
            Engine again = (Engine) ((WeldClientProxy) running.select(Engine.class)).getMetadata()
                    .getContextualInstance();
            assertThat(again).isSameAs(engine);
            assertThat(running.select(SessionFactory.class).engine().url()).isEqualTo(engine.url());
            assertThat(engine.dialectName()).isEqualTo("sqlite");
            engine.connect().close();
        }
        assertThatThrownBy(engine::connect).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void environmentVariablesOverrideTheProperties() {
        Map<String, String> properties = Map.of("retort.url", "sqlite:///:memory:", "retort.pool.size", "3");
        try (Running running = TestContainers.start(kind(), properties,
                Map.of("RETORT_POOL_SIZE", "7", "RETORT_POOL_TIMEOUT", "PT5S"), Accounts.class)) {
            Engine engine = running.select(Engine.class);
            assertThat(engine.options().poolSize()).isEqualTo(7);
            assertThat(engine.options().poolTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
            assertThat(engine.poolStatus().poolSize()).isEqualTo(7);
        }
    }

    @Test
    void registryAndMetaDataListTheMappedClasses() {
        try (Running running = start(SQLITE, User.class, Address.class, Accounts.class)) {
            assertThat(running.select(Registry.class).mappedClasses()).containsExactlyInAnyOrder(User.class,
                    Address.class);
            assertThat(running.select(MetaData.class).tables()).extracting(t -> t.name())
                    .containsExactlyInAnyOrder("seed_user_account", "seed_address");
            // One registry per database: the SessionFactory's is the Registry bean, whose MetaData is the bean's.
            Registry registry = running.select(Registry.class);
            assertThat(running.select(io.retort.orm.SessionFactory.class).registry()).isSameAs(registry);
            assertThat(running.select(MetaData.class)).isSameAs(registry.metadata());
        }
    }

    @Test
    void packagesFindMappedClassesTheContainerDoesNotShow() {
        // As with bean-discovery-mode="annotated": no mapped class is given to the container.
        Map<String, String> config = Map.of("retort.url", "sqlite:///:memory:",
                "retort.packages", "io.retort.testing.model", "retort.schema-generation", "create");
        try (Running running = start(config, Accounts.class)) {
            assertThat(running.select(Registry.class).mappedClasses()).containsExactly(Address.class, User.class);
        }
    }

    @Test
    void onlyNamedDatabasesNeedNoDefaultOne() {
        Map<String, String> config = Map.of(
                "retort.\"reporting\".url", "sqlite:///:memory:",
                "retort.\"reporting\".packages", "io.retort.testing.reporting",
                "retort.\"reporting\".schema-generation", "create");
        try (Running running = start(config, Report.class, ReportingDesk.class)) {
            assertThat(running.container().select(Engine.class).isUnsatisfied()).isTrue();
            RequestContextController request = running.select(RequestContextController.class);
            request.activate();
            running.select(ReportingDesk.class).file("annual");
            assertThat(running.select(ReportingDesk.class).session().scalars(select(Report.class)).all()).hasSize(1);
            request.deactivate();
        }
    }

    @Test
    void namedDatabasesHaveTheirOwnEnginesSessionsAndClasses() {
        Map<String, String> config = Map.of(
                "retort.url", "sqlite:///:memory:",
                "retort.schema-generation", "create",
                "retort.\"reporting\".url", "h2:mem:cdi_reporting_" + kind(),
                "retort.\"reporting\".packages", "io.retort.testing.reporting",
                "retort.\"reporting\".schema-generation", "drop-and-create",
                "retort.\"reporting\".pool.size", "2");
        io.retort.cdi.beans.Audit.HEARD.clear();
        try (Running running = start(config, User.class, Address.class, Report.class, Accounts.class,
                ReportingDesk.class, io.retort.cdi.beans.Audit.ReportAudit.class,
                io.retort.cdi.beans.Audit.CommitAudit.class)) {
            ReportingDesk desk = running.select(ReportingDesk.class);
            Accounts accounts = running.select(Accounts.class);
            assertThat(desk.engine().dialectName()).isEqualTo("h2");
            assertThat(desk.engine().options().poolSize()).isEqualTo(2);
            assertThat(running.select(Engine.class).dialectName()).isEqualTo("sqlite");
            assertThat(running.select(Registry.class, Database.Literal.of("reporting")).mappedClasses())
                    .containsExactly(Report.class);
            assertThat(running.select(Registry.class).mappedClasses()).containsExactlyInAnyOrder(User.class,
                    Address.class);

            RequestContextController request = running.select(RequestContextController.class);
            request.activate();
            desk.file("quarterly");
            accounts.register("sandy", "Sandy Cheeks");
            assertThat(ContextualSession.current(desk.session()))
                    .isNotSameAs(ContextualSession.current(accounts.session()));
            assertThat(desk.session().scalars(select(Report.class)).all()).hasSize(1);
            assertThat(accounts.session().scalars(select(User.class)).all()).hasSize(1);
            assertThat(desk.session().toString()).isEqualTo("Session @Database(\"reporting\") (of the current request)");
            request.deactivate();
            // Listener beans join the sessions of the engine their qualifier names (issue 25's CDI events).
            assertThat(io.retort.cdi.beans.Audit.HEARD).containsExactly("reporting before_insert Report",
                    "default after_commit");
        }
    }

    @Test
    void aWriteCommittedOnOneDatabaseIsNotPendingOnAnother() {
        // Review of issue 23: the count of writes was one per thread for every engine, so the request's Session of
        // the default database, in a transaction with nothing written, reported the reporting database's committed
        // INSERT as its own uncommitted write.
        Map<String, String> config = Map.of(
                "retort.url", "sqlite:///:memory:",
                "retort.schema-generation", "create",
                "retort.\"reporting\".url", "sqlite:///:memory:",
                "retort.\"reporting\".packages", "io.retort.testing.reporting",
                "retort.\"reporting\".schema-generation", "create");
        try (Running running = start(config, User.class, Address.class, Report.class, Accounts.class,
                ReportingDesk.class)) {
            List<String> warnings = new CopyOnWriteArrayList<>();
            Handler handler = warningsInto(warnings);
            Logger logger = Logger.getLogger("io.retort.cdi");
            logger.addHandler(handler);
            try {
                RequestContextController request = running.select(RequestContextController.class);
                request.activate();
                Session session = running.select(Accounts.class).session();
                session.execute(text("SELECT count(*) FROM seed_user_account"));
                assertThat(session.isInTransaction()).isTrue();
                running.select(ReportingDesk.class).file("annual");
                request.deactivate();
                assertThat(warnings).isEmpty();
            } finally {
                logger.removeHandler(handler);
            }
        }
    }

    /** A log handler collecting the formatted WARNING messages. */
    private static Handler warningsInto(List<String> warnings) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
