package io.retort.cdi.jta;

import io.retort.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Work that commits on its own, whatever the caller's transaction does. */
@ApplicationScoped
public class Audit {
    @Inject
    Session session;

    /** Writes an entry in a transaction of its own. */
    @Transactional(TxType.REQUIRES_NEW)
    public void record(String note) {
        session.add(new LedgerEntry(note));
    }
}
