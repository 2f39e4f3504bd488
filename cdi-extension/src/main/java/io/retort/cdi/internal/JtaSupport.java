package io.retort.cdi.internal;

import io.retort.engine.EngineOptions;
import io.retort.exception.ConfigurationException;
import jakarta.enterprise.inject.Instance;

/**
 * Makes engines join JTA transactions when the application has JTA: {@code retort-jta} on the class path and a
 * {@code TransactionManager} and {@code TransactionSynchronizationRegistry} bean in the container (Narayana's CDI
 * extension provides both, with the {@code @Transactional} interceptors). Without a transaction manager engines stay
 * resource-local. A transaction manager without {@code retort-jta} fails the start: the Session would run its own
 * transactions beside the container's, and a {@code @Transactional} method's writes would be rolled back at the end of
 * the request while the method succeeded (issue 20, case 3).
 */
public final class JtaSupport {
    private JtaSupport() {
    }

    /** Whether a class is on the class path of this module. */
    static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, JtaSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The options with the JTA coordinator of the container's transaction manager, when the container has one; with
     * {@code xa}, XA connections registered with Narayana's recovery.
     *
     * @param description the database, for the message
     * @throws ConfigurationException if the container has a JTA transaction manager and {@code retort-jta} is missing
     */
    public static EngineOptions apply(EngineOptions options, boolean xa, Instance<Object> lookup, String description) {
        return apply(options, xa, lookup, description, JtaSupport::onClassPath);
    }

    /** {@link #apply}, with what is on the class path decided by {@code onClassPath} (a test hides retort-jta). */
    static EngineOptions apply(EngineOptions options, boolean xa, Instance<Object> lookup, String description,
            java.util.function.Predicate<String> onClassPath) {
        if (!onClassPath.test("jakarta.transaction.TransactionManager")) {
            return options;
        }
        if (onClassPath.test("io.retort.jta.JtaTransactionCoordinator")) {
            return Narayana.apply(options, xa, lookup);
        }
        if (lookup.select(jakarta.transaction.TransactionManager.class).isResolvable()) {
            throw new ConfigurationException("The container has a JTA TransactionManager, but the engine " + description
                    + " cannot join its transactions because the artifact io.retort:retort-jta is not on the class"
                    + " path: add the dependency io.retort:retort-jta (the same version as retort-cdi). Without it,"
                    + " writes in @Transactional methods would be rolled back when the request ends.");
        }
        return options;
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
