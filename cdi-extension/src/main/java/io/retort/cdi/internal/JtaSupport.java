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

    /** The options with the JTA coordinator of the container's transaction manager, when the container has one. */
    public static EngineOptions apply(EngineOptions options, Instance<Object> lookup) {
        return onClassPath() ? Narayana.apply(options, lookup) : options;
    }

    /** The part that names JTA types, loaded only when they are on the class path. */
    private static final class Narayana {
        static EngineOptions apply(EngineOptions options, Instance<Object> lookup) {
            Instance<jakarta.transaction.TransactionManager> managers =
                    lookup.select(jakarta.transaction.TransactionManager.class);
            Instance<jakarta.transaction.TransactionSynchronizationRegistry> registries =
                    lookup.select(jakarta.transaction.TransactionSynchronizationRegistry.class);
            if (!managers.isResolvable() || !registries.isResolvable()) {
                return options;
            }
            return options.toBuilder().transactionCoordinator(io.retort.jta.JtaTransactionCoordinator.of(
                    managers.get(), registries.get())).build();
        }
    }
}
