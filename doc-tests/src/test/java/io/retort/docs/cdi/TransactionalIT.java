package io.retort.docs.cdi;

import static io.retort.sql.Sql.text;

import io.retort.cdi.RetortExtension;
import io.retort.docs.Printed;
import io.retort.engine.Engine;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/cdi-and-jta.md: {@code @Transactional} methods with {@code @Inject Session} in Weld SE with Narayana's CDI
 * extension, on H2 and PostgreSQL (JTA's databases in cdi-extension's tests). No request context is active: the
 * transaction's own Session is used.
 */
@OnlyOn({TestDatabase.H2, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class TransactionalIT {

    @DatabaseTest
    void containerManagedTransactions(TestEngines engines, Printed printed) {
        Map<String, String> config = Map.of("retort.url", engines.url(), "retort.packages", "io.retort.docs.orm",
                "retort.schema-generation", "drop-and-create");
        config.forEach(System::setProperty);
        try (WeldContainer container = new Weld("docs-jta").disableDiscovery()
                .property("org.jboss.weld.se.shutdownHook", false)
                .addExtension(new RetortExtension())
                .addExtension(new com.arjuna.ats.jta.cdi.TransactionExtension())
                .addBeanClasses(Clubs.class).initialize()) {
            Clubs clubs = container.select(Clubs.class).get();
            Engine engine = engines.engine();
            printed.clear();
            // tag::transactional[]
            clubs.found("karate");
            try {
                clubs.foundAndFail("jellyfishing");
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage());
            }
            clubs.foundSeparately("bubbles");
            List<String> names = engine.inTransaction(conn -> conn.execute(text("SELECT name FROM club ORDER BY id"))
                    .scalars(String.class).all());
            System.out.println(names);
            // end::transactional[]
            printed.assertShown("cdi/TransactionalIT.java#transactional");
        } finally {
            config.keySet().forEach(System::clearProperty);
        }
    }
}
