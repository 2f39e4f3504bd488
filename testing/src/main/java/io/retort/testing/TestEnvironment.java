package io.retort.testing;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The environment variables that steer Retort's tests, all named {@code TEST_RETORT_*}.
 *
 * <p>The names start outside {@code RETORT_}: MicroProfile Config reads every {@code RETORT_*} variable as a
 * {@code retort.*} key, so the former names ({@code RETORT_TEST_REQUIRE} and the like) reached each test container as
 * the unknown key {@code retort.test.require} and were logged as ignored. A former name that is still set fails the
 * test run with the new name to use, unless the new name is set to the same value (a shell that exports both while
 * branches move over).
 */
public final class TestEnvironment {
    /** Comma-separated databases whose absence fails the run, e.g. {@code postgresql,mariadb}. */
    public static final String REQUIRE = "TEST_RETORT_REQUIRE";
    /** The system property that overrides {@link #REQUIRE}. */
    public static final String REQUIRE_PROPERTY = "test.retort.require";
    /** The PostgreSQL server's Retort URL, e.g. {@code postgresql://postgres@127.0.0.1:5432/retort_test}. */
    public static final String POSTGRESQL_URL = "TEST_RETORT_POSTGRESQL_URL";
    /** The MariaDB server's Retort URL, e.g. {@code mariadb://root@127.0.0.1:3306/retort_test}. */
    public static final String MARIADB_URL = "TEST_RETORT_MARIADB_URL";
    /** The home of a JDK 21 or newer, for the runtimes that need one. */
    public static final String JDK21 = "TEST_RETORT_JDK21";
    /** {@code true} makes a missing JDK 21 a failure instead of a skip. */
    public static final String REQUIRE_JDK21 = "TEST_RETORT_REQUIRE_JDK21";

    private static final Map<String, String> FORMER = Map.of(
            "RETORT_TEST_REQUIRE", REQUIRE,
            "RETORT_TEST_POSTGRESQL_URL", POSTGRESQL_URL,
            "RETORT_TEST_MARIADB_URL", MARIADB_URL,
            "RETORT_TEST_JDK21", JDK21,
            "RETORT_TEST_REQUIRE_JDK21", REQUIRE_JDK21);

    private TestEnvironment() {
    }

    /**
     * The value of one of this class's variables, or null when it is unset or blank.
     *
     * @throws IllegalStateException when a former {@code RETORT_TEST_*} name is set: it names the variable to use
     */
    public static @Nullable String get(String name) {
        checkFormerNames();
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The value of one of this class's variables, or {@code fallback} when it is unset or blank. */
    public static String get(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    /**
     * Fails when a former {@code RETORT_TEST_*} variable is set (and the new one does not hold the same value).
     *
     * @throws IllegalStateException naming the former and the new variable
     */
    public static void checkFormerNames() {
        checkFormerNames(System.getenv());
    }

    static void checkFormerNames(Map<String, String> environment) {
        for (Map.Entry<String, String> former : FORMER.entrySet()) {
            String old = environment.get(former.getKey());
            if (old != null && !old.equals(environment.get(former.getValue()))) {
                throw new IllegalStateException(former.getKey() + " is set, but Retort's tests now read "
                        + former.getValue() + " (a RETORT_* variable reaches MicroProfile Config as an unknown"
                        + " retort.* key): export " + former.getValue() + "=" + old + " and unset "
                        + former.getKey());
            }
        }
        if (System.getProperty("retort.test.require") != null) {
            throw new IllegalStateException("The system property retort.test.require is set, but Retort's tests now"
                    + " read " + REQUIRE_PROPERTY + ": pass -D" + REQUIRE_PROPERTY + "="
                    + System.getProperty("retort.test.require") + " instead");
        }
    }
}
