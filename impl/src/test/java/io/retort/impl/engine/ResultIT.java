package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Result;
import io.retort.engine.Row;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Result and Row behaviour, and text() parameters end to end, on every database. */
class ResultIT {

    record User(int id, String fullName) {
    }

    private static void users(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE user_account (id int PRIMARY KEY, name varchar(30), full_name"
                    + " varchar(100))"));
            conn.execute(text("INSERT INTO user_account (id, name, full_name) VALUES (:id, :name, :full)"), List.of(
                    Map.of("id", 1, "name", "spongebob", "full", "Spongebob Squarepants"),
                    Map.of("id", 2, "name", "sandy", "full", "Sandy Cheeks"),
                    Map.of("id", 3, "name", "patrick", "full", "Patrick Star")));
        });
    }

    @DatabaseTest
    void rowsByNamePositionAndType(Engine engine) {
        users(engine);
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT id, name FROM user_account ORDER BY id"));
            assertThat(result.keys()).containsExactly("id", "name");
            Iterator<Row> rows = result.iterator();
            Row first = rows.next();
            assertThat(first.get("name")).isEqualTo("spongebob");
            assertThat(first.get("NAME")).isEqualTo("spongebob");
            assertThat(first.get(1)).isEqualTo("spongebob");
            assertThat(first.get("id", Integer.class)).isEqualTo(1);
            assertThat(first.get(0, Long.class)).isEqualTo(1L);
            assertThat(first.get("id", String.class)).isEqualTo("1");
            assertThat(first.asMap()).containsEntry("name", "spongebob");
            assertThat(first.toString()).isEqualTo("(1, 'spongebob')");
            assertThatThrownBy(() -> first.get("nope")).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("No column named 'nope'").hasMessageContaining("[id, name]");
            assertThatThrownBy(() -> first.get(5)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("Column index 5 is out of range");
            assertThatThrownBy(() -> first.get("name", Integer.class)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("Cannot convert the value of column 'name'");
            List<String> rest = new ArrayList<>();
            rows.forEachRemaining(row -> rest.add(row.get("name", String.class)));
            assertThat(rest).containsExactly("sandy", "patrick");
        }
    }

    @DatabaseTest
    void oneFirstScalarAndTheirErrors(Engine engine) {
        users(engine);
        try (Connection conn = engine.connect()) {
            String byId = "SELECT name FROM user_account WHERE id = :id";
            assertThat(conn.execute(text(byId), Map.of("id", 2)).one().get(0)).isEqualTo("sandy");
            assertThat(conn.execute(text(byId), Map.of("id", 9)).oneOrNull()).isNull();
            assertThat(conn.execute(text(byId), Map.of("id", 9)).first()).isNull();
            assertThat(conn.execute(text(byId), Map.of("id", 9)).scalar()).isNull();
            assertThat(conn.execute(text(byId), Map.of("id", 3)).scalarOne()).isEqualTo("patrick");
            assertThat(conn.scalar(text(byId), Map.of("id", 1))).isEqualTo("spongebob");
            assertThatThrownBy(() -> conn.execute(text(byId), Map.of("id", 9)).one())
                    .isInstanceOf(NoResultException.class)
                    .hasMessage("No row was found when exactly one was required");
            String all = "SELECT name FROM user_account ORDER BY id";
            assertThatThrownBy(() -> conn.execute(text(all)).one()).isInstanceOf(MultipleResultsException.class)
                    .hasMessage("Multiple rows were found when exactly one was required");
            assertThatThrownBy(() -> conn.execute(text(all)).oneOrNull())
                    .isInstanceOf(MultipleResultsException.class);
            assertThat(conn.execute(text(all)).first().get(0)).isEqualTo("spongebob");
            assertThat(conn.execute(text(all)).scalars().all()).containsExactly("spongebob", "sandy", "patrick");
            assertThat(conn.execute(text("SELECT count(*) FROM user_account")).scalar(Integer.class)).isEqualTo(3);
        }
    }

    @DatabaseTest
    void mappingsRecordsAndStreams(Engine engine) {
        users(engine);
        try (Connection conn = engine.connect()) {
            String sql = "SELECT id, full_name FROM user_account ORDER BY id";
            List<Map<String, Object>> maps = conn.execute(text(sql)).mappings().all();
            assertThat(maps).hasSize(3);
            assertThat(maps.get(0)).containsEntry("full_name", "Spongebob Squarepants");
            assertThat(conn.execute(text(sql)).mapTo(User.class).all()).containsExactly(
                    new User(1, "Spongebob Squarepants"), new User(2, "Sandy Cheeks"), new User(3, "Patrick Star"));
            try (Stream<String> names = conn.execute(text(sql)).map(row -> row.get("full_name", String.class))
                    .stream()) {
                assertThat(names.filter(n -> n.startsWith("S"))).containsExactly("Spongebob Squarepants",
                        "Sandy Cheeks");
            }
            assertThatThrownBy(() -> conn.execute(text("SELECT id FROM user_account")).mapTo(User.class).all())
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("component 'fullName' has no matching column");
        }
    }

    @DatabaseTest
    void arraysGiveEachRowsValuesWithoutRows(Engine engine) {
        users(engine);
        String sql = "SELECT id, name FROM user_account ORDER BY id";
        try (Connection conn = engine.connect()) {
            DefaultConnection jdbc = (DefaultConnection) conn;
            List<Object[]> all = conn.execute(text(sql)).arrays().all();
            assertThat(all).extracting(values -> values[1]).containsExactly("spongebob", "sandy", "patrick");
            assertThat(all.get(0)).hasSize(2);
            assertThat(((Number) all.get(0)[0]).intValue()).isEqualTo(1);
            all.get(0)[1] = "changed"; // the caller's own array: nothing else sees the change
            assertThat(conn.execute(text(sql)).arrays().first()[1]).isEqualTo("spongebob");

            List<Object> iterated = new ArrayList<>();
            for (Object[] values : conn.execute(text(sql)).arrays()) {
                iterated.add(values[1]);
            }
            assertThat(iterated).containsExactly("spongebob", "sandy", "patrick");
            Iterator<Object[]> noHasNext = conn.execute(text(sql)).arrays().iterator();
            assertThat(noHasNext.next()[1]).isEqualTo("spongebob");
            assertThat(noHasNext.next()[1]).isEqualTo("sandy");
            assertThat(noHasNext.next()[1]).isEqualTo("patrick");
            assertThat(noHasNext.hasNext()).isFalse();
            assertThatThrownBy(noHasNext::next).isInstanceOf(java.util.NoSuchElementException.class)
                    .hasMessage("No more rows");

            String byId = "SELECT name FROM user_account WHERE id = :id";
            assertThat(conn.execute(text(byId), Map.of("id", 2)).arrays().one()).containsExactly("sandy");
            assertThat(conn.execute(text(byId), Map.of("id", 9)).arrays().oneOrNull()).isNull();
            assertThatThrownBy(() -> conn.execute(text(byId), Map.of("id", 9)).arrays().one())
                    .isInstanceOf(NoResultException.class);
            assertThatThrownBy(() -> conn.execute(text(sql)).arrays().one())
                    .isInstanceOf(MultipleResultsException.class);
            assertThat(conn.execute(text(sql)).arrays().map(values -> values[1]).all())
                    .containsExactly("spongebob", "sandy", "patrick");
            assertThat(jdbc.openCursorCount()).isZero();
            assertThatThrownBy(() -> conn.execute(text("UPDATE user_account SET name = name WHERE id = 0"))
                    .arrays().all()).isInstanceOf(io.retort.exception.ResourceClosedException.class)
                    .hasMessageContaining("does not return rows");
        }
    }

    @DatabaseTest
    void jdbcStatementsAreClosedDeterministically(Engine engine) {
        users(engine);
        String all = "SELECT id FROM user_account ORDER BY id";
        try (Connection conn = engine.connect()) {
            DefaultConnection jdbc = (DefaultConnection) conn;
            Result unread = conn.execute(text(all));
            assertThat(jdbc.openCursorCount()).isEqualTo(1);
            unread.close();
            assertThat(jdbc.openCursorCount()).isZero();

            conn.execute(text(all)).first();
            conn.execute(text(all)).all();
            conn.execute(text(all)).scalars().first();
            conn.execute(text("SELECT id FROM user_account WHERE id = 1")).one();
            conn.execute(text(all)).scalar();
            assertThat(jdbc.openCursorCount()).isZero();

            int read = 0;
            for (Row row : conn.execute(text(all))) {
                read++;
            }
            assertThat(read).isEqualTo(3);
            assertThat(jdbc.openCursorCount()).isZero();

            Result halfRead = conn.execute(text(all));
            halfRead.iterator().next();
            try (Stream<Row> stream = conn.execute(text(all)).stream()) {
                assertThat(stream.findFirst()).isPresent();
            }
            assertThat(jdbc.openCursorCount()).isEqualTo(1); // halfRead is still open ...
            conn.commit();
            assertThat(jdbc.openCursorCount()).isZero();      // ... until the transaction ends
        }
    }

    @DatabaseTest
    void streamsLargeResultsInBatches(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE numbers (n int)"));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                rows.add(Map.of("n", i));
            }
            conn.execute(text("INSERT INTO numbers (n) VALUES (:n)"), rows);
        });
        try (Connection conn = engine.connect()) {
            long sum = 0;
            int count = 0;
            for (Row row : conn.stream(text("SELECT n FROM numbers WHERE n >= :min ORDER BY n"), Map.of("min", 0),
                    500)) {
                sum += row.get(0, Long.class);
                count++;
            }
            assertThat(count).isEqualTo(20_000);
            assertThat(sum).isEqualTo(19_999L * 20_000 / 2);
        }
    }

    @DatabaseTest
    void textParameterEdgeCases(Engine engine) {
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE t (a varchar(20), b varchar(20))"));
            // A repeated name binds the same value twice; a colon in a literal and an escaped colon are not
            // parameters.
            conn.execute(text("INSERT INTO t (a, b) VALUES (:v, :v)"), Map.of("v", "same"));
            conn.execute(text("INSERT INTO t (a, b) VALUES ('10:30', :b)"), Map.of("b", "literal"));
            conn.execute(text("INSERT INTO t (a, b) VALUES (:a, 'x\\:y')"), Map.of("a", "escaped"));
            assertThat(conn.execute(text("SELECT a, b FROM t ORDER BY b, a")).all().stream()
                    .map(Row::toString)).containsExactly("('10:30', 'literal')", "('same', 'same')",
                            "('escaped', 'x:y')");
            assertThatThrownBy(() -> conn.execute(text("SELECT a FROM t WHERE a = :a AND b = :missing"),
                    Map.of("a", "x"))).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("A value is required for bind parameter 'missing'");
        }
    }

    @DatabaseTest
    @OnlyOn(TestDatabase.POSTGRESQL)
    void postgresqlCastIsNotAParameter(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT :n::text || 'x' AS s, '1'::int + :m AS t"),
                    Map.of("n", 5, "m", 2)).one().asMap()).containsEntry("s", "5x").containsEntry("t", 3);
        }
    }

    @DatabaseTest
    void boundValuesAreNeverSplicedIntoSql(Engine engine) {
        String hostile = "x'); DROP TABLE t; -- \\ \" :y /*";
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE t (a varchar(100))"));
            conn.execute(text("INSERT INTO t (a) VALUES (:a)"), Map.of("a", hostile));
            assertThat(conn.execute(text("SELECT a FROM t WHERE a = :a"), Map.of("a", hostile)).scalar())
                    .isEqualTo(hostile);
        }
    }
}
