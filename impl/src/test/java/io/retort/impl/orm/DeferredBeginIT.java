package io.retort.impl.orm;

import static io.retort.orm.Orm.select;
import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.IsolationLevel;
import io.retort.engine.Result;
import io.retort.engine.Row;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code Connection.deferBeginUntilWrite()}, which the Session asks of its connection: reads before the first write
 * run without a database transaction where that reads the same rows (READ COMMITTED and a driver that switches
 * auto-commit locally: PostgreSQL here), so that a session that only read ends without a ROLLBACK round trip.
 *
 * <p>Retort differs from SQLAlchemy here on purpose: SQLAlchemy's Session begins the database transaction with its
 * first statement, read or write. At READ COMMITTED each statement has a snapshot of its own either way, so the rows
 * read are the same; what these tests guard is everything else: no write, raw JDBC work, locking read or streamed
 * read may ever run outside the transaction, and a level whose reads share a snapshot never defers.
 */
class DeferredBeginIT {

    /** Whether {@code database} defers at its default isolation level (PostgreSQL's READ COMMITTED and pgjdbc). */
    private static boolean defers(TestDatabase database) {
        return database == TestDatabase.POSTGRESQL;
    }

    /**
     * Creates {@code user_account} with three users and returns the table. Nothing is dropped after a test: each
     * gets an empty database.
     */
    private static Table seeded(Engine engine) {
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            session.add(new User("sandy", "Sandy Cheeks"));
            session.add(new User("patrick", "Patrick Star"));
            session.add(new User("squidward", "Squidward Tentacles"));
            session.commit();
        }
        return registry.mapping(User.class).table();
    }

    private static Object fullname(Engine engine, String name) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT fullname FROM user_account WHERE name = :name"), Map.of("name", name))
                    .scalar();
        }
    }

    private static long idleInTransaction(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"
                    + " AND datname = current_database()")).scalar(Long.class);
        }
    }

    @DatabaseTest
    void aSessionThatOnlyReadsHoldsNoTransactionOnTheServer(TestEngines engines, TestDatabase database) {
        Engine engine = engines.engine();
        seeded(engine);
        try (Session session = Session.open(engine)) {
            User sandy = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
            assertThat(session.get(User.class, sandy.id)).isSameAs(sandy);
            assertThat(sandy.fullname).isEqualTo("Sandy Cheeks");
            assertThat(session.connection().isInTransaction()).isEqualTo(!defers(database));
            if (database == TestDatabase.POSTGRESQL) {
                assertThat(idleInTransaction(engine)).isZero();
                sandy.fullname = "Sandy";
                session.flush(); // the first write begins the transaction
                assertThat(session.connection().isInTransaction()).isTrue();
                assertThat(idleInTransaction(engine)).isEqualTo(1);
            }
        }
    }

    /**
     * The Session's own transaction is SQLAlchemy's whether or not the database's is deferred: ported from
     * {@code test/orm/test_session.py}, {@code test_autobegin_execute} (a statement begins it, commit and close end
     * it, the next statement begins another) and {@code test_autobegin_flush} (an empty flush begins nothing, a flush
     * that writes does).
     */
    @DatabaseTest
    void theSessionAutobeginsAsSqlAlchemysDoes(TestEngines engines) {
        Engine engine = engines.engine();
        seeded(engine);
        try (Session session = Session.open(engine)) {
            assertThat(session.isInTransaction()).isFalse();
            session.scalars(select(User.class)).all();
            assertThat(session.isInTransaction()).isTrue();
            session.commit();
            assertThat(session.isInTransaction()).isFalse();
            session.scalars(select(User.class)).all();
            assertThat(session.isInTransaction()).isTrue();
            session.close();
            assertThat(session.isInTransaction()).isFalse();
        }
        try (Session session = Session.open(engine)) {
            session.flush(); // nothing to write
            assertThat(session.isInTransaction()).isFalse();
            session.add(new User("gary", "Gary"));
            session.flush();
            assertThat(session.isInTransaction()).isTrue();
            session.commit();
            assertThat(session.isInTransaction()).isFalse();
        }
        assertThat(fullname(engine, "gary")).isEqualTo("Gary");
    }

    @DatabaseTest
    void aFlushAfterDeferredReadsIsRolledBackWithTheTransaction(TestEngines engines) {
        Engine engine = engines.engine();
        seeded(engine);
        try (Session session = Session.open(engine)) {
            User sandy = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
            sandy.fullname = "Sandy Squirrel";
            session.flush();
            User patrick = session.scalars(select(User.class).where(User_.name.eq("patrick"))).one();
            patrick.fullname = "Patrick";
            session.add(new User("gary", "Gary"));
            session.rollback();
            assertThat(sandy.fullname).isEqualTo("Sandy Cheeks"); // expired, and read again
        }
        assertThat(fullname(engine, "sandy")).isEqualTo("Sandy Cheeks");
        assertThat(fullname(engine, "patrick")).isEqualTo("Patrick Star");
        assertThat(fullname(engine, "gary")).isNull();
        try (Session session = Session.open(engine)) {
            User sandy = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
            sandy.fullname = "Sandy Squirrel";
            session.commit();
        }
        assertThat(fullname(engine, "sandy")).isEqualTo("Sandy Squirrel");
    }

    @DatabaseTest
    void writesAndRawJdbcWorkAfterDeferredReadsAreInTheTransaction(TestEngines engines) throws Exception {
        Engine engine = engines.engine();
        Table users = seeded(engine);
        try (Connection conn = engine.connect()) {
            conn.deferBeginUntilWrite();
            assertThat(conn.execute(io.retort.sql.Sql.select(users.c("name"))).all()).hasSize(3);
            conn.execute(text("UPDATE user_account SET fullname = 'Patrick' WHERE name = 'patrick'"));
            assertThat(conn.isInTransaction()).isTrue();
            conn.rollback();
            // Deferral ended with the first write, for the rest of the connection's life.
            assertThat(conn.execute(io.retort.sql.Sql.select(users.c("name"))).all()).hasSize(3);
            assertThat(conn.isInTransaction()).isTrue();
        }
        try (Connection conn = engine.connect()) {
            conn.deferBeginUntilWrite();
            assertThat(conn.execute(io.retort.sql.Sql.select(users.c("name"))).all()).hasSize(3);
            try (Statement raw = conn.jdbcConnection().createStatement()) {
                raw.executeUpdate("UPDATE user_account SET fullname = 'Sandy' WHERE name = 'sandy'");
            }
        } // closed without commit: the driver's transaction is rolled back
        for (boolean multiRow : new boolean[] {false, true}) { // a JDBC batch, and insertmanyvalues pages
            try (Connection conn = engine.connect()) {
                conn.deferBeginUntilWrite();
                assertThat(conn.execute(io.retort.sql.Sql.select(users.c("name"))).all()).hasSize(3);
                List<Map<String, Object>> rows = List.of(Map.of("name", "gary", "fullname", "Gary"),
                        Map.of("name", "larry", "fullname", "Larry"));
                if (multiRow) {
                    conn.execute(io.retort.sql.Sql.insert(users), rows);
                } else {
                    conn.execute(text("INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)"),
                            rows);
                }
                assertThat(conn.isInTransaction()).isTrue();
            } // closed without commit
        }
        assertThat(fullname(engine, "patrick")).isEqualTo("Patrick Star");
        assertThat(fullname(engine, "sandy")).isEqualTo("Sandy Cheeks");
        assertThat(fullname(engine, "gary")).isNull();
        assertThat(fullname(engine, "larry")).isNull();
    }

    @DatabaseTest
    void lockingTextAndStreamedReadsBeginTheTransaction(TestEngines engines, TestDatabase database) {
        Engine engine = engines.engine();
        Table users = seeded(engine);
        io.retort.sql.Select names = io.retort.sql.Sql.select(users.c("name")).orderBy(users.c("name"));
        List<io.retort.sql.Executable> beginning = database == TestDatabase.SQLITE
                ? List.of(text("SELECT name FROM user_account")) // SQLite has no row locks
                : List.of(text("SELECT name FROM user_account"), names.forUpdate());
        for (io.retort.sql.Executable statement : beginning) {
            try (Connection conn = engine.connect()) {
                conn.deferBeginUntilWrite();
                conn.execute(names).all();
                assertThat(conn.isInTransaction()).isEqualTo(!defers(database));
                conn.execute(statement).all();
                assertThat(conn.isInTransaction()).as(statement.toString()).isTrue();
            }
        }
        try (Connection conn = engine.connect()) {
            conn.deferBeginUntilWrite();
            try (Result streamed = conn.stream(names, Map.of(), 1)) {
                assertThat(conn.isInTransaction()).isTrue();
                assertThat(streamed.scalars(String.class).all()).containsExactly("patrick", "sandy", "squidward");
            }
        }
    }

    @DatabaseTest
    void aResultReadBeforeTheFirstWriteCanBeReadAfterIt(TestEngines engines) {
        Engine engine = engines.engine();
        Table users = seeded(engine);
        try (Connection conn = engine.connect()) {
            conn.deferBeginUntilWrite();
            Result result = conn.execute(io.retort.sql.Sql.select(users.c("name")).orderBy(users.c("name")));
            Iterator<Row> rows = result.iterator();
            assertThat(rows.next().get(0)).isEqualTo("patrick");
            conn.execute(text("UPDATE user_account SET fullname = 'Patrick' WHERE name = 'patrick'"));
            assertThat(rows.next().get(0)).isEqualTo("sandy");
            assertThat(rows.next().get(0)).isEqualTo("squidward");
            assertThat(rows.hasNext()).isFalse();
        }
    }

    /**
     * At REPEATABLE READ a transaction's reads share one snapshot: a session's first read must be in the
     * transaction, or a later read sees a row another transaction committed in between.
     */
    @DatabaseTest
    void aLevelWhoseReadsShareASnapshotNeverDefers(TestEngines engines, TestDatabase database) {
        Engine base = engines.engine();
        Table users = seeded(base);
        IsolationLevel level = database == TestDatabase.SQLITE ? IsolationLevel.SERIALIZABLE
                : IsolationLevel.REPEATABLE_READ;
        Engine engine = engines.create(EngineOptions.builder().isolationLevel(level).build());
        try (Session session = Session.open(engine)) {
            User sandy = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
            assertThat(session.connection().isInTransaction()).isTrue();
            if (database != TestDatabase.SQLITE) { // SQLite's writer would wait for this reader
                base.begin(conn -> conn.execute(text("UPDATE user_account SET fullname = 'Patrick'"
                        + " WHERE name = 'patrick'")));
                Object seen = session.connection().execute(text("SELECT fullname FROM user_account"
                        + " WHERE name = 'patrick'")).scalar();
                assertThat(seen).isEqualTo("Patrick Star"); // the snapshot of the session's first read
            }
            assertThat(sandy.fullname).isEqualTo("Sandy Cheeks");
        }
        try (Connection conn = engine.connect()) {
            conn.deferBeginUntilWrite();
            conn.execute(io.retort.sql.Sql.select(users.c("name"))).all();
            assertThat(conn.isInTransaction()).isTrue();
        }
        try (Connection conn = base.connect()) {
            conn.deferBeginUntilWrite();
            conn.setIsolationLevel(IsolationLevel.SERIALIZABLE); // chosen on the connection: it decides
            conn.execute(io.retort.sql.Sql.select(users.c("name"))).all();
            assertThat(conn.isInTransaction()).isTrue();
        }
    }

    /**
     * The inspector's catalog queries read in the connection's transaction, which close() ends. Before, they ran on
     * the JDBC connection without Retort beginning one, so that on PostgreSQL the connection went back to the pool
     * idle in a transaction the next user inherited.
     */
    @DatabaseTest
    void catalogReadsEndWithTheConnection(TestEngines engines, TestDatabase database) {
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(0).build());
        seeded(engine);
        for (boolean deferred : new boolean[] {false, true}) {
            try (Connection conn = engine.connect()) {
                if (deferred) {
                    conn.deferBeginUntilWrite();
                }
                assertThat(conn.inspector().tableNames()).contains("user_account");
                assertThat(conn.isInTransaction()).isEqualTo(!deferred || !defers(database));
            }
            if (database == TestDatabase.POSTGRESQL) {
                Engine other = engines.engine();
                assertThat(idleInTransaction(other)).isZero();
            }
        }
    }

    @DatabaseTest
    void theConnectionGoesBackToThePoolOutOfAutoCommit(TestEngines engines) throws Exception {
        Engine engine = engines.create(EngineOptions.builder().poolSize(1).maxOverflow(0).build());
        seeded(engine);
        try (Session session = Session.open(engine)) {
            session.scalars(select(User.class)).all();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.jdbcConnection().getAutoCommit()).isFalse();
            conn.execute(text("UPDATE user_account SET fullname = 'Gone' WHERE name = 'sandy'"));
        } // rolled back
        assertThat(fullname(engine, "sandy")).isEqualTo("Sandy Cheeks");
    }
}
