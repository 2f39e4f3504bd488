package io.retort.testing;

import java.util.Locale;

/** The databases the behaviour suite runs on. */
public enum TestDatabase {
    /** SQLite, in memory. */
    SQLITE,
    /** H2, in memory. */
    H2,
    /** PostgreSQL: a server or an embedded one. */
    POSTGRESQL,
    /** MariaDB: a server. */
    MARIADB;

    /** The lower-case name shown in test names, e.g. {@code postgresql}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
