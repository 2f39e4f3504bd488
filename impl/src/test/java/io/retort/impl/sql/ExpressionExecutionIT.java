package io.retort.impl.sql;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.DATETIME;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Statements of the expression language run on every database, in the spirit of SQLAlchemy's tutorial. */
class ExpressionExecutionIT {

    private static final LocalDateTime CREATED = LocalDateTime.of(2024, 2, 29, 12, 0);

    private static Table users(MetaData metadata) {
        return metadata.table("user_account",
                column("id", INTEGER).primaryKey(),
                column("name", string(30)).notNull(),
                column("fullname", string(100)),
                column("created", DATETIME).defaultValue(() -> CREATED));
    }

    @DatabaseTest
    void insertSelectUpdateDelete(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            for (String[] user : new String[][] {{"spongebob", "Spongebob Squarepants"}, {"sandy", "Sandy Cheeks"},
                    {"patrick", null}}) {
                java.util.Map<String, Object> values = new java.util.HashMap<>();
                values.put("name", user[0]);
                values.put("fullname", user[1]);
                assertThat(conn.execute(insert(users).values(values)).rowCount()).isEqualTo(1);
            }
            conn.commit();

            var byName = select(users.c("id"), users.c("name")).where(users.c("name").eq("sandy"));
            assertThat(conn.execute(byName).one().get("id")).isEqualTo(2); // typed: an Integer on every database
            assertThat(conn.execute(select(users.c("created")).where(users.c("id").eq(1))).scalar())
                    .isEqualTo(CREATED); // the client-side default, read back as LocalDateTime
            assertThat(conn.execute(select(users.c("name")).where(users.c("fullname").isNull())).scalars().all())
                    .containsExactly("patrick");
            assertThat(conn.execute(select(users.c("name")).where(users.c("name").ilike("S%"))
                    .orderBy(users.c("name"))).scalars().all()).containsExactly("sandy", "spongebob");
            assertThat(conn.execute(select(users.c("name")).where(users.c("id").in(List.of(1, 3)))
                    .orderBy(users.c("id").desc())).scalars().all()).containsExactly("patrick", "spongebob");
            assertThat(conn.execute(select(count()).from(users).where(users.c("id").in(List.of()))).scalar())
                    .isEqualTo(0L);
            assertThat(conn.execute(select(users.c("name")).orderBy(users.c("id")).limit(1).offset(1)).scalars()
                    .all()).containsExactly("sandy");
            assertThat(conn.execute(select(users.c("name")).orderBy(users.c("id")).offset(2)).scalars().all())
                    .containsExactly("patrick");

            assertThat(conn.execute(update(users).values(Map.of("fullname", "Patrick Star"))
                    .where(users.c("name").eq("patrick"))).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(users.c("fullname")).where(users.c("id").eq(3))).scalar())
                    .isEqualTo("Patrick Star");
            assertThat(conn.execute(delete(users).where(users.c("name").like("s%"))).rowCount()).isEqualTo(2);
            assertThat(conn.execute(select(count()).from(users)).scalar()).isEqualTo(1L);
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void valuesNeverAlterTheStatement(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        String hostile = "x'); DROP TABLE user_account; -- \\ \" /*";
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users).values(Map.of("name", "q", "fullname", hostile)));
            assertThat(conn.execute(select(users.c("fullname")).where(users.c("fullname").eq(hostile))).scalar())
                    .isEqualTo(hostile);
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void joinsGroupingAndReturning(Engine engine, io.retort.testing.TestDatabase database) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        Table addresses = metadata.table("address",
                column("id", INTEGER).primaryKey(),
                column("user_id").references("user_account.id").notNull(),
                column("email_address", string(100)).notNull());
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users).values(Map.of("name", "spongebob")));
            conn.execute(insert(users).values(Map.of("name", "sandy")));
            conn.execute(insert(users).values(Map.of("name", "patrick")));
            for (Object[] address : new Object[][] {{1, "spongebob@sqlalchemy.org"}, {2, "sandy@sqlalchemy.org"},
                    {2, "sandy@squirrelpower.org"}}) {
                conn.execute(insert(addresses).values(Map.of("user_id", address[0], "email_address", address[1])));
            }
            assertThat(conn.execute(select(users.c("name"), addresses.c("email_address")).join(addresses)
                    .where(addresses.c("email_address").like("%squirrel%"))).one().values())
                    .containsExactly("sandy", "sandy@squirrelpower.org");
            assertThat(conn.execute(select(users.c("name"), count(addresses.c("id")).label("n"))
                    .outerJoin(addresses).groupBy(users.c("name")).having(count(addresses.c("id")).lt(2L))
                    .orderBy(users.c("name"))).mappings().all()).containsExactly(
                            Map.of("name", "patrick", "n", 0L), Map.of("name", "spongebob", "n", 1L));
            var addressCount = select(count()).from(addresses)
                    .where(addresses.c("user_id").eq(users.c("id"))).<Long>scalarSubquery();
            assertThat(conn.execute(select(users.c("name"), addressCount.label("n")).orderBy(users.c("id")))
                    .mappings().all()).extracting(m -> m.get("n")).containsExactly(1L, 2L, 0L);
            assertThat(conn.execute(select(users.c("name")).where(io.retort.sql.Sql.exists(select(addresses.c("id"))
                    .where(addresses.c("user_id").eq(users.c("id"))))).orderBy(users.c("id"))).scalars().all())
                    .containsExactly("spongebob", "sandy");
            assertThat(conn.execute(select(users.c("name")).where(users.c("id").notIn(
                    select(addresses.c("user_id"))))).scalars().all()).containsExactly("patrick");
            if (database != io.retort.testing.TestDatabase.H2) {
                var inserted = conn.execute(insert(users).values(Map.of("name", "squidward"))
                        .returning(users.c("id"), users.c("name"))).one();
                assertThat(inserted.values()).containsExactly(4, "squidward");
                assertThat(conn.execute(delete(users).where(users.c("id").eq(4)).returning(users.c("name")))
                        .scalar()).isEqualTo("squidward");
            }
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void operatorsAndEscapedMatchingOnTheDatabase(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users).values(Map.of("name", "50%_off", "fullname", "Sale")));
            conn.execute(insert(users).values(Map.of("name", "500 off")));
            conn.execute(insert(users).values(Map.of("name", "a/b")));
            var name = users.c("name");
            assertThat(conn.execute(select(name).where(name.contains("%_"))).scalars().all())
                    .containsExactly("50%_off");
            assertThat(conn.execute(select(name).where(name.startsWith("50")).orderBy(name)).scalars().all())
                    .containsExactly("50%_off", "500 off");
            assertThat(conn.execute(select(name).where(name.endsWith("/b"))).scalars().all()).containsExactly("a/b");
            assertThat(conn.execute(select(name.concat("!")).where(users.c("id").eq(3))).scalar()).isEqualTo("a/b!");
            assertThat(conn.execute(select(users.c("id").plus(10)).where(users.c("id").eq(2))).scalar())
                    .isEqualTo(12);
            assertThat(conn.execute(select(io.retort.sql.Sql.caseWhen(users.c("fullname").isNull(), string(10),
                    "nameless").otherwise("named")).orderBy(users.c("id"))).scalars().all())
                    .containsExactly("named", "nameless", "nameless");
            assertThat(conn.execute(select(io.retort.sql.Sql.coalesce(users.c("fullname"), name))
                    .orderBy(users.c("id"))).scalars().all()).containsExactly("Sale", "500 off", "a/b");
            assertThat(conn.execute(select(count()).from(users).where(users.c("fullname").isDistinctFrom("Sale")))
                    .scalar()).isEqualTo(2L);
            assertThat(conn.execute(select(io.retort.sql.Sql.cast(users.c("id"), string(10)))
                    .where(users.c("id").eq(1))).scalar()).isEqualTo("1");
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void upsertInsertsOrUpdatesOnEveryDatabase(Engine engine) {
        MetaData metadata = new MetaData();
        Table stock = metadata.table("stock",
                column("sku", string(10)).primaryKey(),
                column("qty", INTEGER).notNull(),
                column("note", string(20)));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            for (int qty : new int[] {5, 7}) {
                conn.execute(insert(stock).values(Map.of("sku", "A", "qty", qty, "note", "n" + qty))
                        .onConflictDoUpdate(List.of("sku"), List.of("qty")));
            }
            conn.execute(insert(stock).values(Map.of("sku", "A", "qty", 99, "note", "ignored"))
                    .onConflictDoNothing("sku"));
            conn.execute(insert(stock).values(Map.of("sku", "B", "qty", 1, "note", "new")).onConflictDoNothing("sku"));
            assertThat(conn.execute(select(stock.c("sku"), stock.c("qty"), stock.c("note")).orderBy(stock.c("sku")))
                    .all()).extracting(row -> row.values()).containsExactly(List.of("A", 7, "n5"),
                            List.of("B", 1, "new"));
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void nullsOrderingAndCompoundSelectsOnEveryDatabase(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users).values(Map.of("name", "b", "fullname", "B")));
            conn.execute(insert(users).values(Map.of("name", "n")));
            conn.execute(insert(users).values(Map.of("name", "a", "fullname", "A")));
            assertThat(conn.execute(select(users.c("name")).orderBy(users.c("fullname").asc().nullsFirst()))
                    .scalars().all()).containsExactly("n", "a", "b");
            assertThat(conn.execute(select(users.c("name")).orderBy(users.c("fullname").desc().nullsLast()))
                    .scalars().all()).containsExactly("b", "a", "n");
            assertThat(conn.execute(select(users.c("name")).where(users.c("id").eq(1))
                    .unionAll(select(users.c("name")).where(users.c("id").ge(2)))
                    .orderBy(users.c("name").asc()).limit(2)).scalars().all()).containsExactly("a", "b");
            assertThat(conn.execute(select(users.c("id")).except(select(users.c("id")).where(users.c("id").eq(2))))
                    .scalars().all()).containsExactlyInAnyOrder(1, 3);
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    @io.retort.testing.OnlyOn({io.retort.testing.TestDatabase.POSTGRESQL, io.retort.testing.TestDatabase.MARIADB,
            io.retort.testing.TestDatabase.H2})
    void multiRowInsertAndRowLocks(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        engine.begin(conn -> assertThat(conn.execute(insert(users).values(List.of(Map.of("name", "a"),
                Map.of("name", "b"), Map.of("name", "c")))).rowCount()).isEqualTo(3));
        try (Connection holder = engine.connect(); Connection other = engine.connect()) {
            holder.execute(select(users.c("id")).where(users.c("id").eq(1)).forUpdate()).all();
            assertThat(other.execute(select(users.c("name")).orderBy(users.c("id")).forUpdateSkipLocked())
                    .scalars().all()).containsExactly("b", "c");
            other.rollback();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.execute(select(users.c("name"))
                    .where(users.c("id").eq(1)).forUpdateNoWait()).all())
                    .isInstanceOf(io.retort.exception.OperationalException.class);
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void aliasesAndRecursiveCtesOnEveryDatabase(Engine engine) {
        MetaData metadata = new MetaData();
        Table nodes = metadata.table("node",
                column("id", INTEGER).primaryKey().autoincrement(false),
                column("parent_id", INTEGER).references("node.id"),
                column("name", string(20)).notNull());
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(nodes).values(Map.of("id", 1, "name", "root")));
            for (int id = 2; id <= 6; id++) {
                conn.execute(insert(nodes).values(Map.of("id", id, "parent_id", id - 1, "name", "level" + id)));
            }
            var parent = nodes.alias("parent");
            assertThat(conn.execute(select(nodes.c("name"), parent.c("name").label("parent_name"))
                    .join(parent, nodes.c("parent_id").eq(parent.c("id"))).where(nodes.c("id").eq(3))).one()
                    .values()).containsExactly("level3", "level2");
            var tree = select(nodes.c("id"), nodes.c("name")).where(nodes.c("id").eq(1)).recursiveCte("tree");
            tree = tree.unionAll(select(nodes.c("id"), nodes.c("name"))
                    .join(tree, nodes.c("parent_id").eq(tree.c("id"))));
            assertThat(conn.execute(select(tree.c("name")).orderBy(tree.c("id"))).scalars().all())
                    .containsExactly("root", "level2", "level3", "level4", "level5", "level6");
            var deep = select(nodes.c("id")).where(nodes.c("id").gt(4)).cte("deep");
            assertThat(conn.execute(select(count()).from(deep)).scalar()).isEqualTo(2L);
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void windowFunctionsAndFiltersOnEveryDatabase(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users).values(List.of(Map.of("name", "a", "fullname", "X"),
                    Map.of("name", "b", "fullname", "X"), Map.of("name", "c", "fullname", "Y"))));
            conn.execute(insert(users).values(Map.of("name", "d")));
            assertThat(conn.execute(select(users.c("name"), io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window
                    .partitionBy(users.c("fullname")).orderBy(users.c("id").desc())).label("rn"))
                    .where(users.c("fullname").eq("X")).orderBy(users.c("name"))).mappings().all())
                    .extracting(m -> m.get("rn")).containsExactly(2L, 1L);
            assertThat(conn.execute(select(io.retort.sql.Sql.sum(users.c("id")).over(io.retort.sql.Window.ordered(
                    users.c("id").asc()).rowsBetween(null, 0))).orderBy(users.c("id"))).scalars().all())
                    .extracting(v -> ((java.math.BigDecimal) v).intValue()).containsExactly(1, 3, 6, 10);
            assertThat(conn.execute(select(count().filter(users.c("fullname").isNull()).label("nameless"),
                    count().label("all")).from(users)).one().values()).containsExactly(1L, 4L);
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void insertFromSelectAndUpdateFromOnEveryDatabase(Engine engine, io.retort.testing.TestDatabase database) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        Table addresses = metadata.table("address",
                column("id", INTEGER).primaryKey(),
                column("user_id").references("user_account.id").notNull(),
                column("email_address", string(100)).notNull());
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users).values(List.of(Map.of("name", "sandy"), Map.of("name", "patrick"))));
            assertThat(conn.execute(insert(addresses).fromSelect(List.of("user_id", "email_address"),
                    select(users.c("id"), users.c("name").concat("@bikini.sea")))).rowCount()).isEqualTo(2);
            if (database != io.retort.testing.TestDatabase.H2) {
                conn.execute(update(users).values(Map.of("fullname", addresses.c("email_address")))
                        .where(addresses.c("user_id").eq(users.c("id"))));
                assertThat(conn.execute(select(users.c("fullname")).orderBy(users.c("id"))).scalars().all())
                        .containsExactly("sandy@bikini.sea", "patrick@bikini.sea");
            }
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void insertExecutemanyIsOneBatch(io.retort.testing.TestEngines engines) {
        List<io.retort.engine.StatementEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        Engine engine = engines.create(io.retort.engine.EngineOptions.builder()
                .addListener(new io.retort.engine.ExecutionListener() {
                    @Override
                    public void beforeExecute(io.retort.engine.StatementEvent event) {
                        events.add(event);
                    }
                }).build());
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        events.clear();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(Map.of("name", "user" + i, "fullname", "User " + i));
        }
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users), rows);
            conn.commit();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).batch()).isTrue();
            assertThat(events.get(0).parameterSets()).hasSize(10_000);
            assertThat(conn.execute(select(count()).from(users)).scalar()).isEqualTo(10_000L);
            assertThat(conn.execute(select(users.c("created")).where(users.c("name").eq("user9999"))).scalar())
                    .isEqualTo(CREATED); // client defaults apply to every row
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> conn.execute(insert(users),
                    List.of(Map.of("name", "a"), Map.of("fullname", "b"))))
                    .isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                    .hasMessageContaining("Parameter set 2 of the executemany names [fullname]");
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void insertExecutemanyWithReturningGivesOneRowPerParameterSetInOrder(io.retort.testing.TestEngines engines) {
        List<io.retort.engine.StatementEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        Engine engine = engines.create(io.retort.engine.EngineOptions.builder()
                .addListener(new io.retort.engine.ExecutionListener() {
                    @Override
                    public void beforeExecute(io.retort.engine.StatementEvent event) {
                        events.add(event);
                    }
                }).build());
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(Map.of("name", "user" + i));
        }
        try (Connection conn = engine.connect()) {
            conn.execute(select(count()).from(users)); // connected: the server version is known
            events.clear();
            List<Integer> ids = conn.execute(insert(users).returning(users.c("id")), rows).scalars(Integer.class)
                    .all();
            assertThat(ids).hasSize(2_500);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(ids.get(i)).isEqualTo(i + 1);
            }
            if (engine.supports(io.retort.engine.Capability.INSERT_RETURNING)) {
                // Multi-row VALUES statements of 1,000 rows: 1,000 + 1,000 + 500 (and SQLite's probe of the table).
                events.removeIf(event -> io.retort.impl.orm.StatementRecorder.isRowidProbe(event.sql()));
                assertThat(events).hasSize(3);
                assertThat(events.get(0).sql()).contains(engine.dialectName().equals("h2")
                        ? "SELECT id FROM FINAL TABLE (INSERT INTO" : "RETURNING");
                assertThat(events.get(2).parameterSets().get(0)).hasSize(500 * 2); // name and the created default
            } else {
                assertThat(events).hasSize(1); // one JDBC batch; ids from the driver's generated keys
                assertThat(events.get(0).batch()).isTrue();
            }
            assertThat(conn.execute(select(users.c("name")).where(users.c("id").eq(2_500))).scalar())
                    .isEqualTo("user2499");

            // A bare insert(table) with one parameter map inserts that row.
            assertThat(conn.execute(insert(users), Map.of("name", "single")).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(count()).from(users).where(users.c("name").eq("single"))).scalar())
                    .isEqualTo(1L);

            // Per-row counts of an executemany UPDATE: the row that matches nothing shows 0.
            var update = update(users).values(Map.of("fullname", io.retort.sql.Sql.bindParam("fullname", string(100))))
                    .where(users.c("id").eq(io.retort.sql.Sql.bindParam("id", INTEGER)));
            io.retort.engine.Result result = conn.execute(update, List.of(Map.of("fullname", "a", "id", 1),
                    Map.of("fullname", "b", "id", 99_999), Map.of("fullname", "c", "id", 3)));
            assertThat(result.rowCounts()).containsExactly(1, 0, 1);
            assertThat(result.rowCount()).isEqualTo(2);
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void identifiersWithSpacesAndQuotesRoundTrip(Engine engine) {
        MetaData metadata = new MetaData();
        Table odd = metadata.table("odd table",
                column("id", INTEGER).primaryKey(),
                column("my \"quoted\" col", string(20)),
                column("it's", string(20)),
                column("back`tick", string(20)),
                column("select", string(20)));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            Map<String, Object> values = new java.util.HashMap<>();
            values.put("my \"quoted\" col", "a'b");
            values.put("it's", "c\"d");
            values.put("back`tick", "e`f");
            values.put("select", "g;h -- i");
            conn.execute(insert(odd).values(values));
            var row = conn.execute(select(odd).where(odd.c("it's").eq("c\"d"))).one();
            assertThat(row.values()).containsExactly(1, "a'b", "c\"d", "e`f", "g;h -- i");
            conn.execute(update(odd).values(Map.of("select", "x")).where(odd.c("back`tick").eq("e`f")));
            assertThat(conn.execute(select(odd.c("select"))).scalar()).isEqualTo("x");
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void derivedTablesAndTuplesOnEveryDatabase(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users), List.of(Map.of("name", "a", "fullname", "X"), Map.of("name", "b",
                    "fullname", "X"), Map.of("name", "c", "fullname", "Y")));
            var perName = select(users.c("fullname"), count().label("n")).groupBy(users.c("fullname"))
                    .subquery("per_name");
            assertThat(conn.execute(select(perName.c("fullname"), perName.c("n"))
                    .orderBy(perName.c("fullname").asc())).all()).extracting(r -> r.values())
                    .containsExactly(List.of("X", 2L), List.of("Y", 1L));
            var pair = io.retort.sql.Sql.tuple(users.c("name"), users.c("fullname"));
            assertThat(conn.execute(select(users.c("name")).where(pair.inValues(List.of(List.of("a", "X"),
                    List.of("c", "Z")))).orderBy(users.c("name"))).scalars().all()).containsExactly("a");
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    @io.retort.testing.OnlyOn(io.retort.testing.TestDatabase.POSTGRESQL)
    void lateralJoinOnPostgresql(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        Table addresses = metadata.table("address",
                column("id", INTEGER).primaryKey(),
                column("user_id").references("user_account.id").notNull(),
                column("email_address", string(100)).notNull());
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users), List.of(Map.of("name", "sandy"), Map.of("name", "patrick")));
            conn.execute(insert(addresses), List.of(Map.of("user_id", 1, "email_address", "old@x.org"),
                    Map.of("user_id", 1, "email_address", "new@x.org"), Map.of("user_id", 2, "email_address", "p@x.org")));
            var latest = select(addresses.c("email_address")).where(addresses.c("user_id").eq(users.c("id")))
                    .orderBy(addresses.c("id").desc()).limit(1).lateral("latest");
            assertThat(conn.execute(select(users.c("name"), latest.c("email_address")).from(users)
                    .join(latest, io.retort.sql.Sql.alwaysTrue()).orderBy(users.c("id"))).all())
                    .extracting(r -> r.values()).containsExactly(List.of("sandy", "new@x.org"),
                            List.of("patrick", "p@x.org"));
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void namedParametersGivenAtExecutionAndSqlFragments(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = users(metadata);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users), List.of(Map.of("name", "sandy"), Map.of("name", "patrick"),
                    Map.of("name", "bob")));
            var byId = select(users.c("name")).where(users.c("id").eq(io.retort.sql.Sql.bindParam("id", INTEGER)));
            assertThat(conn.execute(byId, Map.of("id", 2)).scalar()).isEqualTo("patrick");
            conn.execute(update(users).values(Map.of("fullname", io.retort.sql.Sql.bindParam("full", string(100))))
                    .where(users.c("name").eq(io.retort.sql.Sql.bindParam("who", string(30)))),
                    List.of(Map.of("full", "Sandy Cheeks", "who", "sandy"), Map.of("full", "Patrick Star",
                            "who", "patrick")));
            assertThat(conn.execute(select(users.c("fullname")).where(io.retort.sql.Sql.sqlCondition(
                    "user_account.id < :max")).orderBy(users.c("id")), Map.of("max", 3)).scalars().all())
                    .containsExactly("Sandy Cheeks", "Patrick Star");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> conn.execute(byId))
                    .isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                    .hasMessageContaining("A value is required for bind parameter 'id'");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> conn.execute(byId, Map.of("id", 1, "idd", 2)))
                    .isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                    .hasMessageContaining("The statement has no parameter named 'idd'; its named parameters are [id]");
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void nowAndNamedFunctionsReturnTypedValues(Engine engine) {
        try (Connection conn = engine.connect()) {
            Object now = conn.execute(select(io.retort.sql.Sql.now())).scalar();
            assertThat(now).isInstanceOf(LocalDateTime.class);
            assertThat(java.time.Duration.between((LocalDateTime) now, LocalDateTime.now()).abs())
                    .isLessThan(java.time.Duration.ofHours(1));
            assertThat(conn.execute(select(io.retort.sql.Sql.upper(io.retort.sql.Sql.literal(string(5), "abc"))))
                    .scalar()).isEqualTo("ABC");
        }
    }
}
