package io.retort.docs.cdi;

import io.retort.docs.orm.Club;
import io.retort.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The CDI page's container-managed transactions. */
// tag::clubs[]
@ApplicationScoped
public class Clubs {
    @Inject Session session;

    @Transactional                                   // REQUIRED: flushed and committed when the method returns
    public void found(String name) {
        session.add(new Club(name));
    }

    @Transactional                                   // a runtime exception rolls the transaction back
    public void foundAndFail(String name) {
        session.add(new Club(name));
        throw new IllegalStateException("no more clubs");
    }

    @Transactional(TxType.REQUIRES_NEW)              // a transaction, a connection and a Session of its own
    public void foundSeparately(String name) {
        session.add(new Club(name));
    }
}
// end::clubs[]
