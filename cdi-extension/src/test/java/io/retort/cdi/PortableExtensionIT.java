package io.retort.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.cdi.TestContainers.Kind;
import io.retort.cdi.TestContainers.Running;
import io.retort.cdi.beans.Accounts;
import io.retort.engine.Engine;
import io.retort.orm.Session;
import io.retort.testing.model.Address;
import io.retort.testing.model.User;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Any;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The beans' contract with the portable extension. */
class PortableExtensionIT extends BeanContractTests {
    @Override
    Kind kind() {
        return Kind.PORTABLE;
    }

    /** With both extensions registered (Weld finds both on the class path), the beans are made once. */
    @Test
    void theBuildCompatibleExtensionStandsAsideWhenThePortableOneRuns() {
        try (Running running = TestContainers.startWithBoth(Map.of("retort.url", "sqlite:///:memory:",
                "retort.schema-generation", "create"), User.class, Address.class, Accounts.class)) {
            assertThat(running.container().select(Session.class).isResolvable()).isTrue();
            assertThat(running.container().select(Engine.class).isResolvable()).isTrue();
            RequestContextController request = running.select(RequestContextController.class);
            request.activate();
            assertThat(running.select(Accounts.class).register("gary", "Gary the Snail").id()).isEqualTo(1);
            request.deactivate();
        }
    }

    /** CDI Lite cannot veto a type; the portable extension vetoes mapped classes, as EE does for JPA entities. */
    @Test
    void mappedClassesAreNotBeans() {
        try (Running running = TestContainers.start(kind(), Map.of("retort.url", "sqlite:///:memory:"), User.class,
                Address.class, Accounts.class)) {
            assertThat(running.container().select(User.class, Any.Literal.INSTANCE).isUnsatisfied()).isTrue();
        }
    }
}
