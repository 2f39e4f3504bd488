package io.retort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.cdi.ContextualSession;
import io.retort.engine.Engine;
import io.retort.exception.ResourceClosedException;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.model.Address;
import io.retort.testing.model.User;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An archive with two mapped classes and a bean using {@code @Inject Session}, deployed in the Weld embedded
 * container. The Session is the same within a request, a new one in the next, and closed at the end of each; the
 * container has one Engine, whose pool is closed when the archive is undeployed ({@link AfterUndeployment}, which
 * runs after Arquillian's own after-all step).
 *
 * <p>Each test stands alone, in any order: a test that needs two requests runs them itself, each on a thread of its
 * own with a request context activated there ({@link #inRequest}), instead of relying on Arquillian's request per
 * test method and on fields that an earlier test filled.
 *
 * <p>The archive's {@code beans.xml} is empty (annotated discovery), so the container never shows the mapped
 * classes to the extension: {@code retort.packages} names their package.
 */
@ExtendWith({SessionLifecycleIT.AfterUndeployment.class, ArquillianExtension.class})
class SessionLifecycleIT {
    /** The engine the tests saw, for the check after undeployment (the only state kept past a test). */
    private static final AtomicReference<Engine> ENGINE = new AtomicReference<>();

    @Inject
    Accounts accounts;

    @Inject
    Session session;

    @Inject
    Engine injectedEngine;

    @Inject
    Registry registry;

    @Inject
    Instance<RequestContextController> requestContexts;

    @Deployment
    static JavaArchive deployment() {
        return Deployments.archive(Map.of(
                "retort.url", "sqlite:///:memory:",
                "retort.packages", "io.retort.testing.model",
                "retort.schema-generation", "create"), Accounts.class);
    }

    private static Engine contextualInstance(Engine proxy) {
        return (Engine) ((WeldClientProxy) proxy).getMetadata().getContextualInstance();
    }

    /** Runs {@code work} in a request of its own, on a new thread, and ends that request before returning. */
    private <T> T inRequest(Callable<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(() -> {
                RequestContextController controller = requestContexts.get();
                assertThat(controller.activate()).as("a new request context").isTrue();
                try {
                    return work.call();
                } finally {
                    controller.deactivate();
                }
            }).get(1, TimeUnit.MINUTES);
        } finally {
            thread.shutdownNow();
        }
    }

    /** What one request saw: its Session and the user it registered or loaded. */
    private record Seen(Session session, User user) {
    }

    @Test
    void theMappedClassesComeFromTheConfiguredPackage() {
        assertThat(registry.mappedClasses()).containsExactly(Address.class, User.class);
    }

    @Test
    void theSameSessionWithinOneRequestAndANewOneInTheNext() throws Exception {
        Session mine = ContextualSession.current(session);
        Seen first = inRequest(() -> {
            Session current = ContextualSession.current(session);
            User squidward = accounts.register("squidward", "Squidward Tentacles", "squidward@example.com");
            assertThat(ContextualSession.current(accounts.session())).isSameAs(current);
            assertThat(ContextualSession.current(session)).isSameAs(current);
            assertThat(current.contains(squidward)).isTrue();
            assertThat(current.isClosed()).isFalse();
            return new Seen(current, squidward);
        });
        assertThat(first.session()).isNotSameAs(mine);
        assertThat(first.session().isClosed()).as("the first request's Session after the request").isTrue();
        assertThat(Orm.inspect(first.user()).state()).isEqualTo(ObjectState.DETACHED);

        Seen second = inRequest(() -> {
            Session current = ContextualSession.current(session);
            // squidward was expired by its commit and detached when its request ended: its identity names its row.
            User loaded = session.get(User.class, Orm.inspect(first.user()).identity());
            assertThat(current.isClosed()).isFalse();
            return new Seen(current, loaded);
        });
        assertThat(second.session()).isNotSameAs(first.session()).isNotSameAs(mine);
        assertThat(second.session().isClosed()).as("the second request's Session after the request").isTrue();
        assertThat(second.user()).isNotSameAs(first.user());
        assertThat(second.user().name()).isEqualTo("squidward");
        assertThat(mine.isClosed()).as("this test's own request is still active").isFalse();
    }

    @Test
    void oneEnginePerContainer() throws Exception {
        Engine engine = contextualInstance(injectedEngine);
        ENGINE.set(engine);
        assertThat(contextualInstance(accounts.engine())).isSameAs(engine);
        Engine inAnotherRequest = inRequest(() -> {
            accounts.session().execute(io.retort.sql.Sql.text("SELECT 1"));
            return contextualInstance(accounts.engine());
        });
        assertThat(inAnotherRequest).isSameAs(engine);
        assertThat(engine.poolStatus().checkedOut()).as("connections after the other request ended").isZero();
    }

    /** After Arquillian undeployed the archive (its after-all callback runs first): the engine's pool is closed. */
    static final class AfterUndeployment implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            Engine engine = ENGINE.get();
            assertThat(engine).as("the engine oneEnginePerContainer saw").isNotNull();
            assertThatThrownBy(engine::connect).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("is closed");
        }
    }
}
