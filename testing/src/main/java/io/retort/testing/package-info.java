/**
 * JUnit 5 support for running one behaviour suite on every database Retort supports.
 *
 * <pre>{@code
 * class ConnectionTest {
 *     @DatabaseTest
 *     void commitAsYouGo(Engine engine) { ... }           // runs as [sqlite], [h2], [postgresql], [mariadb]
 *
 *     @DatabaseTest
 *     @OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
 *     void preping(TestEngines engines) { ... }
 * }
 * }</pre>
 *
 * <p>Where the databases come from: SQLite and H2 in memory, a fresh database for each test. PostgreSQL from
 * {@code TEST_RETORT_POSTGRESQL_URL}, else the server on 127.0.0.1:5432 if one answers, else an embedded PostgreSQL
 * started from Maven artifacts. MariaDB from {@code TEST_RETORT_MARIADB_URL}, else 127.0.0.1:3306 if it answers,
 * else its tests are skipped with the reason printed. Naming a database in {@code TEST_RETORT_REQUIRE} (comma
 * separated, e.g. {@code postgresql,mariadb}) makes its absence a test failure instead: CI sets it.
 *
 * <p>Server databases are emptied before each test; every engine a test gets is closed after it, and a test that
 * leaves connections checked out fails.
 */
@NullMarked
package io.retort.testing;

import org.jspecify.annotations.NullMarked;
