/**
 * Test support: {@link io.retort.testing.DatabaseTest} runs a test once per database with a real
 * {@link io.retort.engine.Engine}.
 */
module io.retort.testing {
    requires transitive java.transaction.xa;
    requires transitive io.retort;
    requires transitive org.junit.jupiter.api;
    requires static org.jspecify;
    requires java.sql;
    requires embedded.postgres;

    exports io.retort.testing;
}
