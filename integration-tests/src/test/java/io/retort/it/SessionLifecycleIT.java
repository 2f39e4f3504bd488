package io.retort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.cdi.ContextualSession;
import io.retort.engine.Engine;
import io.retort.exception.ResourceClosedException;
import io.retort.it.model.Address;
import io.retort.it.model.User;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An archive with two mapped classes and a bean using {@code @Inject Session}, deployed in the Weld embedded
 * container. Arquillian runs each test method in a request of its own: the Session is the same within a request, a
 * new one in the next, and closed at the end of each; the container has one Engine, whose pool is closed when the
 * archive is undeployed ({@link AfterUndeployment}, which runs after Arquillian's own after-all step).
 *
 * <p>The archive's {@code beans.xml} is empty (annotated discovery), so the container never shows the mapped
 * classes to the extension: {@code retort.packages} names their package.
 */
@ExtendWith({SessionLifecycleIT.AfterUndeployment.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionLifecycleIT {
    private static Session firstRequest;
    private static Session secondRequest;
    private static Engine engine;
    private static User squidward;

    @Inject
    Accounts accounts;

    @Inject
    Session session;

    @Inject
    Engine injectedEngine;

    @Inject
    Registry registry;

    @Deployment
    static JavaArchive deployment() {
        return Deployments.archive(Map.of(
                "retort.url", "sqlite:///:memory:",
                "retort.packages", "io.retort.it.model",
                "retort.schema-generation", "create"), Accounts.class);
    }

    private static Engine contextualInstance(Engine proxy) {
        return (Engine) ((WeldClientProxy) proxy).getMetadata().getContextualInstance();
    }

    @Test
    @Order(1)
    void theSameSessionWithinOneRequest() {
        assertThat(registry.mappedClasses()).containsExactly(Address.class, User.class);
        firstRequest = ContextualSession.current(session);
        squidward = accounts.register("squidward", "Squidward Tentacles", "squidward@example.com");
        assertThat(ContextualSession.current(accounts.session())).isSameAs(firstRequest);
        assertThat(ContextualSession.current(session)).isSameAs(firstRequest);
        assertThat(firstRequest.contains(squidward)).isTrue();
        assertThat(firstRequest.isClosed()).isFalse();
        engine = contextualInstance(injectedEngine);
    }

    @Test
    @Order(2)
    void aNewSessionInTheNextRequestAndThePreviousOneClosed() {
        assertThat(firstRequest.isClosed()).isTrue();
        assertThat(Orm.inspect(squidward).state()).isEqualTo(ObjectState.DETACHED);
        secondRequest = ContextualSession.current(session);
        assertThat(secondRequest).isNotSameAs(firstRequest);
        // squidward was expired by its commit and detached when its request ended: its identity names its row.
        User loaded = session.get(User.class, io.retort.orm.Orm.inspect(squidward).identity());
        assertThat(loaded).isNotSameAs(squidward);
        assertThat(loaded.name()).isEqualTo("squidward");
    }

    @Test
    @Order(3)
    void oneEnginePerContainer() {
        assertThat(secondRequest.isClosed()).isTrue();
        assertThat(contextualInstance(injectedEngine)).isSameAs(engine);
        assertThat(contextualInstance(accounts.engine())).isSameAs(engine);
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    /** After Arquillian undeployed the archive (its after-all callback runs first): the engine's pool is closed. */
    static final class AfterUndeployment implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            assertThat(engine).as("the engine the tests saw").isNotNull();
            assertThatThrownBy(engine::connect).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("is closed");
        }
    }
}
