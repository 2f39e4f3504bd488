package io.retort.docs.sql;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.caseWhen;
import static io.retort.sql.Sql.cast;
import static io.retort.sql.Sql.coalesce;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.exists;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.lower;
import static io.retort.sql.Sql.rowNumber;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.sqlCondition;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;

import io.retort.docs.Printed;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Row;
import io.retort.exception.CompileException;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.CommonTableExpression;
import io.retort.sql.DerivedTable;
import io.retort.sql.Select;
import io.retort.sql.TableAlias;
import io.retort.sql.Window;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/expression-language.md: select, insert, update, delete as objects, compiled per database. */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class ExpressionsIT {
    private MetaData metadata;
    private Table users;
    private Table addresses;

    private void schema(Engine engine) {
        metadata = new MetaData();
        users = metadata.table("user_account",
                column("id", INTEGER).primaryKey(),
                column("name", string(30)).notNull(),
                column("fullname", string(100)));
        addresses = metadata.table("address",
                column("id", INTEGER).primaryKey(),
                column("user_id").references("user_account.id").notNull(),
                column("email_address", string(100)).notNull());
        metadata.createAll(engine);
        engine.begin(conn -> {
            conn.execute(insert(users), List.of(Map.of("name", "spongebob", "fullname", "Spongebob Squarepants"),
                    Map.of("name", "sandy", "fullname", "Sandy Cheeks")));
            conn.execute(insert(users).values(Map.of("name", "patrick")));
            conn.execute(insert(addresses), List.of(Map.of("user_id", 1, "email_address", "spongebob@sqlalchemy.org"),
                    Map.of("user_id", 2, "email_address", "sandy@sqlalchemy.org"),
                    Map.of("user_id", 2, "email_address", "sandy@squirrelpower.org")));
        });
    }

    @DatabaseTest
    void crud(Engine engine, Printed printed) {
        schema(engine);
        printed.clear();
        // tag::crud[]
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users).values(Map.of("name", "squidward", "fullname", "Squidward Tentacles")));
            List<String> names = conn.execute(select(users.c("name"))
                    .where(users.c("name").like("s%").and(users.c("id").in(List.of(1, 2, 3, 4))))
                    .orderBy(users.c("id").desc())
                    .limit(10)).scalars(String.class).all();
            conn.execute(update(users).values(Map.of("fullname", "Patrick Star")).where(users.c("name").eq("patrick")));
            conn.execute(delete(users).where(users.c("name").eq("squidward")));
            Long n = (Long) conn.execute(select(count()).from(users)).scalar();
            System.out.println(names + " " + n);
            conn.commit();
        }
        // end::crud[]
        printed.assertShown("sql/ExpressionsIT.java#crud");
        // tag::to-string[]
        Select query = select(users.c("name")).where(users.c("id").eq(5));
        System.out.println(query);                                   // readable SQL, :name parameters
        System.out.println(query.compile("postgresql").sql());       // the SQL a database gets
        System.out.println(query.compile("postgresql").parameters());
        // end::to-string[]
        printed.assertShown("sql/ExpressionsIT.java#to-string");
        // tag::statements-are-values[]
        System.out.println(select(users.c("name")).where(users.c("id").eq(5))
                .equals(select(users.c("name")).where(users.c("id").eq(7))));   // values left out
        // end::statements-are-values[]
        printed.assertShown("sql/ExpressionsIT.java#statements-are-values");
    }

    @DatabaseTest
    void joins(Engine engine, Printed printed) {
        schema(engine);
        printed.clear();
        try (Connection conn = engine.connect()) {
            // tag::join[]
            for (Row row : conn.execute(select(users.c("name"), addresses.c("email_address"))
                    .join(addresses)                                   // ON from the foreign key
                    .orderBy(addresses.c("id")))) {
                System.out.println(row.get("name") + " " + row.get("email_address"));
            }
            // end::join[]
            printed.assertShown("sql/ExpressionsIT.java#join");
            // tag::group-by[]
            for (Row row : conn.execute(select(users.c("name"), count(addresses.c("id")).label("n"))
                    .outerJoin(addresses)
                    .groupBy(users.c("name")).having(count(addresses.c("id")).gt(1L)))) {
                System.out.println(row.get("name") + " " + row.get("n"));
            }
            // end::group-by[]
            printed.assertShown("sql/ExpressionsIT.java#group-by");
            // tag::exists[]
            List<String> withAddress = conn.execute(select(users.c("name")).where(exists(select(addresses.c("id"))
                    .where(addresses.c("user_id").eq(users.c("id")))))       // correlated: no user_account in its FROM
                    .orderBy(users.c("name"))).scalars(String.class).all();
            System.out.println(withAddress);
            // end::exists[]
            printed.assertShown("sql/ExpressionsIT.java#exists");
            // tag::scalar-subquery[]
            for (Row row : conn.execute(select(users.c("name"), select(count()).from(addresses)
                    .where(addresses.c("user_id").eq(users.c("id"))).<Long>scalarSubquery().label("n"))
                    .orderBy(users.c("id")))) {
                System.out.println(row.get("name") + " " + row.get("n", Long.class));
            }
            // end::scalar-subquery[]
            printed.assertShown("sql/ExpressionsIT.java#scalar-subquery");
            // tag::alias[]
            TableAlias a = users.alias("a");
            TableAlias b = users.alias("b");
            List<Row> sameInitial = conn.execute(select(a.c("name"), b.c("name"))
                    .where(lower(a.c("name")).like("s%"), a.c("id").ne(b.c("id")), b.c("name").startsWith("s"))
                    .orderBy(a.c("id")))
                    .all();
            System.out.println(sameInitial.get(0).values());
            // end::alias[]
            printed.assertShown("sql/ExpressionsIT.java#alias");
        }
    }

    @DatabaseTest
    void operators(Engine engine, Printed printed) {
        schema(engine);
        printed.clear();
        try (Connection conn = engine.connect()) {
            // tag::operators[]
            Select query = select(
                    users.c("id", Integer.class).plus(1),
                    users.c("name").concat("!"),
                    cast(users.c("id"), string(10)),
                    coalesce(users.c("fullname", String.class), users.c("name")),
                    caseWhen(users.c("name").eq("sandy"), string(10), "squirrel").otherwise("sponge"))
                    .where(users.c("fullname").isNotNull(), users.c("name").contains("o"))   // LIKE '%o%' ESCAPE '/'
                    .orderBy(users.c("id"));
            for (Row row : conn.execute(query)) {
                System.out.println(row.values());
            }
            // end::operators[]
            printed.assertShown("sql/ExpressionsIT.java#operators");
            // tag::null-compare[]
            System.out.println(select(users.c("name")).where(users.c("fullname").eq(null)).compile("postgresql").sql());
            System.out.println(conn.execute(select(users.c("name")).where(users.c("fullname").isNull()))
                    .scalars(String.class).all());
            // end::null-compare[]
            printed.assertShown("sql/ExpressionsIT.java#null-compare");
            // tag::in-empty[]
            System.out.println(conn.execute(select(count()).from(users).where(users.c("id").in(List.of())))
                    .scalar(Long.class));                               // an empty IN matches no row
            // end::in-empty[]
            printed.assertShown("sql/ExpressionsIT.java#in-empty");
        }
    }

    @DatabaseTest
    void subqueriesAndWindows(Engine engine, Printed printed) {
        schema(engine);
        printed.clear();
        try (Connection conn = engine.connect()) {
            // tag::cte[]
            CommonTableExpression counts = select(addresses.c("user_id"), count().label("n"))
                    .groupBy(addresses.c("user_id")).cte("counts");
            for (Row row : conn.execute(select(users.c("name"), counts.c("n"))
                    .join(counts, counts.c("user_id").eq(users.c("id"))).orderBy(users.c("id")))) {
                System.out.println(row.get("name") + " " + row.get("n", Long.class));
            }
            // end::cte[]
            printed.assertShown("sql/ExpressionsIT.java#cte");
            // tag::window[]
            for (Row row : conn.execute(select(addresses.c("email_address"),
                    rowNumber().over(Window.partitionBy(addresses.c("user_id")).orderBy(addresses.c("id").asc()))
                            .label("nth"))
                    .orderBy(addresses.c("id")))) {
                System.out.println(row.get("email_address") + " " + row.get("nth", Long.class));
            }
            // end::window[]
            printed.assertShown("sql/ExpressionsIT.java#window");
            // tag::union[]
            List<String> names = conn.execute(select(users.c("name")).where(users.c("id").eq(1))
                    .union(select(users.c("name")).where(users.c("id").eq(3)))
                    .orderBy(users.c("name").asc())).scalars(String.class).all();
            System.out.println(names);
            // end::union[]
            printed.assertShown("sql/ExpressionsIT.java#union");
            // tag::derived-table[]
            DerivedTable busy = select(addresses.c("user_id")).groupBy(addresses.c("user_id"))
                    .having(count().gt(1L)).subquery("busy");
            System.out.println(conn.execute(select(users.c("name")).join(busy, busy.c("user_id").eq(users.c("id"))))
                    .scalars(String.class).all());
            // end::derived-table[]
            printed.assertShown("sql/ExpressionsIT.java#derived-table");
        }
    }

    @DatabaseTest
    void inserts(Engine engine, Printed printed) {
        schema(engine);
        printed.clear();
        try (Connection conn = engine.connect()) {
            // tag::returning[]
            Integer id = conn.execute(insert(users).values(Map.of("name", "gary")).returning(users.c("id")))
                    .scalar(Integer.class);                                 // PostgreSQL, SQLite, MariaDB, H2
            System.out.println(id);
            // end::returning[]
            printed.assertShown("sql/ExpressionsIT.java#returning");
            // tag::multi-row[]
            conn.execute(insert(users).values(List.of(Map.of("name", "larry"), Map.of("name", "karen"))));
            List<Integer> ids = conn.execute(insert(users).returning(users.c("id")),
                    List.of(Map.of("name", "pearl"), Map.of("name", "plankton")))   // a row per set, in order
                    .scalars(Integer.class).all();
            System.out.println(ids);
            // end::multi-row[]
            printed.assertShown("sql/ExpressionsIT.java#multi-row");
            // tag::bind-param[]
            conn.execute(update(users).values(Map.of("fullname", bindParam("full", string(100))))
                    .where(users.c("name").eq(bindParam("who", string(30)))),
                    List.of(Map.of("who", "larry", "full", "Larry Lobster"), Map.of("who", "karen", "full", "Karen")));
            System.out.println(conn.execute(select(users.c("fullname"))
                    .where(users.c("name").in(List.of("larry", "karen")))
                    .orderBy(users.c("fullname"))).scalars(String.class).all());
            // end::bind-param[]
            printed.assertShown("sql/ExpressionsIT.java#bind-param");
            // tag::insert-from-select[]
            conn.execute(insert(addresses).fromSelect(List.of("user_id", "email_address"),
                    select(users.c("id"), users.c("name").concat("@bikinibottom.sea"))
                            .where(users.c("name").eq("gary"))));
            System.out.println(conn.execute(select(addresses.c("email_address")).where(addresses.c("user_id").eq(id)))
                    .scalar());
            // end::insert-from-select[]
            printed.assertShown("sql/ExpressionsIT.java#insert-from-select");
            conn.commit();
        }
    }

    @DatabaseTest
    void upsertAndRawSql(Engine engine, Printed printed) {
        printed.clear();
        // tag::upsert[]
        MetaData metadata = new MetaData();
        Table stock = metadata.table("stock", column("sku", string(10)).primaryKey(), column("qty", INTEGER));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(stock).values(Map.of("sku", "A", "qty", 5)));
            conn.execute(insert(stock).values(Map.of("sku", "A", "qty", 7))
                    .onConflictDoUpdate(List.of("sku"), List.of("qty")));
            conn.execute(insert(stock).values(Map.of("sku", "A", "qty", 9)).onConflictDoNothing("sku"));
            System.out.println(conn.execute(select(stock.c("qty"))).scalar(Integer.class));
            // end::upsert[]
            printed.assertShown("sql/ExpressionsIT.java#upsert");
            // tag::raw-sql[]
            System.out.println(conn.execute(select(stock.c("sku")).where(sqlCondition("qty > :min")), Map.of("min", 6))
                    .scalars(String.class).all());
            // end::raw-sql[]
            printed.assertShown("sql/ExpressionsIT.java#raw-sql");
        }
    }

    @DatabaseTest
    void compileErrors(Engine engine, Printed printed) {
        schema(engine);
        printed.clear();
        // tag::compile-error[]
        try {
            select(users.c("name")).fullJoin(addresses, addresses.c("user_id").eq(users.c("id"))).compile("mariadb");
        } catch (CompileException e) {
            System.out.println(e.getMessage());
        }
        // end::compile-error[]
        printed.assertShown("sql/ExpressionsIT.java#compile-error");
    }
}
