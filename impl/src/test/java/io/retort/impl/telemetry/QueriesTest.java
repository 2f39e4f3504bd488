package io.retort.impl.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operation name and the sanitized text that spans carry. */
class QueriesTest {

    @Test
    void literalsBecomePlaceholdersAndIdentifiersStay() {
        assertThat(Queries.sanitize("SELECT t2.a FROM t2 WHERE name = 'it''s' AND id IN (1, 2.5, 3e4) AND x = ?",
                false)).isEqualTo("SELECT t2.a FROM t2 WHERE name = ? AND id IN (?, ?, ?) AND x = ?");
        assertThat(Queries.sanitize("SELECT \"col 1\", `c2` FROM \"t'x\" WHERE a = 'a\\'b'", true))
                .isEqualTo("SELECT \"col 1\", `c2` FROM \"t'x\" WHERE a = ?");
        // Where a backslash is no escape (PostgreSQL), 'C:\' ends at its quote and the next literal is hidden too.
        assertThat(Queries.sanitize("SELECT 'C:\\', 'secret'", false)).isEqualTo("SELECT ?, ?");
    }

    @Test
    void operationIsTheFirstKeyword() {
        assertThat(Queries.operation("  (select 1) union (select 2)")).isEqualTo("SELECT");
        assertThat(Queries.operation("WITH x AS (SELECT 1) SELECT * FROM x")).isEqualTo("WITH");
        assertThat(Queries.operation("?")).isEqualTo("SQL");
        // H2's INSERT ... RETURNING is a query of the insert's FINAL TABLE: its operation is the INSERT.
        assertThat(Queries.operation("SELECT id FROM FINAL TABLE (INSERT INTO t (a) VALUES (?))")).isEqualTo("INSERT");
    }
}
