package io.retort.testing;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An XA resource that votes to roll back in the prepare phase: enlist it in a JTA transaction
 * ({@code transactionManager.getTransaction().enlistResource(new FailingXaResource())}) to see a two-phase commit
 * roll every other resource back.
 */
public final class FailingXaResource implements XAResource {

    /** A resource that fails at prepare. */
    public FailingXaResource() {
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        throw new XAException(XAException.XA_RBROLLBACK);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }
}
