package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.InvalidArgumentException;
import io.retort.sql.TextClause;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The compiled-statement cache and expanding IN lists, on every database. */
class StatementCacheIT {

    private static void numbers(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE n (id int PRIMARY KEY, name varchar(10))"));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= 400; i++) {
                rows.add(Map.of("id", i, "name", "n" + i));
            }
            conn.execute(text("INSERT INTO n (id, name) VALUES (:id, :name)"), rows);
        });
    }

    @DatabaseTest
    void structurallyEqualStatementsAreCompiledOnce(Engine engine) {
        DefaultEngine defaults = (DefaultEngine) engine;
        numbers(engine);
        long[] before = defaults.cacheHitsAndMisses();
        try (Connection conn = engine.connect()) {
            for (int id = 1; id <= 50; id++) {
                // A new TextClause each time, with another value: equal in structure, so a cache hit.
                assertThat(conn.execute(text("SELECT name FROM n WHERE id = :id"), Map.of("id", id)).scalar())
                        .isEqualTo("n" + id);
            }
        }
        long[] after = defaults.cacheHitsAndMisses();
        assertThat(after[1] - before[1]).isEqualTo(1);
        assertThat(after[0] - before[0]).isEqualTo(49);
    }

    @DatabaseTest
    void expandingInListsOfManyLengthsShareOneCacheEntry(TestEngines engines) {
        Engine engine = engines.create(EngineOptions.builder().compiledCacheSize(10).build());
        numbers(engine);
        int before = ((DefaultEngine) engine).cacheSize();
        TextClause byIds = text("SELECT count(*) FROM n WHERE id IN :ids").expanding("ids")
                .bindTypes(Map.of("ids", io.retort.types.Types.INTEGER));
        try (Connection conn = engine.connect()) {
            for (int length = 0; length <= 400; length++) {
                List<Integer> ids = IntStream.rangeClosed(1, length).boxed().toList();
                assertThat(conn.execute(byIds, Map.of("ids", ids)).scalar(Integer.class)).isEqualTo(length);
            }
            // 401 lengths, one compiled statement.
            assertThat(((DefaultEngine) engine).cacheSize() - before).isEqualTo(1);
            assertThat(conn.execute(text("SELECT count(*) FROM n WHERE id NOT IN :ids").expanding("ids")
                    .bindTypes(Map.of("ids", io.retort.types.Types.INTEGER)), Map.of("ids", List.of()))
                    .scalar(Integer.class)).isEqualTo(400);
            // Untyped, an empty list still works against a text column.
            assertThat(conn.execute(text("SELECT count(*) FROM n WHERE name IN :names").expanding("names"),
                    Map.of("names", List.of())).scalar(Integer.class)).isZero();
            assertThat(conn.execute(text("SELECT name FROM n WHERE name IN :names ORDER BY id").expanding("names"),
                    Map.of("names", new String[] {"n3", "n1"})).scalars().all()).containsExactly("n1", "n3");
            assertThatThrownBy(() -> conn.execute(byIds, List.of(Map.of("ids", List.of(1)))))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cannot be used with executemany");
        }
        assertThat(((DefaultEngine) engine).cacheSize() - before).isEqualTo(4); // the four statements above
    }

    @DatabaseTest
    void theCacheStaysWithinItsBound(TestEngines engines) {
        Engine engine = engines.create(EngineOptions.builder().compiledCacheSize(20).build());
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < 200; i++) {
                conn.execute(text("SELECT " + i));
            }
        }
        assertThat(((DefaultEngine) engine).cacheSize()).isEqualTo(20);
    }
}
