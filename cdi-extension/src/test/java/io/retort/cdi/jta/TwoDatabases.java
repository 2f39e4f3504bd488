package io.retort.cdi.jta;

import io.retort.cdi.Database;
import io.retort.cdi.jta.maria.XaMariaNote;
import io.retort.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

/** Writes to PostgreSQL and MariaDB in one container-managed transaction. */
@ApplicationScoped
public class TwoDatabases {
    @Inject
    Session postgres;

    @Inject
    @Database("maria")
    Session maria;

    @Inject
    TransactionManager transactions;

    /** One row in each database; with {@code failAtPrepare} a third resource votes to roll back. */
    @Transactional
    public void write(int id, boolean failAtPrepare) throws Exception {
        postgres.add(new XaNote(id, "pg " + id));
        maria.add(new XaMariaNote(id, "maria " + id));
        if (failAtPrepare) {
            enlistFailing();
        }
    }

    /** One row in each database, then an exception. */
    @Transactional
    public void writeAndFail(int id) {
        postgres.add(new XaNote(id, "pg " + id));
        maria.add(new XaMariaNote(id, "maria " + id));
        throw new IllegalStateException("fails after writing both");
    }

    private void enlistFailing() throws SystemException, jakarta.transaction.RollbackException {
        transactions.getTransaction().enlistResource(new io.retort.testing.FailingXaResource());
    }
}
