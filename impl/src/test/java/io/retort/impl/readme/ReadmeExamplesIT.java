package io.retort.impl.readme;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.text;
import static io.retort.types.Types.DATETIME;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.JSON;
import static io.retort.types.Types.enumType;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Ddl;
import io.retort.engine.Engine;
import io.retort.engine.Inspector;
import io.retort.engine.NestedTransaction;
import io.retort.engine.Row;
import io.retort.schema.MetaData;
import io.retort.schema.ReferentialAction;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The examples the README held before they moved to docs/ (where doc-tests runs each snippet on SQLite and
 * PostgreSQL and checks the pages against the code), kept here to run on all four databases.
 */
class ReadmeExamplesIT {

    enum Mood { HAPPY, SAD }

    record Point(int x, int y) {
    }

    @DatabaseTest
    void coreExample(Engine engine) {
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE some_table (x int, y int)"));
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                    List.of(Map.of("x", 1, "y", 1), Map.of("x", 2, "y", 4)));
            conn.commit();
        }
        engine.begin(conn -> conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                List.of(Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10))));
        Integer total = engine.inTransaction(conn ->
                conn.execute(text("SELECT sum(y) FROM some_table")).scalar(Integer.class));
        assertThat(total).isEqualTo(23);
        try (Connection conn = engine.connect()) {
            List<String> printed = new ArrayList<>();
            for (Row row : conn.execute(text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y"),
                    Map.of("y", 6))) {
                printed.add("x: " + row.get("x") + " y: " + row.get("y", Integer.class));
            }
            assertThat(printed).containsExactly("x: 6 y: 8", "x: 9 y: 10");
            List<Point> points = conn.execute(text("SELECT x, y FROM some_table ORDER BY x")).mapTo(Point.class)
                    .all();
            assertThat(points).startsWith(new Point(1, 1));
            List<Integer> xs = conn.execute(text("SELECT x FROM some_table ORDER BY x")).scalars(Integer.class).all();
            assertThat(xs).containsExactly(1, 2, 6, 9);
            List<Object[]> pairs = conn.execute(text("SELECT x, y FROM some_table ORDER BY x")).arrays().all();
            assertThat(pairs).hasSize(4);
            assertThat(pairs.get(0)).containsExactly(1, 1);
            Row one = conn.execute(text("SELECT * FROM some_table WHERE x = :x"), Map.of("x", 1)).one();
            assertThat(one.get("y", Integer.class)).isEqualTo(1);
            try (NestedTransaction savepoint = conn.beginNested()) {
                conn.execute(text("DELETE FROM some_table"));
                savepoint.rollback();
            }
            int streamed = 0;
            for (Row row : conn.stream(text("SELECT * FROM some_table"), Map.of(), 1000)) {
                streamed += row.size() > 0 ? 1 : 0;
            }
            assertThat(streamed).isEqualTo(4);
        }
    }

    @DatabaseTest
    void schemaExample(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = metadata.table("user_account",
                column("id", INTEGER).primaryKey(),
                column("name", string(30)).notNull().unique(),
                column("fullname", string(100)),
                column("created", DATETIME).serverDefault("CURRENT_TIMESTAMP"));
        Table addresses = metadata.table("address",
                column("id", INTEGER).primaryKey(),
                column("user_id").references("user_account.id", ReferentialAction.CASCADE,
                        ReferentialAction.NO_ACTION).notNull(),
                column("email_address", string(100)).notNull().index());
        metadata.createAll(engine);
        assertThat(Ddl.create(metadata, "postgresql")).hasSize(3);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO user_account (name) VALUES (:name)"), Map.of("name", "patrick"));
            assertThat(conn.execute(text("SELECT created FROM user_account")).scalar()).isNotNull();
            conn.commit();
            Inspector inspector = conn.inspector();
            assertThat(inspector.tableNames()).containsExactly("address", "user_account");
            MetaData reflected = new MetaData();
            Table address = inspector.reflectTable(reflected, "address");
            List<Table> rest = inspector.reflect(reflected);
            assertThat(address.foreignKeys()).hasSize(1);
            assertThat(rest).extracting(Table::name).containsExactly("user_account");
        }
        assertThat(users.c("id").type()).isEqualTo(addresses.c("user_id").type());
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void statementsExample(Engine engine) {
        MetaData metadata = new MetaData();
        Table users = metadata.table("user_account",
                column("id", INTEGER).primaryKey(),
                column("name", string(30)).notNull(),
                column("fullname", string(100)));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(io.retort.sql.Sql.insert(users).values(Map.of("name", "spongebob", "fullname",
                    "Spongebob Squarepants")));
            io.retort.engine.Result result = conn.execute(io.retort.sql.Sql.select(users.c("id"), users.c("name"))
                    .where(users.c("name").like("s%").and(users.c("id").in(List.of(1, 2, 3))))
                    .orderBy(users.c("id").desc())
                    .limit(10));
            assertThat(result.one().get("id")).isEqualTo(1);
            conn.execute(io.retort.sql.Sql.update(users).values(Map.of("fullname", "Patrick Star"))
                    .where(users.c("name").eq("patrick")));
            conn.execute(io.retort.sql.Sql.delete(users).where(users.c("fullname").isNull()));
            Long n = (Long) conn.execute(io.retort.sql.Sql.select(io.retort.sql.Sql.count()).from(users)).scalar();
            assertThat(n).isEqualTo(1L);
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void typedTextExample(Engine engine) {
        MetaData metadata = new MetaData();
        metadata.table("doc", column("id", INTEGER).primaryKey(), column("body", JSON),
                column("mood", enumType(Mood.class)));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO doc (id, body, mood) VALUES (:id, :body, :mood)")
                    .bindTypes(Map.of("body", JSON, "mood", enumType(Mood.class))),
                    Map.of("id", 1, "body", "{}", "mood", Mood.SAD));
            Mood mood = (Mood) conn.execute(text("SELECT mood FROM doc")
                    .columnTypes(Map.of("mood", enumType(Mood.class)))).scalar();
            assertThat(mood).isEqualTo(Mood.SAD);
            conn.commit();
        }
        metadata.dropAll(engine);
    }

    @DatabaseTest
    void ormExample(Engine engine) {
        io.retort.orm.Registry registry = io.retort.orm.Registry.of(User.class, Address.class);
        registry.createAll(engine);
        try {
            User squidward = new User("squidward", "Squidward Tentacles");
            try (io.retort.orm.Session session = io.retort.orm.Session.open(engine)) {
                assertThat(squidward.id).isNull();
                session.add(squidward);
                session.commit();
                assertThat(squidward.id).isEqualTo(1);
                squidward.fullname = "Squidward T.";
                session.commit();
                User same = session.get(User.class, 1);
                assertThat(same).isSameAs(squidward);
                session.add(new Address("squidward@aol.com", squidward.id));
                List<User> found = session.scalars(io.retort.orm.Orm.select(User.class)
                        .where(User_.name.startsWith("s"))
                        .orderBy(User_.id.desc()).limit(10)).all();
                assertThat(found).containsExactly(squidward);
                List<User> withAol = session.scalars(io.retort.orm.Orm.select(User.class).join(Address.class)
                        .where(Address_.emailAddress.like("%@aol.com"))).all();
                assertThat(withAol).containsExactly(squidward);
                assertThat(session.execute(text("SELECT count(*) FROM address")).scalar(Long.class)).isEqualTo(1L);
                session.commit();
            }
            assertThat(io.retort.orm.Orm.inspect(squidward).state()).isEqualTo(io.retort.orm.ObjectState.DETACHED);
            assertThat(io.retort.orm.Orm.inspect(squidward).identity()).isEqualTo(1);

            io.retort.orm.SessionFactory sessions = io.retort.orm.SessionFactory.builder(engine).autoflush(true)
                    .build();
            sessions.begin(session -> session.add(new User("sandy", "Sandy Cheeks")));
            String name = sessions.inTransaction(session -> session.get(User.class, 2).name);
            assertThat(name).isEqualTo("sandy");
        } finally {
            registry.dropAll(engine);
        }
    }
}
