package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.IntegrityException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.Map;

/**
 * A COMMIT the database refuses (a deferred foreign key) leaves the transaction to the Connection: SQLite keeps it
 * open, and a Connection that forgot it would go back to the pool with its writes for the next user to commit.
 */
class FailedCommitIT {

    @DatabaseTest
    @OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
    void aRefusedCommitIsRolledBackWhenTheConnectionCloses(TestEngines engines) {
        // One pooled connection, so the next connect() gets the same one.
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(0).build());
        try {
            engine.begin(conn -> {
                conn.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"));
                conn.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id)"
                        + " DEFERRABLE INITIALLY DEFERRED)"));
            });
            try (Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, :p)"), Map.of("p", 99));
                assertThatThrownBy(conn::commit).isInstanceOf(IntegrityException.class);
                assertThat(conn.isInTransaction()).isTrue(); // still this Connection's to end
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT count(*) FROM child")).scalar(Long.class)).isZero();
                conn.execute(text("INSERT INTO parent (id) VALUES (1)"));
                conn.commit(); // a commit of its own work only: the refused child row is not in it
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT count(*) FROM child")).scalar(Long.class)).isZero();
            }
        } finally {
            engine.begin(conn -> {
                conn.execute(text("DROP TABLE IF EXISTS child"));
                conn.execute(text("DROP TABLE IF EXISTS parent"));
            });
        }
    }
}
