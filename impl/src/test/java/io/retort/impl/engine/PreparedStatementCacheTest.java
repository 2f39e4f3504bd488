package io.retort.impl.engine;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.Result;
import io.retort.exception.ConfigurationException;
import io.retort.exception.DatabaseException;
import io.retort.exception.InvalidArgumentException;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prepared statements kept per JDBC connection ({@code statementCacheSize}), on SQLite, whose driver parses at
 * every {@code prepareStatement}; and none where the driver caches them itself (H2).
 */
class PreparedStatementCacheTest {

    @Test
    void aStatementRunAgainOnTheSameConnectionReusesItsPreparedStatement() {
        try (Engine created = Engine.create("sqlite://")) {
            DefaultEngine engine = (DefaultEngine) created;
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
                assertThat(engine.keptStatements()).isEqualTo(1);
                assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
                assertThat(engine.keptStatements()).isEqualTo(1);
            }
            try (Connection conn = engine.connect()) { // the pooled connection again: its statement is still kept
                assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
                assertThat(engine.keptStatements()).isEqualTo(1);
            }
        }
    }

    @Test
    void twoOpenResultsOfTheSameSqlDoNotShareAStatement() {
        try (Engine engine = Engine.create("sqlite://")) {
            engine.begin(conn -> conn.execute(text("CREATE TABLE n (id int)")));
            engine.begin(conn -> conn.execute(text("INSERT INTO n (id) VALUES (:id)"),
                    List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3))));
            try (Connection conn = engine.connect()) {
                Result first = conn.execute(text("SELECT id FROM n ORDER BY id"));
                Iterator<io.retort.engine.Row> rows = first.iterator();
                assertThat(rows.next().get(0)).isEqualTo(1);
                List<Object> second = new ArrayList<>();
                conn.execute(text("SELECT id FROM n ORDER BY id")).forEach(row -> second.add(row.get(0)));
                assertThat(second).containsExactly(1, 2, 3);
                assertThat(rows.next().get(0)).isEqualTo(2);
                assertThat(rows.next().get(0)).isEqualTo(3);
                assertThat(rows.hasNext()).isFalse();
            }
        }
    }

    @Test
    void theCacheKeepsAtMostItsSizeLeastRecentlyUsedClosedFirst() {
        try (Engine created = Engine.create("sqlite://", EngineOptions.builder().statementCacheSize(2).build())) {
            DefaultEngine engine = (DefaultEngine) created;
            try (Connection conn = engine.connect()) {
                for (int i = 0; i < 5; i++) {
                    assertThat(conn.execute(text("SELECT " + i)).scalar(Integer.class)).isEqualTo(i);
                }
                assertThat(engine.keptStatements()).isEqualTo(2);
            }
        }
    }

    @Test
    void sizeZeroFromTheOptionsOrTheUrlKeepsNone() {
        try (Engine created = Engine.create("sqlite://", EngineOptions.builder().statementCacheSize(0).build())) {
            DefaultEngine engine = (DefaultEngine) created;
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT 1")).scalar();
            }
            assertThat(engine.keptStatements()).isZero();
        }
        try (Engine created = Engine.create("sqlite:///:memory:?statement_cache_size=0")) {
            DefaultEngine engine = (DefaultEngine) created;
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT 1")).scalar();
            }
            assertThat(engine.keptStatements()).isZero();
        }
        assertThatThrownBy(() -> Engine.create("sqlite:///:memory:?statement_cache_size=many"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("statement_cache_size");
    }

    @Test
    void noneAreKeptWhereTheDriverCachesStatementsItself() {
        try (Engine created = Engine.create("h2:mem:")) {
            DefaultEngine engine = (DefaultEngine) created;
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT 1")).scalar();
            }
            assertThat(engine.keptStatements()).isZero();
        }
    }

    @Test
    void aFailedStatementIsNotKeptAndTheNextRunWorks() {
        try (Engine created = Engine.create("sqlite://")) {
            DefaultEngine engine = (DefaultEngine) created;
            engine.begin(conn -> conn.execute(text("CREATE TABLE u (id int PRIMARY KEY)")));
            try (Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO u (id) VALUES (:id)"), Map.of("id", 1));
                int kept = engine.keptStatements();
                assertThatThrownBy(() -> conn.execute(text("INSERT INTO u (id) VALUES (:id)"), Map.of("id", 1)))
                        .isInstanceOf(DatabaseException.class);
                assertThat(engine.keptStatements()).isEqualTo(kept - 1); // taken out, closed, not given back
                conn.execute(text("INSERT INTO u (id) VALUES (:id)"), Map.of("id", 2));
                conn.commit();
                assertThat(conn.execute(text("SELECT count(*) FROM u")).scalar(Integer.class)).isEqualTo(2);
            }
        }
    }

    @Test
    void anExecutemanyRowNamingOtherColumnsWritesNothing() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData metadata = new MetaData();
            Table t = metadata.table("t", column("id", Types.INTEGER).primaryKey(), column("a", Types.string(10)),
                    column("b", Types.string(10)));
            metadata.createAll(engine);
            try (Connection conn = engine.connect()) {
                // The same number of columns, another name: found while the rows are bound, before the batch runs.
                assertThatThrownBy(() -> conn.execute(insert(t), List.of(Map.of("id", 1, "a", "x"),
                        Map.of("id", 2, "b", "y")))).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("Parameter set 2");
                conn.commit();
                assertThat(conn.execute(text("SELECT count(*) FROM t")).scalar(Integer.class)).isZero();
                // Rows with an expression among their values bind through a statement built for the row.
                conn.execute(insert(t), List.of(Map.of("id", 1, "a", "x"),
                        Map.of("id", 2, "a", io.retort.sql.Sql.literal(Types.string(10), "lit"))));
                assertThat(conn.execute(text("SELECT a FROM t ORDER BY id")).scalars().all())
                        .containsExactly("x", "lit");
            }
        }
    }
}
