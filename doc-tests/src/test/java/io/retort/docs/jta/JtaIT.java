package io.retort.docs.jta;

import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.docs.Printed;
import io.retort.docs.orm.Address;
import io.retort.docs.orm.Club;
import io.retort.docs.orm.User;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.InvalidRequestException;
import io.retort.jta.JtaTransactionCoordinator;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import jakarta.transaction.TransactionManager;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/cdi-and-jta.md: sessions in Narayana transactions in Java SE. JTA runs on server databases and H2 (as in
 * jta-integration's tests), so these run on H2 and PostgreSQL.
 */
@OnlyOn({TestDatabase.H2, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class JtaIT {

    @DatabaseTest
    void sessionInAJtaTransaction(TestEngines engines, Printed printed) throws Exception {
        String url = engines.url();
        Registry.of(User.class, Address.class, Club.class).createAll(engines.engine());
        printed.clear();
        // tag::jta-engine[]
        JtaTransactionCoordinator jta = JtaTransactionCoordinator.narayana();   // or .of(transactionManager, registry)
        Engine engine = Engine.create(url, EngineOptions.builder().transactionCoordinator(jta).build());
        TransactionManager tm = jta.transactionManager();
        // end::jta-engine[]
        try {
            // tag::jta-session[]
            tm.begin();
            try (Session session = Session.open(engine)) {
                User sandy = new User("sandy", "Sandy Cheeks");
                session.add(sandy);                              // joins the transaction; flushed before it completes
                try {
                    session.commit();
                } catch (InvalidRequestException e) {
                    System.out.println("session.commit() inside JTA is an error");
                }
                tm.commit();                                     // the INSERT commits with the transaction
                System.out.println(Orm.inspect(sandy).state() + " " + session.scalars(select(User.class)).all());
            }
            // end::jta-session[]
            printed.assertShown("jta/JtaIT.java#jta-session");
            // tag::jta-rollback[]
            tm.begin();
            try (Session session = Session.open(engine)) {
                User gary = new User("gary", null);
                session.add(gary);
                session.flush();                                 // the INSERT ran, inside the transaction
                tm.rollback();
                System.out.println(Orm.inspect(gary).state() + " " + session.scalars(select(User.class)).all());
            }
            // end::jta-rollback[]
            printed.assertShown("jta/JtaIT.java#jta-rollback");
        } finally {
            if (tm.getTransaction() != null) {
                tm.rollback();
            }
            engine.close();
        }
        assertThat(printed.text()).isEmpty();
    }
}
