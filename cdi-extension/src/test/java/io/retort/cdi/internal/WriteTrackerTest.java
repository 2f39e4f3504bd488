package io.retort.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which statements count as writes for the warning about flushed but uncommitted writes at a request's end: every
 * form Retort's dialects emit for INSERT, UPDATE, DELETE and upserts, H2's INSERT ... RETURNING included (a query of
 * the insert's FINAL TABLE, which starts with SELECT).
 */
class WriteTrackerTest {
    @Test
    void writesInEveryFormTheDialectsEmit() {
        assertThat(WriteTracker.isWrite("INSERT INTO t (a) VALUES (?)")).isTrue();
        assertThat(WriteTracker.isWrite("  insert into t (a) values (1)")).isTrue();
        assertThat(WriteTracker.isWrite("UPDATE t SET a = ? WHERE t.id = ?")).isTrue();
        assertThat(WriteTracker.isWrite("DELETE FROM t WHERE t.id = ?")).isTrue();
        assertThat(WriteTracker.isWrite("MERGE INTO t KEY (id) VALUES (?, ?)")).isTrue();
        assertThat(WriteTracker.isWrite("WITH w AS (SELECT 1) INSERT INTO t (a) SELECT * FROM w")).isTrue();
        assertThat(WriteTracker.isWrite("SELECT id FROM FINAL TABLE (INSERT INTO t (a) VALUES (?), (?))")).isTrue();
        assertThat(WriteTracker.isWrite("select id from final table (insert into t (a) values (?))")).isTrue();
    }

    @Test
    void readsAreNotWrites() {
        assertThat(WriteTracker.isWrite("SELECT t.id, t.inserted_at FROM t WHERE t.updated = ?")).isFalse();
        assertThat(WriteTracker.isWrite("WITH w AS (SELECT t.insert_date FROM t) SELECT * FROM w")).isFalse();
        assertThat(WriteTracker.isWrite("SELECT f.id FROM final_table f")).isFalse();
        assertThat(WriteTracker.isWrite("")).isFalse();
    }
}
