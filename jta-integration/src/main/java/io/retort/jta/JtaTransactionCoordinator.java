package io.retort.jta;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import io.agroal.narayana.NarayanaTransactionIntegration;
import io.retort.exception.InvalidRequestException;
import io.retort.spi.PoolIntegration;
import io.retort.spi.TransactionCoordinator;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TransactionCoordinator} that reports the JTA transaction of the calling thread, so that sessions join it
 * (flushing in {@code beforeCompletion}, settling their objects in {@code afterCompletion}) and connections taken in
 * it are enlisted by Agroal's Narayana integration. A statement run in a transaction with a timeout gets the time
 * the transaction has left as its query timeout.
 *
 * <p>With {@link #xa()} the engine's connections come from the driver's {@code XADataSource}, so two engines on two
 * databases commit or roll back together (two-phase commit); their XA resources are registered with Narayana's
 * recovery manager ({@link NarayanaRecovery}), which completes transactions left in doubt by a crash.
 *
 * <p>Immutable and thread-safe; one coordinator may serve several engines, but each engine needs its own
 * {@link #poolIntegration()}, which this class makes anew on each call.
 */
public final class JtaTransactionCoordinator implements TransactionCoordinator {
    private final TransactionManager transactionManager;
    private final TransactionSynchronizationRegistry registry;
    private final boolean xa;
    private final @Nullable NarayanaRecovery recovery;

    private JtaTransactionCoordinator(TransactionManager transactionManager,
            TransactionSynchronizationRegistry registry, boolean xa, @Nullable NarayanaRecovery recovery) {
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.xa = xa;
        this.recovery = recovery;
    }

    /** A coordinator over a transaction manager and its synchronization registry (from the container, say). */
    public static JtaTransactionCoordinator of(TransactionManager transactionManager,
            TransactionSynchronizationRegistry registry) {
        return new JtaTransactionCoordinator(transactionManager, registry, false, null);
    }

    /** A coordinator over Narayana's transaction manager in Java SE. */
    public static JtaTransactionCoordinator narayana() {
        return of(com.arjuna.ats.jta.TransactionManager.transactionManager(),
                new TransactionSynchronizationRegistryImple());
    }

    /**
     * This coordinator with XA connections, for two-phase commit across databases; their resources are registered
     * for recovery with {@code recovery}.
     */
    public JtaTransactionCoordinator withXa(NarayanaRecovery recovery) {
        return new JtaTransactionCoordinator(transactionManager, registry, true, Objects.requireNonNull(recovery,
                "recovery"));
    }

    /** The transaction manager. */
    public TransactionManager transactionManager() {
        return transactionManager;
    }

    @Override
    public @Nullable ExternalTransaction currentTransaction() {
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            return null;
        }
        if (status != Status.STATUS_ACTIVE && status != Status.STATUS_MARKED_ROLLBACK) {
            throw new InvalidRequestException("The JTA transaction of this thread is " + statusName(status)
                    + ", so no work can join it; begin a new transaction");
        }
        Transaction transaction;
        try {
            transaction = transactionManager.getTransaction();
        } catch (SystemException e) {
            throw new InvalidRequestException("Could not read the current JTA transaction: " + e.getMessage(), e);
        }
        return new Joined(registry, transaction);
    }

    /**
     * {@inheritDoc}
     *
     * <p>An XA pool made this way has no database to be named after: its resources are registered for recovery as
     * {@code retort-xa:unnamed}. Engines call {@link #poolIntegration(String)}.
     */
    @Override
    public PoolIntegration poolIntegration() {
        return poolIntegration("unnamed");
    }

    /**
     * Agroal's Narayana integration; with XA, its resources are registered for recovery as
     * {@code retort-xa:<databaseName>}, a name that stays the same whatever order engines are created in.
     */
    @Override
    public PoolIntegration poolIntegration(String databaseName) {
        if (!xa || recovery == null) {
            return PoolIntegration.of(new NarayanaTransactionIntegration(transactionManager, registry));
        }
        return PoolIntegration.of(new NarayanaTransactionIntegration(transactionManager, registry,
                "retort-xa:" + databaseName, false, recovery.registry()));
    }

    @Override
    public boolean xa() {
        return xa;
    }

    @Override
    public String toString() {
        return "jta" + (xa ? "+xa" : "");
    }

    private static String statusName(int status) {
        switch (status) {
            case Status.STATUS_COMMITTED:
                return "committed";
            case Status.STATUS_COMMITTING:
                return "committing";
            case Status.STATUS_PREPARED:
            case Status.STATUS_PREPARING:
                return "preparing to commit";
            case Status.STATUS_ROLLEDBACK:
                return "rolled back";
            case Status.STATUS_ROLLING_BACK:
                return "rolling back";
            default:
                return "in state " + status;
        }
    }

    /** The current JTA transaction, as the SPI sees it. */
    private static final class Joined implements ExternalTransaction {
        private final TransactionSynchronizationRegistry registry;
        private final @Nullable Transaction transaction;

        Joined(TransactionSynchronizationRegistry registry, @Nullable Transaction transaction) {
            this.registry = registry;
            this.transaction = transaction;
        }

        @Override
        public void registerSynchronization(Synchronization synchronization) {
            registry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                    synchronization.beforeCompletion();
                }

                @Override
                public void afterCompletion(int status) {
                    synchronization.afterCompletion(status == Status.STATUS_COMMITTED);
                }
            });
        }

        @Override
        public void setRollbackOnly() {
            registry.setRollbackOnly();
        }

        @Override
        public @Nullable Object getResource(Object key) {
            return registry.getResource(key);
        }

        @Override
        public void putResource(Object key, Object value) {
            registry.putResource(key, value);
        }

        @Override
        public long remainingTimeoutMillis() {
            return transaction == null ? -1 : RemainingTimeout.millis(transaction);
        }
    }
}
