package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Row;
import io.retort.testing.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every Core snippet of the seed document, in Java, on every database, asserting the rows. */
class SeedCoreWalkthroughIT {

    private static List<List<Integer>> rows(Engine engine, String sql) {
        try (Connection conn = engine.connect()) {
            List<List<Integer>> rows = new ArrayList<>();
            for (Row row : conn.execute(text(sql))) {
                rows.add(List.of(row.get("x", Integer.class), row.get("y", Integer.class)));
            }
            return rows;
        }
    }

    @DatabaseTest
    void commitAsYouGo(Engine engine) {
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE some_table (x int, y int)"));
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                    List.of(Map.of("x", 1, "y", 1), Map.of("x", 2, "y", 4)));
            conn.commit();

            conn.execute(text("INSERT INTO some_table (x, y) VALUES (3, 9)"));
            conn.commit();
        }
        assertThat(rows(engine, "SELECT x, y FROM some_table ORDER BY x"))
                .containsExactly(List.of(1, 1), List.of(2, 4), List.of(3, 9));
    }

    @DatabaseTest
    void beginOnce(Engine engine) {
        engine.begin(conn -> conn.execute(text("CREATE TABLE some_table (x int, y int)")));
        engine.begin(conn -> conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                List.of(Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10))));
        assertThat(rows(engine, "SELECT x, y FROM some_table ORDER BY x"))
                .containsExactly(List.of(6, 8), List.of(9, 10));
    }

    @DatabaseTest
    void beginOnceRollsBackOnException(Engine engine) {
        engine.begin(conn -> conn.execute(text("CREATE TABLE some_table (x int, y int)")));
        IllegalStateException failure = new IllegalStateException("business rule broken");
        assertThatThrownBy(() -> engine.begin(conn -> {
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                    List.of(Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10)));
            throw failure;
        })).isSameAs(failure);
        assertThat(rows(engine, "SELECT x, y FROM some_table")).isEmpty();
    }

    @DatabaseTest
    void textSelectWithParameter(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE some_table (x int, y int)"));
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), List.of(
                    Map.of("x", 1, "y", 1), Map.of("x", 2, "y", 4), Map.of("x", 3, "y", 9),
                    Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10)));
        });
        try (Connection conn = engine.connect()) {
            List<String> printed = new ArrayList<>();
            for (Row row : conn.execute(text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y"),
                    Map.of("y", 6))) {
                printed.add("x: " + row.get("x") + " y: " + row.get("y"));
            }
            assertThat(printed).containsExactly("x: 3 y: 9", "x: 6 y: 8", "x: 9 y: 10");
        }
    }

    @DatabaseTest
    void updateWithExecutemany(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE some_table (x int, y int)"));
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), List.of(
                    Map.of("x", 9, "y", 10), Map.of("x", 13, "y", 14)));
        });
        try (Connection conn = engine.connect()) {
            conn.execute(text("UPDATE some_table SET y=:y WHERE x=:x"),
                    List.of(Map.of("x", 9, "y", 11), Map.of("x", 13, "y", 15)));
            conn.commit();
        }
        assertThat(rows(engine, "SELECT x, y FROM some_table ORDER BY x"))
                .containsExactly(List.of(9, 11), List.of(13, 15));
    }

    @DatabaseTest
    void selectWithNamedParameterFromTheIntroduction(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE users (name varchar(30), age int)"));
            conn.execute(text("INSERT INTO users (name, age) VALUES (:name, :age)"),
                    List.of(Map.of("name", "hong", "age", 30), Map.of("name", "kim", "age", 20)));
        });
        try (Connection conn = engine.connect()) {
            List<Map<String, Object>> result = conn.execute(text("SELECT * FROM users WHERE age > :age"),
                    Map.of("age", 25)).mappings().all();
            assertThat(result).hasSize(1);
            assertThat(result.get(0).get("name")).isEqualTo("hong");
            assertThat(((Number) result.get(0).get("age")).intValue()).isEqualTo(30);
        }
    }
}
