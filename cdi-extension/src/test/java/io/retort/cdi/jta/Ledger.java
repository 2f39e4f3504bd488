package io.retort.cdi.jta;

import io.retort.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Container-managed transactions around the injected Session. */
@ApplicationScoped
public class Ledger {
    @Inject
    Session session;

    @Inject
    Audit audit;

    /** Writes an entry, runs {@code during} with it flushed, and returns it; committed when the method returns. */
    @Transactional
    public LedgerEntry write(String note, Runnable during) {
        LedgerEntry entry = new LedgerEntry(note);
        session.add(entry);
        session.flush();
        during.run();
        return entry;
    }

    /** Writes an entry, then fails: the transaction rolls back. */
    @Transactional
    public void writeAndFail(LedgerEntry entry) {
        session.add(entry);
        session.flush();
        throw new IllegalArgumentException("refused");
    }

    /** Writes an entry, has the audit write one in its own transaction, then fails. */
    @Transactional
    public void writeAuditedAndFail(String note) {
        session.add(new LedgerEntry(note));
        audit.record("audit of " + note);
        throw new IllegalStateException("outer fails");
    }

    /** An exception that does not roll back. */
    @Transactional(dontRollbackOn = IllegalStateException.class)
    public void writeAndFailWithoutRollback(String note) {
        session.add(new LedgerEntry(note));
        throw new IllegalStateException("kept");
    }

    /** A checked exception named in rollbackOn rolls back. */
    @Transactional(rollbackOn = Exception.class)
    public void writeAndFailChecked(String note) throws Exception {
        session.add(new LedgerEntry(note));
        throw new Exception("checked");
    }

    /** Calls session.commit() inside the transaction. */
    @Transactional
    public void commitInside() {
        session.add(new LedgerEntry("inside"));
        session.commit();
    }

    /** Needs a transaction already. */
    @Transactional(TxType.MANDATORY)
    public void mandatory() {
        session.add(new LedgerEntry("mandatory"));
    }

    /** Must not run in a transaction. */
    @Transactional(TxType.NEVER)
    public void never() {
    }

    /** Runs outside any transaction, even when called in one. */
    @Transactional(TxType.NOT_SUPPORTED)
    public long countOutside() {
        return session.scalars(io.retort.orm.Orm.select(LedgerEntry.class)).all().size();
    }

    /** Runs in the caller's transaction if there is one. */
    @Transactional(TxType.SUPPORTS)
    public void supports(String note) {
        session.add(new LedgerEntry(note));
    }

    /** Reads an entry without a transaction (outside a request this has no Session). */
    public LedgerEntry find(int id) {
        return session.get(LedgerEntry.class, id);
    }
}
