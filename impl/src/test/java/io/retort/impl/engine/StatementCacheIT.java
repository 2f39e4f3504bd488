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
    void oneStatementObjectExecutedManyTimesBindsEachExecutionsValues(Engine engine) {
        numbers(engine);
        io.retort.schema.MetaData metadata = new io.retort.schema.MetaData();
        io.retort.schema.Table n = metadata.table("n", io.retort.schema.Schema.column("id", io.retort.types.Types.INTEGER)
                .primaryKey(), io.retort.schema.Schema.column("name", io.retort.types.Types.string(10)));
        io.retort.sql.Select byId = io.retort.sql.Sql.select(n.c("name"))
                .where(n.c("id", Integer.class).eq(io.retort.sql.Sql.bindParam("b_id", io.retort.types.Types.INTEGER)));
        io.retort.sql.Select literal = io.retort.sql.Sql.select(n.c("name")).where(n.c("id", Integer.class).eq(7));
        io.retort.sql.Select inList = io.retort.sql.Sql.select(n.c("name")).where(n.c("id", Integer.class)
                .in(List.of(4, 2))).orderBy(n.c("id").asc());
        try (Connection conn = engine.connect()) {
            for (int id = 1; id <= 30; id++) {
                assertThat(conn.execute(byId, Map.of("b_id", id)).scalar()).isEqualTo("n" + id);
                assertThat(conn.execute(literal).scalar()).isEqualTo("n7");
                assertThat(conn.execute(inList).scalars().all()).containsExactly("n2", "n4");
            }
            assertThatThrownBy(() -> conn.execute(byId)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("A value is required for bind parameter 'b_id'");
            assertThatThrownBy(() -> conn.execute(byId, Map.of("b_id", 1, "other", 2)))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("The statement has no parameter named 'other'");
            assertThat(conn.execute(byId, Map.of("b_id", 12)).scalar()).isEqualTo("n12");
            io.retort.sql.Update rename = io.retort.sql.Sql.update(n)
                    .values(Map.of("name", io.retort.sql.Sql.bindParam("b_name", io.retort.types.Types.STRING)))
                    .where(n.c("id", Integer.class).eq(io.retort.sql.Sql.bindParam("b_id", io.retort.types.Types.INTEGER)));
            conn.execute(rename, List.of(Map.of("b_id", 1, "b_name", "one"), Map.of("b_id", 2, "b_name", "two")));
            conn.execute(rename, List.of(Map.of("b_id", 3, "b_name", "three")));
            assertThat(conn.execute(text("SELECT name FROM n WHERE id <= 3 ORDER BY id")).scalars().all())
                    .containsExactly("one", "two", "three");
        }
    }

    @DatabaseTest
    void aClientSideDefaultIsComputedForEachExecutionOfOneStatementObject(Engine engine) {
        io.retort.schema.MetaData metadata = new io.retort.schema.MetaData();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        io.retort.schema.Table tickets = metadata.table("ticket",
                io.retort.schema.Schema.column("id", io.retort.types.Types.INTEGER).primaryKey(),
                io.retort.schema.Schema.column("label", io.retort.types.Types.string(20)),
                io.retort.schema.Schema.column("serial", io.retort.types.Types.INTEGER)
                        .defaultValue(next::incrementAndGet));
        metadata.createAll(engine);
        io.retort.sql.Insert one = io.retort.sql.Sql.insert(tickets).values(Map.of("label", "same"));
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < 3; i++) {
                conn.execute(one);
            }
            assertThat(conn.execute(text("SELECT serial FROM ticket ORDER BY serial")).scalars(Integer.class).all())
                    .containsExactly(1, 2, 3);
        }
    }

    @DatabaseTest
    void aCachedStatementsResultColumnsFollowTheTable(Engine engine) {
        numbers(engine);
        io.retort.schema.Table n = new io.retort.schema.MetaData().table("n",
                io.retort.schema.Schema.column("id", io.retort.types.Types.INTEGER).primaryKey(),
                io.retort.schema.Schema.column("name", io.retort.types.Types.string(10)));
        TextClause all = text("SELECT * FROM n WHERE id = 1");
        // Literal SQL in a select()'s columns may stand for any columns; named columns are what the SQL says.
        io.retort.sql.Select star = io.retort.sql.Sql.select(io.retort.sql.Sql.sqlFragment("*",
                io.retort.types.Types.INTEGER)).from(n).where(n.c("id", Integer.class).eq(1));
        io.retort.sql.Select named = io.retort.sql.Sql.select(n.c("name"), n.c("id"))
                .where(n.c("id", Integer.class).eq(1));
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < 2; i++) {
                assertThat(conn.execute(all).keys()).containsExactly("id", "name");
                assertThat(conn.execute(all).one().get("name")).isEqualTo("n1");
                assertThat(conn.execute(star).keys()).containsExactly("id", "name");
                assertThat(conn.execute(named).one().get("name")).isEqualTo("n1");
            }
        }
        engine.begin(conn -> conn.execute(text("ALTER TABLE n ADD COLUMN extra int")));
        try (Connection conn = engine.connect()) {
            io.retort.engine.Result result = conn.execute(all);
            assertThat(result.keys()).containsExactly("id", "name", "extra");
            assertThat(result.one().get("extra")).isNull();
            result = conn.execute(star);
            assertThat(result.keys()).containsExactly("id", "name", "extra");
            assertThat(result.one().get("extra")).isNull();
            result = conn.execute(named);
            assertThat(result.keys()).containsExactly("name", "id");
            io.retort.engine.Row row = result.one();
            assertThat(row.get("name")).isEqualTo("n1");
            assertThat(row.get("id", Integer.class)).isEqualTo(1);
        }
        // As many columns as before, one of them another: literal SQL's labels are read again, not assumed.
        engine.begin(conn -> {
            conn.execute(text("ALTER TABLE n DROP COLUMN extra"));
            conn.execute(text("ALTER TABLE n ADD COLUMN other int"));
        });
        try (Connection conn = engine.connect()) {
            io.retort.engine.Result result = conn.execute(star);
            assertThat(result.keys()).containsExactly("id", "name", "other");
            assertThat(result.one().get("other")).isNull();
            assertThat(conn.execute(named).keys()).containsExactly("name", "id");
        }
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

    /**
     * An INSERT that gives a column with a client-side default its own value, after one that left it to the default:
     * both compile to the same SQL, but the given value must be inserted (the cached form of the first ran the
     * default's supplier in its place: -1 became 0 without a word). The doc-test SchemaIT#check-fails showed it.
     */
    @DatabaseTest
    void aGivenValueIsNotReplacedByTheCachedClientDefault(Engine engine) {
        io.retort.schema.MetaData metadata = new io.retort.schema.MetaData();
        io.retort.schema.Table stock = metadata.table("stock",
                io.retort.schema.Schema.column("sku", io.retort.types.Types.string(20)).primaryKey(),
                io.retort.schema.Schema.column("qty", io.retort.types.Types.INTEGER).notNull().defaultValue(0));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(io.retort.sql.Sql.insert(stock).values(Map.of("sku", "A")));
            conn.execute(io.retort.sql.Sql.insert(stock).values(Map.of("sku", "B", "qty", -1)));
            assertThat(conn.execute(text("SELECT qty FROM stock ORDER BY sku")).scalars(Integer.class).all())
                    .containsExactly(0, -1);
        } finally {
            metadata.dropAll(engine);
        }
    }
}
