package io.retort.it.reliability;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.text;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.ExecutionListener;
import io.retort.engine.StatementEvent;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Hostile strings: 2,000 strings made of quotes, backslashes, comment and statement separators, placeholders of
 * every driver's syntax, LIKE wildcards, control characters and non-BMP Unicode go through every value path
 * (insert, executemany, insertmanyvalues with RETURNING, WHERE =, IN, UPDATE SET, DELETE, text() parameters,
 * the ORM). Each round-trips exactly, and no statement runs but the ones the test issued: every SQL text the
 * driver saw is one of a handful, none of them holding a hostile fragment.
 */
@OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
class HostileStringsIT {
    private static final int COUNT = 2000;
    private static final String[] FRAGMENTS = {"'", "''", "\"", "`", "\\", "\\'", "\\\\", ";", "--", "/*", "*/", "#",
        "?", ":name", ":1", "$1", "$$", "%", "_", "[", "]", "{", "}", "(", ")", "\n", "\r", "\t", " ", "\u00e9",
        "\u00df", "\u0130", "\u05d0", "\u202e", "\u4e2d", "\ud83d\ude00", "\ud834\udd1e", "\u0301", "\u00a0",
        "'; DROP TABLE rel_canary; --", "\" OR \"1\"=\"1", "' OR '1'='1", "0x27", "NULL", "null", "\\N", "%s", "%%",
        "${x}", "{fn now()}", "{d '2020-01-01'}", "E'\\x41'", "\\u0041", "\u0007", "\u001b[31m", "\u007f"};

    static List<String> hostileStrings() {
        Random random = new Random(20);
        Set<String> strings = new LinkedHashSet<>();
        for (String fragment : FRAGMENTS) {
            strings.add(fragment);
        }
        while (strings.size() < COUNT) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int i = 0; i < parts; i++) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                if (random.nextInt(3) == 0) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
            }
            if (random.nextInt(50) == 0) {
                text.append("x".repeat(1000));
            }
            strings.add(text.toString());
        }
        return new ArrayList<>(strings);
    }

    @DatabaseTest
    void twoThousandHostileStringsRoundTripThroughEveryValuePath(TestEngines engines, TestDatabase database)
            throws SQLException {
        Set<String> sqlSeen = new LinkedHashSet<>();
        Engine engine = engines.create(EngineOptions.builder().addListener(new ExecutionListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                sqlSeen.add(event.sql());
            }

            @Override
            public void afterExecute(StatementEvent event, long nanos, @Nullable SQLException failure) {
            }
        }).build());
        MetaData metadata = new MetaData();
        Table hostile = metadata.table("rel_hostile", column("id", INTEGER).primaryKey(),
                column("body", string(2000)));
        Table canary = metadata.table("rel_canary", column("id", INTEGER).primaryKey());
        metadata.createAll(engine);
        Registry registry = Registry.of(HostileNote.class);
        registry.createAll(engine);
        List<String> strings = hostileStrings();
        long started = System.nanoTime();
        int checks = 0;
        try {
            engine.begin(conn -> conn.execute(insert(canary).values(Map.of("id", 1))));
            try (Connection conn = engine.connect()) {
                // insert().values(), one statement per string, and WHERE id AND body = (read back by id)
                for (int i = 0; i < COUNT; i++) {
                    conn.execute(insert(hostile).values(Map.of("id", 1 + i, "body", strings.get(i))));
                }
                // executemany
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < COUNT; i++) {
                    rows.add(Map.of("id", 10_000 + i, "body", strings.get(i)));
                }
                conn.execute(insert(hostile), rows);
                // insertmanyvalues with RETURNING where the database has it
                if (engine.supports(io.retort.engine.Capability.INSERT_RETURNING)) {
                    List<Map<String, Object>> returning = new ArrayList<>();
                    for (int i = 0; i < COUNT; i++) {
                        returning.add(Map.of("id", 20_000 + i, "body", strings.get(i)));
                    }
                    List<String> back = conn.execute(insert(hostile).returning(hostile.c("body")), returning)
                            .scalars(String.class).all();
                    assertThat(back).isEqualTo(strings);
                    checks += COUNT;
                }
                conn.commit();
                var byId = select(hostile.c("body")).where(hostile.c("id").eq(bindParam("id", INTEGER)));
                var both = select(hostile.c("id")).where(hostile.c("id").eq(bindParam("id", INTEGER))
                        .and(hostile.c("body").eq(bindParam("body", string(2000)))));
                for (int i = 0; i < COUNT; i++) {
                    String s = strings.get(i);
                    assertThat(conn.execute(byId, Map.of("id", 1 + i)).scalar(String.class)).isEqualTo(s);
                    assertThat(conn.execute(byId, Map.of("id", 10_000 + i)).scalar(String.class)).isEqualTo(s);
                    assertThat(conn.execute(both, Map.of("id", 1 + i, "body", s)).scalar(Integer.class)).isEqualTo(1 + i);
                    assertThat(conn.execute(text("SELECT id FROM rel_hostile WHERE id = :id AND body = :body"),
                            Map.of("id", 10_000 + i, "body", s)).scalar(Integer.class)).isEqualTo(10_000 + i);
                    checks += 4;
                }
                // IN (expanding)
                for (int from = 0; from < COUNT; from += 100) {
                    List<String> chunk = strings.subList(from, from + 100);
                    long found = ((Number) conn.execute(select(io.retort.sql.Sql.count())
                            .from(hostile).where(hostile.c("id").le(COUNT).and(hostile.c("body").in(chunk))))
                            .scalar()).longValue();
                    assertThat(found).isGreaterThanOrEqualTo(100); // collations may fold case, never fewer
                    checks++;
                }
                // UPDATE SET and DELETE WHERE with the strings as values
                var reverse = update(hostile).where(hostile.c("id").eq(bindParam("id", INTEGER)))
                        .values(Map.of("body", bindParam("body", string(2000))));
                for (int i = 0; i < COUNT; i++) {
                    String reversed = new StringBuilder(strings.get(i)).reverse().toString();
                    conn.execute(reverse, Map.of("id", 1 + i, "body", reversed));
                }
                conn.commit();
                for (int i = 0; i < COUNT; i++) {
                    String expected = new StringBuilder(strings.get(i)).reverse().toString();
                    assertThat(conn.execute(byId, Map.of("id", 1 + i)).scalar(String.class)).isEqualTo(expected);
                    checks++;
                }
                var deleteOne = delete(hostile).where(hostile.c("id").eq(bindParam("id", INTEGER))
                        .and(hostile.c("body").eq(bindParam("body", string(2000)))));
                for (int i = 0; i < COUNT; i++) {
                    assertThat(conn.execute(deleteOne, Map.of("id", 10_000 + i, "body", strings.get(i))).rowCount())
                            .isEqualTo(1);
                    checks++;
                }
                conn.commit();
            }
            // the ORM: add, flush, read back in a new session
            try (Session session = Session.open(engine)) {
                for (int i = 0; i < COUNT; i++) {
                    session.add(new HostileNote(1 + i, strings.get(i)));
                }
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                for (int i = 0; i < COUNT; i++) {
                    assertThat(session.get(HostileNote.class, 1 + i).body).isEqualTo(strings.get(i));
                    checks++;
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(select(canary.c("id"))).scalars(Integer.class).all()).containsExactly(1);
                assertThat(((Number) conn.scalar(text("SELECT count(*) FROM rel_hostile"), Map.of())).longValue())
                        .isEqualTo(engine.supports(io.retort.engine.Capability.INSERT_RETURNING) ? 2 * COUNT
                                : COUNT);
            }
            for (String sql : sqlSeen) {
                for (String fragment : new String[] {"DROP", "OR '1'", "OR \"1\"", "fn now", "rel_canary;"}) {
                    assertThat(sql).doesNotContain(fragment);
                }
            }
            Figures.report("hostile strings [" + database.id() + "]", COUNT + " strings, " + checks
                    + " round-trip checks, " + sqlSeen.size() + " distinct SQL texts sent (no other statement), "
                    + millis + " ms");
            assertThat(sqlSeen.size()).as("distinct SQL texts: %s", sqlSeen).isLessThanOrEqualTo(40);
        } finally {
            registry.dropAll(engine);
            metadata.dropAll(engine);
        }
    }
}
