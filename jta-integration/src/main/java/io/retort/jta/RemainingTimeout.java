package io.retort.jta;

import jakarta.transaction.Transaction;

/**
 * How long a JTA transaction has left before its timeout. JTA has no standard way to ask, so this is the one place
 * that reads it from Narayana's own transaction class ({@code TransactionImple}, which is internal to Narayana).
 * Under another transaction manager, or a Narayana whose class is missing or changed, the time left is unknown
 * ({@code -1}): statements then run without a query timeout and the transaction manager's own timeout still rolls
 * the transaction back.
 */
final class RemainingTimeout {
    private static final String NARAYANA_TRANSACTION =
            "com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple";
    private static final boolean NARAYANA = narayanaPresent();

    private RemainingTimeout() {
    }

    /** The milliseconds {@code transaction} has left, or {@code -1} when it has no timeout or it is unknown. */
    static long millis(Transaction transaction) {
        if (!NARAYANA) {
            return -1;
        }
        return Narayana.millis(transaction);
    }

    private static boolean narayanaPresent() {
        try {
            Class.forName(NARAYANA_TRANSACTION, false, RemainingTimeout.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Touches Narayana's class only when it is present, so that this class loads without it. */
    private static final class Narayana {
        private Narayana() {
        }

        static long millis(Transaction transaction) {
            if (transaction instanceof com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple) {
                long remaining = ((com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple) transaction)
                        .getRemainingTimeoutMills();
                return remaining > 0 ? remaining : -1;
            }
            return -1;
        }
    }
}
