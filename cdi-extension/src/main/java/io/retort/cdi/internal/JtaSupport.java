package io.retort.cdi.internal;

import io.retort.engine.EngineOptions;
import jakarta.enterprise.inject.Instance;

/**
 * Makes engines join JTA transactions when the application has JTA: {@code retort-jta} on the class path and a
 * {@code TransactionManager} and {@code TransactionSynchronizationRegistry} bean in the container (Narayana's CDI
 * extension provides both, with the {@code @Transactional} interceptors). Without them engines stay resource-local.
 */
public final class JtaSupport {
    private JtaSupport() {
    }

    /** Whether the JTA classes Retort needs are on the class path. */
    static boolean onClassPath() {
        try {
            ClassLoader loader = JtaSupport.class.getClassLoader();
            Class.forName("jakarta.transaction.TransactionManager", false, loader);
            Class.forName("io.retort.jta.JtaTransactionCoordinator", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The options with the JTA coordinator of the container's transaction manager, when the container has one; with
     * {@code xa}, XA connections registered with Narayana's recovery.
     */
    public static EngineOptions apply(EngineOptions options, boolean xa, Instance<Object> lookup) {
        return onClassPath() ? Narayana.apply(options, xa, lookup) : options;
    }

    /** The part that names JTA types, loaded only when they are on the class path. */
    private static final class Narayana {
        /** One recovery registry for the application's XA pools; the container runs the recovery manager. */
        private static final io.retort.jta.NarayanaRecovery RECOVERY = new io.retort.jta.NarayanaRecovery();

        static EngineOptions apply(EngineOptions options, boolean xa, Instance<Object> lookup) {
            Instance<jakarta.transaction.TransactionManager> managers =
                    lookup.select(jakarta.transaction.TransactionManager.class);
            Instance<jakarta.transaction.TransactionSynchronizationRegistry> registries =
                    lookup.select(jakarta.transaction.TransactionSynchronizationRegistry.class);
            if (!managers.isResolvable() || !registries.isResolvable()) {
                return options;
            }
            io.retort.jta.JtaTransactionCoordinator coordinator = io.retort.jta.JtaTransactionCoordinator.of(
                    managers.get(), registries.get());
            return options.toBuilder().transactionCoordinator(xa ? coordinator.withXa(RECOVERY) : coordinator)
                    .build();
        }
    }
}
