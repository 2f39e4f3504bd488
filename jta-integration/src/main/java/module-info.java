/**
 * Retort's JTA integration: {@link io.retort.jta.JtaTransactionCoordinator} makes sessions and connections of an
 * engine join the current JTA transaction (Narayana), and Agroal enlist the pool's connections in it, with XA for a
 * two-phase commit across databases. Usable in Java SE and in a CDI container.
 */
module io.retort.jta {
    requires transitive io.retort;
    requires transitive jakarta.transaction;
    requires io.agroal.api;
    requires io.agroal.narayana;
    requires narayana.jta;
    requires jboss.transaction.spi;
    requires static org.jspecify;

    exports io.retort.jta;
}
