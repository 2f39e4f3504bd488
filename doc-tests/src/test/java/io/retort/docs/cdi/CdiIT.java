package io.retort.docs.cdi;

import io.retort.cdi.RetortExtension;
import io.retort.docs.Printed;
import io.retort.docs.orm.User;
import io.retort.exception.InvalidRequestException;
import io.retort.orm.Orm;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/cdi-and-jta.md: {@code @Inject Session} in Weld SE, configured by system properties (MicroProfile Config reads
 * them first). The container's request context is driven by hand, as a web request would drive it.
 */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class CdiIT {

    @DatabaseTest
    void injectedSession(TestEngines engines, Printed printed) {
        Map<String, String> config = Map.of("retort.url", engines.url(), "retort.packages", "io.retort.docs.orm",
                "retort.schema-generation", "drop-and-create");
        config.forEach(System::setProperty);
        try (WeldContainer container = new Weld("docs-cdi").disableDiscovery()
                .property("org.jboss.weld.se.shutdownHook", false)
                .addExtension(new RetortExtension()).addBeanClasses(Accounts.class).initialize()) {
            Accounts accounts = container.select(Accounts.class).get();
            RequestContextController request = container.select(RequestContextController.class).get();
            printed.clear();
            // tag::request[]
            request.activate();                       // what the container does for each web request
            User sandy = accounts.register("sandy");
            System.out.println(accounts.count() + " " + Orm.inspect(sandy).state());
            request.deactivate();                     // the request's Session is closed
            System.out.println(Orm.inspect(sandy).state());
            // end::request[]
            printed.assertShown("cdi/CdiIT.java#request");
            // tag::outside-request[]
            try {
                accounts.count();
            } catch (InvalidRequestException e) {
                System.out.println(e.getMessage());
            }
            // end::outside-request[]
            printed.assertShown("cdi/CdiIT.java#outside-request");
        } finally {
            config.keySet().forEach(System::clearProperty);
        }
    }
}
