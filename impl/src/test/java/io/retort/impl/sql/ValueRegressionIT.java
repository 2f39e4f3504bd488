package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.JSON;
import static io.retort.types.Types.NUMERIC;
import static io.retort.types.Types.STRING;
import static io.retort.types.Types.numeric;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.CommonTableExpression;
import io.retort.sql.ConflictTarget;
import io.retort.sql.Insert;
import io.retort.sql.Json;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Issue 21's known defects of values and parsing, each run on the four databases: a division that truncated, a JSON
 * null read as the string 'null', a filtered DISTINCT aggregate that was not SQL on MySQL, an upsert from a UNION
 * that SQLite misread, and MySqlDialect on a MariaDB server writing WITH before UPDATE.
 */
class ValueRegressionIT {

    private static Table items(MetaData metadata) {
        return metadata.table("vr_item", column("id", INTEGER).primaryKey(), column("qty", INTEGER),
                column("price", numeric(10, 2)), column("kind", string(10)), column("doc", JSON));
    }

    private static void withItems(Engine engine, Consumer<Connection> test) {
        MetaData metadata = new MetaData();
        Table items = items(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(items).values(List.of(
                    Map.of("id", 1, "qty", 5, "price", new BigDecimal("2.00"), "kind", "a", "doc",
                            "{\"n\": null, \"s\": \"null\", \"o\": {\"k\": 1}}"),
                    Map.of("id", 2, "qty", 7, "price", new BigDecimal("2.00"), "kind", "a", "doc", "{}"),
                    Map.of("id", 3, "qty", 7, "price", new BigDecimal("4.00"), "kind", "b", "doc", "{}"))));
            test.accept(conn);
        } finally {
            metadata.dropAll(engine);
        }
    }

    /**
     * SQLAlchemy's truediv: an integer divided by a decimal is a decimal, 5 / 2.00 = 2.5, where it was typed as the
     * integer and read back as 2 on PostgreSQL, SQLite and H2 without a word. SQLite divides the integer values a
     * NUMERIC column holds as integers, and H2 types a bound divisor after an integer as an integer, so the
     * divisor is made fractional there.
     * SQLAlchemy: test/sql/test_operators.py::MathOperatorTest::test_math_op (truediv), test/dialect/test_sqlite.py
     */
    @DatabaseTest
    void integerDividedByDecimalIsATrueDivision(Engine engine, TestDatabase database) {
        Table items = items(new MetaData());
        var byColumn = select(items.c("qty").dividedBy(items.c("price")).label("q")).where(items.c("id").eq(1));
        var byValue = select(items.c("qty").dividedBy(literal(NUMERIC, new BigDecimal("2"))).label("q"))
                .where(items.c("id").eq(1));
        var integers = select(items.c("qty").dividedBy(2).label("q")).where(items.c("id").eq(1));
        String divide = database == TestDatabase.SQLITE ? "(vr_item.qty / (vr_item.price + 0.0))"
                : database == TestDatabase.H2 ? "(vr_item.qty / CAST(vr_item.price AS NUMERIC(38, 18)))"
                : "(vr_item.qty / vr_item.price)";
        assertSql(byColumn, database, "SELECT " + divide + " AS q FROM vr_item WHERE vr_item.id = ?");
        withItems(engine, conn -> {
            assertThat(conn.execute(byColumn).one().get(0, BigDecimal.class)).isEqualByComparingTo("2.5");
            assertThat(conn.execute(byValue).one().get(0, BigDecimal.class)).isEqualByComparingTo("2.5");
            // Integer by integer stays an integer division everywhere (MySQL's DIV).
            assertThat(conn.execute(integers).one().get(0)).isEqualTo(2);
        });
    }

    /**
     * A JSON null read as text is SQL NULL on every database; MySQL/MariaDB's JSON_UNQUOTE gave the string 'null',
     * the same as a JSON string "null". SQLAlchemy: test/sql/test_types.py JSON null handling (JSON.NULL vs None).
     */
    @DatabaseTest
    void jsonNullAsTextIsSqlNull(Engine engine, TestDatabase database) {
        if (database == TestDatabase.H2) {
            return; // H2 has no JSON access (refused, see JsonIT)
        }
        Table items = items(new MetaData());
        withItems(engine, conn -> {
            var text = select(Json.text(items.c("doc"), "n"), Json.text(items.c("doc"), "s"),
                    Json.text(items.c("doc"), "missing")).where(items.c("id").eq(1));
            assertThat(conn.execute(text).one().values()).containsExactly(null, "null", null);
            Object object = conn.execute(select(Json.text(items.c("doc"), "o")).where(items.c("id").eq(1))).scalar();
            assertThat(object.toString().replace(" ", "")).isEqualTo("{\"k\":1}");
        });
    }

    /**
     * {@code count(DISTINCT x) FILTER (WHERE p)}: MySQL has no FILTER and wrote {@code count(CASE WHEN p THEN
     * DISTINCT x END)}, which is not SQL; now {@code count(DISTINCT CASE WHEN p THEN x END)}.
     * SQLAlchemy: test/sql/test_functions.py::CompileTest::test_funcfilter_*
     */
    @DatabaseTest
    void filteredDistinctAggregate(Engine engine, TestDatabase database) {
        Table items = items(new MetaData());
        var statement = select(count(items.c("qty").distinct()).filter(items.c("kind").eq("a")));
        if (database == TestDatabase.MARIADB) {
            assertSql(statement, database,
                    "SELECT count(DISTINCT CASE WHEN vr_item.kind = ? THEN vr_item.qty END) FROM vr_item");
        } else {
            assertSql(statement, database,
                    "SELECT count(DISTINCT vr_item.qty) FILTER (WHERE vr_item.kind = ?) FROM vr_item");
        }
        withItems(engine, conn -> assertThat(conn.execute(statement).scalar()).isEqualTo(2L));
    }

    /**
     * An upsert whose rows come from a UNION: SQLite read {@code ... FROM t ON CONFLICT} as the ON of a join; the
     * last SELECT gets {@code WHERE true}. SQLAlchemy: test/dialect/test_sqlite.py OnConflictTest (insert from select).
     */
    @DatabaseTest
    void upsertFromASetOperation(Engine engine, TestDatabase database) {
        MetaData metadata = new MetaData();
        Table items = items(metadata);
        Table totals = metadata.table("vr_total", column("kind", string(10)).primaryKey(), column("n", INTEGER));
        var source = select(items.c("kind"), items.c("qty")).where(items.c("id").eq(1))
                .union(select(items.c("kind"), items.c("qty")).where(items.c("id").eq(3)),
                        select(literal(STRING, "c"), literal(INTEGER, 1)));
        Insert upsert = insert(totals).fromSelect(List.of("kind", "n"), source);
        Insert doUpdate = upsert.onConflictDoUpdate(ConflictTarget.columns("kind"), Map.of("n", upsert.excluded("n")));
        if (database == TestDatabase.SQLITE) {
            assertSql(doUpdate, database, "INSERT INTO vr_total (kind, n) SELECT vr_item.kind, vr_item.qty FROM vr_item"
                    + " WHERE vr_item.id = ? UNION SELECT vr_item.kind, vr_item.qty FROM vr_item WHERE vr_item.id = ?"
                    + " UNION SELECT ?, ? WHERE true ON CONFLICT (kind) DO UPDATE SET n = excluded.n");
        }
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(items).values(List.of(Map.of("id", 1, "qty", 5, "price", BigDecimal.ONE, "kind", "a"),
                    Map.of("id", 3, "qty", 7, "price", BigDecimal.ONE, "kind", "b"))));
            conn.execute(insert(totals).values(Map.of("kind", "a", "n", 0)));
            conn.execute(doUpdate);
            assertThat(conn.execute(select(totals.c("kind"), totals.c("n")).orderBy(totals.c("kind"))).all())
                    .extracting(r -> r.values()).containsExactly(List.of("a", 5), List.of("b", 7), List.of("c", 1));
        } finally {
            metadata.dropAll(engine);
        }
    }

    /**
     * MySqlDialect (a {@code mysql://} URL) on a MariaDB server: MariaDB takes WITH only before SELECT, so a CTE that
     * an UPDATE's subquery names is declared inside that subquery, as with the mariadb dialect.
     * SQLAlchemy: test/sql/test_cte.py::CTETest::test_update_w_cte_in_where (MariaDB's is_mariadb check)
     */
    @DatabaseTest
    void mysqlDialectOnMariaDbDeclaresNoWithBeforeUpdate(TestEngines engines, TestDatabase database) {
        if (database != TestDatabase.MARIADB) {
            return; // only a MariaDB server can be reached through a mysql:// URL here
        }
        Engine mysql = Engine.create(engines.url().replaceFirst("^mariadb", "mysql"), EngineOptions.defaults());
        try {
            MetaData metadata = new MetaData();
            Table items = items(metadata);
            CommonTableExpression cheap = select(items.c("id")).where(items.c("price").lt(new BigDecimal("3")))
                    .cte("cheap");
            var statement = update(items).values(Map.of("qty", 0)).where(items.c("id").in(select(cheap.c("id"))));
            withItems(mysql, conn -> {
                assertThat(conn.execute(statement).rowCount()).isEqualTo(2);
                assertThat(conn.execute(select(items.c("qty")).orderBy(items.c("id"))).scalars().all())
                        .containsExactly(0, 0, 7);
            });
        } finally {
            mysql.close();
        }
    }
}
