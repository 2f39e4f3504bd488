package io.retort.spi;

import org.jspecify.annotations.Nullable;

/**
 * Tells sessions and connections whether a transaction they do not own is active, as Agroal's
 * {@code TransactionIntegration} does for its pool. The default, {@link #resourceLocal()}, never reports one, so
 * every session and connection runs its own JDBC transaction; {@code retort-jta} provides one that reports the
 * current JTA transaction. Set it with {@link io.retort.engine.EngineOptions.Builder#transactionCoordinator}.
 *
 * <p>Implementations are thread-safe.
 */
public interface TransactionCoordinator {

    /** The coordinator that never reports an external transaction. */
    static TransactionCoordinator resourceLocal() {
        return ResourceLocal.INSTANCE;
    }

    /** The external transaction active on the calling thread, or {@code null} when there is none. */
    @Nullable ExternalTransaction currentTransaction();

    /**
     * What the engine's connection pool uses to enlist its connections in external transactions: for Agroal, a
     * {@link PoolIntegration} of an {@code io.agroal.api.transaction.TransactionIntegration} ({@code retort-jta}
     * gives Agroal's Narayana integration). {@code null}, the default, leaves the pool's connections out of external
     * transactions.
     */
    default @Nullable PoolIntegration poolIntegration() {
        return null;
    }

    /**
     * {@link #poolIntegration()} for the pool of one database, named by {@code databaseName} (the engine's URL
     * without its password): an XA pool's resources are registered for recovery under a name that must not change
     * with the order in which engines are created. By default, {@link #poolIntegration()}.
     */
    default @Nullable PoolIntegration poolIntegration(String databaseName) {
        return poolIntegration();
    }

    /**
     * Whether the engine's connections come from the driver's {@code XADataSource}, so that several databases can
     * take part in one transaction with two-phase commit. False by default.
     */
    default boolean xa() {
        return false;
    }

    /** The resource-local coordinator. */
    enum ResourceLocal implements TransactionCoordinator {
        /** The one instance. */
        INSTANCE;

        @Override
        public @Nullable ExternalTransaction currentTransaction() {
            return null;
        }

        @Override
        public String toString() {
            return "resource-local";
        }
    }

    /**
     * A transaction owned by someone else (a JTA transaction manager): work done on connections of the engine while
     * it is active is part of it, and it commits or rolls back on its own.
     */
    interface ExternalTransaction {

        /** Registers callbacks run when the transaction completes; see {@link Synchronization}. */
        void registerSynchronization(Synchronization synchronization);

        /** Marks the transaction so that it can only roll back. */
        void setRollbackOnly();

        /** A value bound to the transaction under {@code key}, or {@code null}. */
        @Nullable Object getResource(Object key);

        /** Binds a value to the transaction under {@code key}, for as long as it lasts. */
        void putResource(Object key, Object value);

        /**
         * How long the transaction has left before its timeout rolls it back, in milliseconds; statements run in it
         * get a query timeout of that much, so the database cancels one that would run past it. {@code -1} when
         * there is no timeout or it is unknown.
         */
        default long remainingTimeoutMillis() {
            return -1;
        }
    }

    /** Callbacks around the completion of an external transaction (JTA's interposed synchronization). */
    interface Synchronization {

        /**
         * Runs before the transaction commits, while its connections can still be used; an exception thrown here
         * makes it roll back.
         */
        void beforeCompletion();

        /** Runs after the transaction committed ({@code committed} true) or rolled back. */
        void afterCompletion(boolean committed);
    }
}
