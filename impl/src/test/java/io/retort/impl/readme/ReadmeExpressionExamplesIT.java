package io.retort.impl.readme;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.JSON;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Drivers;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.ConflictTarget;
import io.retort.sql.Insert;
import io.retort.sql.Json;
import io.retort.sql.RowLock;
import io.retort.sql.SqlNode;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * The README's lines on arithmetic, aggregate DISTINCT, upserts, JSON, row locks and toString(): the SQL the README
 * shows (PostgreSQL's) and each line run on every database that has the construct.
 */
class ReadmeExpressionExamplesIT {

    private static String postgresql(SqlNode statement) {
        return ExpressionCompiler.compile(Drivers.dialect("postgresql"), statement).sql();
    }

    @DatabaseTest
    void expressionLanguageExamples(Engine engine, TestDatabase database) {
        MetaData metadata = new MetaData();
        Table orders = metadata.table("orders", column("id", INTEGER).primaryKey(), column("customer_id", INTEGER),
                column("total", INTEGER), column("discount", INTEGER), column("qty", INTEGER),
                column("status", string(10)));
        Table stock = metadata.table("stock", column("sku", string(10)).primaryKey(), column("qty", INTEGER));
        Table docs = metadata.table("docs", column("id", INTEGER).primaryKey(), column("body", JSON));
        Table jobs = metadata.table("jobs", column("id", INTEGER).primaryKey());
        Table users = metadata.table("user_account", column("id", INTEGER).primaryKey(), column("name", string(30)));

        var arithmetic = select(orders.c("total").minus(orders.c("discount")).times(orders.c("qty")));
        assertThat(postgresql(arithmetic)).isEqualTo("SELECT ((orders.total - orders.discount) * orders.qty)"
                + " FROM orders");
        var distinct = select(count(orders.c("customer_id").distinct()));
        assertThat(postgresql(distinct)).isEqualTo("SELECT count(DISTINCT orders.customer_id) FROM orders");
        Insert add = insert(stock).values(Map.of("sku", "A", "qty", 5));
        Insert upsert = add.onConflictDoUpdate(ConflictTarget.columns("sku"),
                Map.of("qty", stock.c("qty").plus(add.excluded("qty"))));
        assertThat(postgresql(upsert)).endsWith("ON CONFLICT (sku) DO UPDATE SET qty = (stock.qty + excluded.qty)");
        Insert keep = insert(stock).values(Map.of("sku", "A", "qty", 5)).onConflictDoNothing();
        var author = select(Json.text(docs.c("body"), "author", "name"));
        assertThat(postgresql(author)).isEqualTo("SELECT (docs.body -> ? ->> ?) FROM docs");
        var tagged = select(docs.c("id")).where(Json.contains(docs.c("body"), literal(JSON, "{\"tags\": [\"a\"]}")));
        var queue = select(jobs.c("id")).limit(10).lock(RowLock.forUpdate().of(jobs).skipLocked());
        assertThat(postgresql(queue)).endsWith("FOR UPDATE OF jobs SKIP LOCKED");
        var byCount = select(count().label("n")).from(orders).groupBy(orders.c("status").label("s")).orderBy("-n");
        assertThat(postgresql(byCount)).endsWith("ORDER BY n DESC");
        assertThat(users.c("name").eq("sandy")).hasToString("user_account.name = :name");
        assertThat(select(users.c("id")).where(users.c("id").gt(5)))
                .hasToString("SELECT user_account.id FROM user_account WHERE user_account.id > :id");

        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(orders).values(List.of(
                    Map.of("id", 1, "customer_id", 1, "total", 10, "discount", 2, "qty", 3, "status", "new"),
                    Map.of("id", 2, "customer_id", 1, "total", 5, "discount", 0, "qty", 1, "status", "new"))));
            assertThat(conn.execute(arithmetic.orderBy(orders.c("id"))).scalars().all()).containsExactly(24, 5);
            assertThat(conn.execute(distinct).scalar()).isEqualTo(1L);
            conn.execute(upsert);
            conn.execute(upsert);
            conn.execute(keep);
            assertThat(conn.execute(select(stock.c("qty"))).scalar()).isEqualTo(10);
            assertThat(conn.execute(byCount).scalar()).isEqualTo(2L);
            if (database != TestDatabase.H2) {
                conn.execute(insert(docs).values(Map.of("id", 1, "body",
                        "{\"author\": {\"name\": \"Sandy\"}, \"tags\": [\"a\"]}")));
                assertThat(conn.execute(author).scalar()).isEqualTo("Sandy");
                if (database != TestDatabase.SQLITE) {
                    assertThat(conn.execute(tagged).scalar()).isEqualTo(1);
                }
            }
            if (database == TestDatabase.POSTGRESQL) {
                conn.execute(insert(jobs).values(Map.of("id", 1)));
                assertThat(conn.execute(queue).scalars().all()).containsExactly(1);
            }
            conn.rollback();
        } finally {
            metadata.dropAll(engine);
        }
    }
}
